"""Admin forms adjusted for a Vietnamese admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class PortalLoginForm(LoginForm):
    """Wagtail's login form gives the password field no label, so Django derives the
    untranslatable "Password" from the field name; give it a translated one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
