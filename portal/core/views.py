"""Site-wide pages that belong to no content app: robots.txt, the favicon and the HTML site map."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site, get_page_models

from .icons import site_icons
from .links import public_addresses, site_url
from .models import SiteIdentity

DISALLOWED = ["/tim-kiem/", "/api/"]


def _disallowed() -> list[str]:
    """The admins are named only at their default addresses: a moved admin stays unnamed."""
    admins = [f"/{settings.ADMIN_PATH}", f"/{settings.DJANGO_ADMIN_PATH}"]
    return [path for path in admins if path in ("/admin/", "/django-admin/")] + DISALLOWED


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = ["User-agent: *"] + [f"Disallow: {path}" for path in _disallowed()]
    lines.append(f"Sitemap: {site_url('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for without reading the page: the
    emblem's 32×32 icon (or the built-in one), by redirect, so a new emblem shows within a day."""
    return HttpResponseRedirect(site_icons(SiteIdentity.for_request(request))["icon"])


def _section_content_types() -> list[ContentType]:
    """Page types that hold other pages (news categories, later the service sections). Leaf
    content such as articles is reached from its section, so it is not listed."""
    return [ContentType.objects.get_for_model(model) for model in get_page_models() if model.allowed_subpage_models()]


@require_safe
def html_sitemap(request):
    """'Sơ đồ cổng thông tin': the sections of the site as a tree (two levels below home)."""
    site = Site.find_for_request(request)
    home = site.root_page if site else None
    tree = []
    if home is not None:
        sections = (
            Page.objects.live()
            .public()
            .descendant_of(home)
            .filter(depth__lte=home.depth + 2, content_type__in=_section_content_types())
            .order_by("path")
        )
        children: dict[str, list[Page]] = {}
        for page in sections:
            children.setdefault(page.path[: -Page.steplen], []).append(page)
        tree = [(section, children.get(section.path, [])) for section in children.get(home.path, [])]
    context = {"home": home, "tree": tree, "addresses": [a for a in public_addresses() if a.in_html_sitemap]}
    return TemplateResponse(request, "core/html_sitemap.html", context)


@require_safe
@cache_control(max_age=3600, public=True)
def security_txt(request):
    """/.well-known/security.txt (RFC 9116): whom to tell about a vulnerability. The contact is
    SECURITY_CONTACT, or else the department's e-mail address; it expires after 180 days and is
    made anew on each request, so it never goes stale."""
    import datetime as dt

    from django.utils import timezone

    from .models import SiteIdentity

    contact = settings.SECURITY_CONTACT
    if not contact:
        site = Site.find_for_request(request)
        email = SiteIdentity.for_site(site).email if site else ""
        contact = f"mailto:{email}" if email else ""
    lines = [f"Contact: {contact}"] if contact else []
    expires = (timezone.now() + dt.timedelta(days=180)).replace(microsecond=0)
    lines += [
        f"Expires: {expires.astimezone(dt.UTC).isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: vi, en",
        f"Canonical: {site_url('/.well-known/security.txt')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
