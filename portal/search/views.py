"""Site search page. Matching ignores case and diacritics; results can be narrowed by content
type (one tab per registered source, see portal.search.sources), category and dates, and
sorted by relevance or date (portal.search.query); each source finds its own matches."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse

from .filters import parse_date_filter
from .query import SORTS
from .sources import SearchRequest, category_facets, source_for, sources
from .suggest import suggest_query

MAX_QUERY = 200
PER_PAGE = 10


def search(request):
    query = " ".join((request.GET.get("q") or "").split())[:MAX_QUERY]
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "relevance"
    categories = category_facets()
    category = next((c for c in categories if c.slug == request.GET.get("category")), None)
    date_filter = parse_date_filter(request.GET)
    date_from, date_to = date_filter.bounds()
    kinds = sources()
    chosen = source_for(request.GET.get("type"))
    source = chosen or kinds[0]
    hits, page_obj, tabs = [], None, []
    if query:
        wanted = SearchRequest(
            query=query, sort=sort, date_from=date_from, date_to=date_to, category=category.value if category else None
        )
        found = {kind.key: kind.find(wanted) for kind in kinds}
        if chosen is None and not found[source.key].count():
            # No type asked for and no news found: open the first type that has matches.
            source = next((kind for kind in kinds if found[kind.key].count()), source)
        tabs = [(kind, found[kind.key], kind is source) for kind in kinds]
        paginator = Paginator(found[source.key], PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            page_obj = paginator.page(1)
        hits = source.hits(list(page_obj.object_list), query)
    suggestion = suggest_query(query) if query and not any(results.count() for _kind, results, _on in tabs) else None
    params = {"q": query, "sort": sort}
    if category is not None:
        params["category"] = category.slug
    context = {
        "query": query,
        "sort": sort,
        "categories": categories,
        "category": category,
        "date_filter": date_filter,
        "source": source,
        "sources": kinds,
        "tabs": tabs,
        "hits": hits,
        "results": page_obj.paginator.object_list if page_obj else None,
        "suggestion": suggestion,
        "suggestion_query": urlencode({"q": suggestion}) if suggestion else "",
        "page_obj": page_obj,
        "tab_prefix": urlencode(params) + "&" + date_filter.query_prefix,
        "search_prefix": urlencode({**params, "type": source.key}) + "&" + date_filter.query_prefix,
    }
    return TemplateResponse(request, "search/search.html", context)
