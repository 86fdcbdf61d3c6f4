"""Site search. Queries are folded like the indexed copy (see ArticlePage.search_folded), so
"hoi nghi thi dua" finds "Hội nghị thi đua"."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse

from portal.core.text import fold
from portal.news.selectors import live_articles

MAX_QUERY = 200


def search(request):
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY]
    results = []
    page_obj = None
    if query:
        matches = live_articles().search(fold(query), operator="and")
        paginator = Paginator(matches, 10)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            page_obj = paginator.page(1)
        results = page_obj.object_list
    context = {"query": query, "results": results, "page_obj": page_obj, "search_prefix": urlencode({"q": query}) + "&"}
    return TemplateResponse(request, "search/search.html", context)
