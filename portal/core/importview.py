"""The admin's import of a spreadsheet with a preview, for every registry that takes one (S&T
tasks, S&T indicators, and the registries still to come): step 1 checks the file row by row
and writes nothing; step 2 imports the same file, kept for this session only in the private
media folder (never a public address), then forgets it. A file left unconfirmed is deleted after
a day. An app gives its permissions, its titles and the function that imports (the same one
its management command runs, with dry_run for the preview).

Both steps run inside one request, which gunicorn ends after 30 s (deploy/gunicorn.conf.py): a
file of more than ADMIN_IMPORT_MAX_ROWS rows is refused before anything is checked, with the
command to use instead. (The S&T task import takes 6-10 ms a row on the 2-core test machine,
docs/benchmarks.md: a thousand rows is 10 s at most; a file cut off half-way would leave the
rows before the cut imported, each row being its own transaction.)"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from .tabular import ImportResult, TableFileError, count_rows

KEEP_SECONDS = 24 * 3600
MAX_BYTES = 10 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))


class ImportView(View):
    """Subclass with the attributes below and `run()`; route it with `as_view()`."""

    permissions: Sequence[str] = ()
    name: str = ""  # the URL name of this view, also the session key and the folder
    done_url_name: str = ""  # where a clean import ends
    title = ""
    help_text = ""
    key_label = gettext_lazy("Imported record")
    created_label = gettext_lazy("new imported record")
    too_large = gettext_lazy("The file is larger than 10 MB: import it with the management command.")
    command = ""  # the management command that imports the same files without the admin's limits
    links: Sequence[tuple[str, str]] = ()  # (label, URL name) under the form: a template to fill, an export
    max_bytes = MAX_BYTES
    template_name = "core/admin/import.html"

    def run(self, data: bytes, *, filename: str, user, dry_run: bool) -> ImportResult:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not all(request.user.has_perm(permission) for permission in self.permissions):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    # The kept file.
    def folder(self) -> Path:
        folder = Path(settings.PRIVATE_MEDIA_ROOT) / "imports" / self.name
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if old.stat().st_mtime < time.time() - KEEP_SECONDS:
                old.unlink(missing_ok=True)
        return folder

    def pending(self) -> tuple[Path, str] | None:
        kept = self.request.session.get(self.name)
        if not kept:
            return None
        path = self.folder() / kept["token"]
        return (path, kept["filename"]) if path.exists() else None

    def keep(self, data: bytes, filename: str) -> None:
        token = secrets.token_urlsafe(18)
        (self.folder() / token).write_bytes(data)
        self.request.session[self.name] = {"token": token, "filename": filename}

    # The two steps.
    def get(self, request):
        return self.page(ImportForm())

    def post(self, request):
        if request.POST.get("confirm") == "1":
            return self.confirm(request)
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.page(form)
        upload = form.cleaned_data["file"]
        data = upload.read(self.max_bytes + 1)
        filename = Path(upload.name).name
        if len(data) > self.max_bytes:
            form.add_error("file", str(self.too_large))
            return self.page(form)
        try:
            if (error := self.too_many_rows(data, filename)) is not None:
                form.add_error("file", error)
                return self.page(form)
            result = self.run(data, filename=filename, user=request.user, dry_run=True)
        except TableFileError as error:
            form.add_error("file", str(error))
            return self.page(form)
        self.keep(data, filename)
        return self.page(form, result=result, filename=filename, preview=True)

    def too_many_rows(self, data: bytes, filename: str) -> str | None:
        """The message refusing a file with more rows than one request can import, else None."""
        limit = settings.ADMIN_IMPORT_MAX_ROWS
        rows = count_rows(data, filename=filename)
        if rows <= limit:
            return None
        values = {
            "rows": number_format(rows, force_grouping=True),
            "limit": number_format(limit, force_grouping=True),
            "command": self.command,
        }
        if self.command:
            return (
                _(
                    "The file has %(rows)s rows; the admin imports at most %(limit)s at a time (a request may "
                    "take at most 30 seconds). Split the file, or import it on the server with the command "
                    "%(command)s."
                )
                % values
            )
        return (
            _(
                "The file has %(rows)s rows; the admin imports at most %(limit)s at a time (a request may "
                "take at most 30 seconds). Split the file."
            )
            % values
        )

    def confirm(self, request):
        pending = self.pending()
        if pending is None:
            messages.error(request, _("The checked file is no longer available: choose it again."))
            return redirect(self.name)
        path, filename = pending
        try:
            result = self.run(path.read_bytes(), filename=filename, user=request.user, dry_run=False)
        finally:
            path.unlink(missing_ok=True)
            request.session.pop(self.name, None)
        (messages.warning if result.errors else messages.success)(request, result.summary())
        if not result.errors:
            return redirect(self.done_url_name)
        return self.page(ImportForm(), result=result, filename=filename)

    def page(self, form, *, result: ImportResult | None = None, filename: str = "", preview: bool = False):
        form.fields["file"].help_text = self.help_text
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "result": result,
                "filename": filename,
                "preview": preview,
                "again_url": reverse(self.name),
                "links": [(label, reverse(url_name)) for label, url_name in self.links],
                "key_label": self.key_label,
                "created_label": self.created_label,
                "page_title": self.title,
                "header_title": self.title,
            },
            status=400 if form.errors else 200,
        )
