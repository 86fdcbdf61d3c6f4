"""The published questions and answers (Hỏi đáp) as a content type of the site search."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.text import html_text
from portal.search.highlight import highlight_text
from portal.search.sources import Hit, Results, SearchRequest, Source

from .models import PetitionPublication
from .selectors import published_questions, question_words


def _find(request: SearchRequest) -> Results:
    """Every folded word must start a word of the title, question or answer; newest first for either
    sort (the entries are few and short, so the date is the useful order)."""
    if not question_words(request.query):
        return Results(PetitionPublication.objects.none())  # "???" matches nothing, not everything
    items = published_questions(q=request.query)
    if request.date_from:
        items = items.filter(published_at__gte=request.date_from)
    if request.date_to:
        items = items.filter(published_at__lt=request.date_to)
    return Results(items.only("slug", "title", "question", "answer", "published_at", "area__name"))


def _hits(items: list, query: str) -> list[Hit]:
    hits = []
    for item in items:
        marked = highlight_text(
            item.title, [item.question, lambda item=item: html_text(item.answer)], query, prefixes=True
        )
        hits.append(
            Hit(
                title=marked.title,
                snippet=marked.snippet,
                url=reverse("question", args=[item.slug]),
                date=item.published_at,
                section=item.area.name,
            )
        )
    return hits


QUESTIONS_SOURCE = Source(key="hoi-dap", label=_("Questions and answers"), find=_find, hits=_hits, order=50)
