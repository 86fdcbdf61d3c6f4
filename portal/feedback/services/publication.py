"""Publishing an answered petition in Hỏi đáp, only when the citizen allowed it and only as
the publisher reviewed it (portal.feedback.anonymise proposes a text without personal data;
publishing is refused while the citizen's name, phone or e-mail is still in it)."""

from __future__ import annotations

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.signals import clear_page_cache
from portal.core.text import fold_for_search

from .. import workflow
from ..errors import PetitionActionError
from ..models import Petition, PetitionPublication
from ..text import clean_text, html_text, need_text, sanitize_answer
from .common import locked, record


@transaction.atomic
def petition_publish(*, petition: Petition, user, title: str, question: str, answer: str) -> PetitionPublication:
    """Publish an answered petition in "Hỏi đáp" (only when the citizen allowed it), with the
    question and answer as reviewed by the publisher."""
    petition = locked(petition)
    workflow.check("publish", petition, user)
    title = clean_text(title)
    if not (5 <= len(title) <= 200):
        raise PetitionActionError(_("The published title needs 5 to 200 characters."))
    question = need_text(question, _("Write the published question."), limit=10_000)
    answer_html = sanitize_answer(answer)
    if not html_text(answer_html):
        raise PetitionActionError(_("Write the published answer."))
    leaks = [
        v
        for v in (petition.full_name, petition.phone, petition.email)
        if v and v.lower() in f"{title} {question} {answer_html}".lower()
    ]
    if leaks:
        raise PetitionActionError(
            _("The published text still contains the citizen's name, phone number or e-mail address.")
        )
    # Words separated by single spaces, with one before the first: the Q&A search matches
    # " word" (the start of a word), so "an" does not find "toan".
    search_text = (
        " "
        + " ".join(re.sub(r"[^\w]+", " ", fold_for_search(f"{title} {question} {html_text(answer_html)}")).split())
        + " "
    )
    publication, _created = PetitionPublication.objects.update_or_create(
        petition=petition,
        defaults={
            "title": title,
            "question": question,
            "answer": answer_html,
            "area": petition.area,
            "live": True,
            "published_by": user,
            "search_text": search_text,
            "published_at": timezone.now(),
        },
    )
    record(petition, action="published", user=user, internal_note=_("Published in the questions and answers."))
    transaction.on_commit(clear_page_cache)  # the Q&A list and pages are served from the page cache
    return publication


@transaction.atomic
def petition_unpublish(*, petition: Petition, user) -> None:
    petition = locked(petition)
    workflow.check("unpublish", petition, user)
    PetitionPublication.objects.filter(petition=petition, live=True).update(live=False)
    record(petition, action="unpublished", user=user, internal_note=_("Withdrawn from the questions and answers."))
    transaction.on_commit(clear_page_cache)
