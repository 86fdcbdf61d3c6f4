"""`manage.py translation_report [--list APP]`: how many Wagtail and Django admin strings still
have no Vietnamese translation, counting Wagtail's own catalogue and ours
(portal/locale_admin, which completes it and is written to be contributed upstream)."""

from pathlib import Path

import polib
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import trans_real

SOURCES = ["wagtail", "django/contrib/admin", "django/contrib/auth"]


def _source_catalogues():
    """English catalogues of the installed Wagtail apps and of Django's admin and auth."""
    import django
    import wagtail
    from django.apps import apps

    roots = {"wagtail": Path(wagtail.__file__).parent, "django": Path(django.__file__).parent}
    installed = {Path(config.path).resolve() for config in apps.get_app_configs()}
    for source in SOURCES:
        top, _, rest = source.partition("/")
        base = roots[top] / rest if rest else roots[top]
        for po in sorted(base.glob("**/locale/en/LC_MESSAGES/django.po")):
            app_dir = po.parent.parent.parent.parent
            if app_dir.resolve() in installed:
                yield str(app_dir.relative_to(roots[top].parent)), po


def _translated(catalog, entry) -> bool:
    key = entry.msgid if not entry.msgctxt else f"{entry.msgctxt}\x04{entry.msgid}"
    if entry.msgid_plural:
        key = (key, 0)
    try:
        return bool(catalog[key])
    except KeyError:
        return False


class Command(BaseCommand):
    help = "Report Wagtail/Django admin strings without a Vietnamese translation."

    def add_arguments(self, parser):
        parser.add_argument(
            "--list", metavar="APP", help="print the untranslated msgids of one app (e.g. wagtail/admin)"
        )

    def handle(self, *args, list: str | None, **options):
        with translation.override("vi"):
            catalog = trans_real.translation("vi")._catalog
        total = missing = 0
        rows = []
        for app, po_path in _source_catalogues():
            entries = [e for e in polib.pofile(str(po_path)) if not e.obsolete and e.msgid]
            untranslated = [e for e in entries if not _translated(catalog, e)]
            rows.append((app, len(entries), len(untranslated)))
            total += len(entries)
            missing += len(untranslated)
            if list == app:
                for entry in untranslated:
                    self.stdout.write(entry.msgid)
        if list:
            return
        for app, count, gap in rows:
            self.stdout.write(f"{app:<40} {count - gap:>5}/{count:<5} untranslated {gap}")
        self.stdout.write(f"{'total':<40} {total - missing:>5}/{total:<5} untranslated {missing}")
