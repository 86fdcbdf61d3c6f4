"""The base of the admin report pages (visit statistics, petition reports): breadcrumbs, the
permission that opens them, and their period form read from the query or its default; and the
report of broken menu links (portal.core.navigation)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import DateRangeForm


class AdminReportView(WagtailAdminTemplateMixin, TemplateView):
    permission = ""  # "app.codename"; subclasses set it
    form_class = DateRangeForm
    header_icon = "table"
    query_fields = ("date_from", "date_to")  # naming any of them in the query reads the form from it

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def default_period(self) -> dict:
        """The form's data when the query names no dates."""
        raise NotImplementedError

    def period_form(self) -> DateRangeForm:
        if any(name in self.request.GET for name in self.query_fields):
            return self.form_class(self.request.GET)
        return self.form_class(self.default_period())


class BrokenLinksReportView(AdminReportView):
    """Báo cáo → Liên kết hỏng: the menu, quick and site links of every site that lead to no
    page, each with why and a link to the settings form where it is corrected."""

    permission = "core.change_sitenavigation"
    page_title = gettext_lazy("Broken menu links")
    template_name = "core/admin/broken_links_report.html"

    def get_context_data(self, **kwargs):
        from django.urls import reverse
        from wagtail.models import Site

        from .models import SiteNavigation
        from .navigation import broken_links

        sites = []
        for site in Site.objects.select_related("root_page").order_by("-is_default_site", "hostname"):
            nav = SiteNavigation.for_site(site)
            edit = reverse("wagtailsettings:edit", args=["core", "sitenavigation", site.pk])
            sites.append({"site": site, "links": broken_links(nav), "edit_url": edit})
        return {**super().get_context_data(**kwargs), "sites": sites}
