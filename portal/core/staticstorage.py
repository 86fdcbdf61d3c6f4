"""Static files as whitenoise stores them (hashed names, compressed copies), with each name's
address remembered.

A page asks for about ten static addresses ({% static %}); each one looked the name up in the
manifest, then unquoted, joined and quoted it again: ~3 % of an uncached article's render. The
manifest is read when the process starts and does not change while it runs (a new release
restarts the processes), so a name's address is worked out once per process."""

from __future__ import annotations

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class PortalStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._addresses: dict[str, str] = {}

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        try:
            return self._addresses[name]
        except KeyError:
            address = self._addresses[name] = super().url(name)
            return address
