"""Cleaning what people type into petitions and answers (shared by every petition step)."""

from __future__ import annotations

import html as html_lib
import re
import unicodedata

import nh3
from django.utils.translation import gettext as _

from portal.core import formats

from .errors import PetitionActionError

# Control and invisible characters, and lone surrogates (never valid text; a JSON body may
# carry one as \ud800).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff\ud800-\udfff]")


def clean_text(value, *, multiline: bool = False) -> str:
    """NFC, no control or invisible characters, trimmed; single-line fields lose line breaks."""
    text = unicodedata.normalize("NFC", str(value or ""))
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        text = " ".join(text.split())
    return text.strip()


ANSWER_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


def sanitize_answer(html: str) -> str:
    """The answer as HTML that is safe on the public site and in the admin (nh3 allow-list;
    links keep only http(s)/mailto and get rel="noopener noreferrer")."""
    return nh3.clean(
        html or "",
        tags=ANSWER_TAGS,
        attributes={"a": {"href"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def html_text(html: str) -> str:
    """Plain text of sanitised HTML (e-mails, search text)."""
    text = re.sub(r"<(?:br|/p|/li|/h\d|/tr|/blockquote)\s*/?>", "\n", html or "")
    return html_lib.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def check_length(text: str, limit: int) -> str:
    if len(text) > limit:
        raise PetitionActionError(
            _("Please write at most %(n)s characters (now %(len)s).")
            % {"n": formats.number(limit), "len": formats.number(len(text))}
        )
    return text


def need_text(value: str, message: str, *, limit: int = 2000) -> str:
    """The cleaned text, refused with `message` when empty and with a length message when long."""
    text = clean_text(value, multiline=True)
    if not text:
        raise PetitionActionError(message)
    return check_length(text, limit)
