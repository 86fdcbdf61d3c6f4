"""Public pages of the S&T task registry (Luật Tiếp cận thông tin số 104/2016/QH13, Điều 17
khoản 1: among what every agency publishes are the list and the results of its S&T programmes
and tasks): tasks under way,
results of the accepted tasks, a page per task, the RSS feed of new results."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portal.core import params
from portal.core.links import site_url

from .models import Field, Level, Organisation, Task
from .selectors import (
    TaskFilters,
    accepted_tasks,
    host_choices,
    newly_accepted,
    public_tasks,
    running_tasks,
    task_history,
    task_years,
)

PER_PAGE = 20


def read_filters(query) -> tuple[TaskFilters, list[str]]:
    """The filters of the query string (nam, linh-vuc, cap, co-quan, q) and, for each one that
    is not valid, the reason (the list is then shown without it, with status 400)."""
    problems = []
    try:
        year = params.year(query.get("nam"))
    except params.BadParameter:
        year = None
        low, high = params.YEARS
        problems.append(_("The year must be between %(low)s and %(high)s.") % {"low": low, "high": high})
    field = query.get("linh-vuc", "")
    if field and field not in Field.values:
        field = ""
        problems.append(_("The field chosen does not exist."))
    level = query.get("cap", "")
    if level and level not in Level.values:
        level = ""
        problems.append(_("The level chosen does not exist."))
    try:
        host_id = params.record_id(query.get("co-quan"))
    except params.BadParameter:
        host_id = -1
    if host_id and not Organisation.objects.filter(pk=host_id).exists():
        host_id = None
        problems.append(_("The host organisation chosen does not exist."))
    filters = TaskFilters(year=year, field=field, level=level, host_id=host_id, q=query.get("q", "")[:200].strip())
    return filters, problems


def _list_page(request, *, results: bool):
    filters, problems = read_filters(request.GET)
    tasks = accepted_tasks(filters) if results else running_tasks(filters)
    page = Paginator(tasks, PER_PAGE).get_page(request.GET.get("page"))
    kept = {
        key: value
        for key, value in (
            ("q", filters.q),
            ("nam", filters.year or ""),
            ("linh-vuc", filters.field),
            ("cap", filters.level),
            ("co-quan", filters.host_id or ""),
        )
        if value
    }
    context = {
        "results": results,
        "page_obj": page,
        "filters": filters,
        "years": task_years(),
        "fields": Field.choices,
        "levels": Level.choices,
        "hosts": host_choices(),
        "query_prefix": urlencode(kept) + "&" if kept else "",
        "problems": problems,
    }
    return render(request, "science/task_list.html", context, status=400 if problems else 200)


@require_safe
def running_page(request):
    return _list_page(request, results=False)


@require_safe
def results_page(request):
    return _list_page(request, results=True)


@require_safe
def task_page(request, pk: int):
    try:
        pk = params.record_id(str(pk))
    except params.BadParameter:
        raise Http404 from None
    task = get_object_or_404(public_tasks(), pk=pk)
    context = {
        "task": task,
        "history": task_history(task),
        "documents": task.documents.select_related("document").all(),
    }
    return render(request, "science/task.html", context)


class ResultsFeed(Feed):
    """RSS 2.0 of the newest accepted tasks, each with its rating and results."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Results of S&T tasks")

    def description(self):
        return _("S&T tasks newly accepted, with their rating and results.")

    def link(self):
        return site_url(reverse("science_results"))

    def feed_url(self):
        return site_url(self.request.path)

    def items(self):
        return newly_accepted()

    def item_title(self, item: Task):
        return f"{item.code} – {item.title}"

    def item_description(self, item: Task):
        return _("Accepted on %(date)s, rating: %(rating)s. %(results)s") % {
            "date": item.accepted_on.strftime("%d/%m/%Y"),
            "rating": item.get_rating_display(),
            "results": item.results,
        }

    def item_link(self, item: Task):
        return site_url(reverse("science_task", args=[item.pk]))

    def item_guid(self, item: Task):
        return self.item_link(item)

    def item_pubdate(self, item: Task):
        return item.public_time()


results_feed = require_safe(ResultsFeed())
