"""`manage.py translation_report [--list APP]`: how many strings of the editors' screens still
have no Vietnamese translation: the server-side strings of the installed Wagtail apps, Django's
admin and auth and django-taggit (the tags field), and the JavaScript strings of Wagtail's admin
(the page editor, the sidebar, the block buttons: catalogue djangojs), counting Wagtail's own
catalogues and ours (portal/locale_admin, which completes them and is written to be contributed
upstream). `--list wagtail/admin:djangojs` lists the JavaScript ones."""

from pathlib import Path

import polib
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import trans_real

SOURCES = ["wagtail", "django/contrib/admin", "django/contrib/auth", "taggit"]
DOMAINS = ("django", "djangojs")


def _source_catalogues():
    """(label, English catalogue, domain) of the installed Wagtail apps, Django's admin and auth
    and django-taggit, for the server's strings and the admin's JavaScript strings."""
    import django
    import taggit
    import wagtail
    from django.apps import apps

    roots = {
        "wagtail": Path(wagtail.__file__).parent,
        "django": Path(django.__file__).parent,
        "taggit": Path(taggit.__file__).parent,
    }
    installed = {Path(config.path).resolve() for config in apps.get_app_configs()}
    for source in SOURCES:
        top, _, rest = source.partition("/")
        base = roots[top] / rest if rest else roots[top]
        for domain in DOMAINS:
            for po in sorted(base.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")):
                app_dir = po.parent.parent.parent.parent
                if app_dir.resolve() in installed:
                    label = str(app_dir.relative_to(roots[top].parent))
                    yield (label if domain == "django" else f"{label}:{domain}"), po, domain


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
            catalogs = {
                "django": trans_real.translation("vi")._catalog,
                "djangojs": trans_real.DjangoTranslation("vi", domain="djangojs")._catalog,
            }
        total = missing = 0
        rows = []
        for app, po_path, domain in _source_catalogues():
            entries = [e for e in polib.pofile(str(po_path)) if not e.obsolete and e.msgid]
            untranslated = [e for e in entries if not _translated(catalogs[domain], e)]
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
