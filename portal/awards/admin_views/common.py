from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.models import InspectView

from ..services import AwardsActionError


class StepsView(InspectView):
    """An inspect page with steps: POST `action=<name>` runs `step_<name>(form)` with the
    bound form from `forms_for()`; a refused step re-renders with its message (status 400)."""

    change_permission = ""

    def forms_for(self, data=None) -> dict:
        return {}

    def allowed(self, name: str) -> bool:
        return self.request.user.has_perm(self.change_permission)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        step_forms = {name: form for name, form in self.forms_for().items() if self.allowed(name)}
        step_forms.update(kwargs.get("bound_forms", {}))
        context["step_forms"] = step_forms
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        name = request.POST.get("action", "")
        forms = self.forms_for(request.POST)
        if name not in forms:
            raise Http404
        if not self.allowed(name):
            raise PermissionDenied
        form = forms[name]
        if form is not None and not form.is_valid():
            messages.error(request, _("The step was not taken: check the form below."))
            return self.render_to_response(self.get_context_data(bound_forms={name: form}), status=400)
        try:
            message = getattr(self, f"step_{name}")(form)
        except AwardsActionError as error:
            messages.error(request, str(error))
            return self.render_to_response(
                self.get_context_data(bound_forms={name: form} if form is not None else {}), status=400
            )
        messages.success(request, message)
        return redirect(request.path)
