"""Site search page. Matching ignores case and diacritics; results can be narrowed by
category and dates and sorted by relevance or date (see portal.news.search)."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse

from portal.news.models import CategoryPage
from portal.news.search import SORTS, highlight, search_articles, suggest_query
from portal.news.selectors import filter_articles_by_date, live_articles

MAX_QUERY = 200
PER_PAGE = 10


def search(request):
    query = " ".join((request.GET.get("q") or "").split())[:MAX_QUERY]
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "relevance"
    categories = list(CategoryPage.objects.live().public().order_by("path").only("title", "slug", "path", "depth"))
    category = next((c for c in categories if c.slug == request.GET.get("category")), None)
    articles = live_articles()
    if category is not None:
        articles = articles.descendant_of(category)
    articles, date_filter = filter_articles_by_date(articles, request.GET)
    results, page_obj = [], None
    if query:
        narrowed = category is not None or date_filter.active
        # Unfiltered searches pass no candidates: see SEARCH_BROAD_LIMIT in portal.news.search.
        paginator = Paginator(search_articles(query=query, articles=articles if narrowed else None, sort=sort), PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            page_obj = paginator.page(1)
        results = [(article, highlight(article, query)) for article in page_obj.object_list]
    suggestion = suggest_query(query) if query and not results else None
    params = {"q": query, "sort": sort}
    if category is not None:
        params["category"] = category.slug
    context = {
        "query": query,
        "sort": sort,
        "categories": categories,
        "category": category,
        "date_filter": date_filter,
        "results": results,
        "suggestion": suggestion,
        "suggestion_query": urlencode({"q": suggestion}) if suggestion else "",
        "page_obj": page_obj,
        "search_prefix": urlencode(params) + "&" + date_filter.query_prefix,
    }
    return TemplateResponse(request, "search/search.html", context)
