"""Password rules for staff accounts, beside Django's own validators (settings
AUTH_PASSWORD_VALIDATORS: at least 12 characters, not like the user's name, not all digits).

`CommonPasswordValidator` refuses Django's list of 20,000 common passwords and our list of
passwords common in Vietnam and in Vietnamese agencies (data/common-passwords-vi.txt): a
password is refused when, lower-cased and without diacritics, it is on either list, or is a
word of our list with only digits and punctuation around it ("Sokhcn2026!", "matkhau@123")."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.contrib.auth.password_validation import CommonPasswordValidator as DjangoCommon
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.core.text import fold

LIST = Path(__file__).resolve().parent.parent / "data" / "common-passwords-vi.txt"
_EDGES = re.compile(r"^[\d\W_]+|[\d\W_]+$")


@cache
def vietnamese_words() -> frozenset[str]:
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()).replace(" ", "") for line in lines if line.strip() and not line.startswith("#"))


class CommonPasswordValidator(DjangoCommon):
    def validate(self, password, user=None):
        super().validate(password, user)
        folded = fold(password).replace(" ", "")
        core = _EDGES.sub("", folded)
        if folded in vietnamese_words() or (core and core in vietnamese_words()):
            raise ValidationError(
                _("This password is too common (a usual word or the department's name with a few digits)."),
                code="password_too_common",
            )

    def get_help_text(self):
        return _("Your password can’t be a commonly used password.")
