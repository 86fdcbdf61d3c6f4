"""The citizen's pages: send a petition, follow it. Both work without JavaScript; neither puts
a code, key or personal data in a URL (lookups are POSTs)."""

import secrets

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.core.beacons import client_ip

from .models import PetitionField
from .selectors import petition_lookup
from .services import PetitionInvalid, PetitionRateLimited, petition_submit

HONEYPOT = "ho_so_bo_sung"  # hidden from people; robots fill every field
FORM_FIELDS = ("full_name", "address", "phone", "email", "title", "content", "field")


@never_cache
@require_http_methods(["GET", "POST"])
def petition_form(request):
    values = {name: request.POST.get(name, "") for name in FORM_FIELDS}
    context = {"fields": PetitionField.objects.filter(active=True), "values": values, "errors": {}}
    if request.method == "POST":
        values["consent"] = request.POST.get("consent") == "1"
        values["no_publish"] = request.POST.get("no_publish") == "1"
        token = request.POST.get("token", "")
        if request.POST.get(HONEYPOT):
            context["errors"] = {"__all__": [_("The petition could not be sent. Please try again.")]}
        else:
            data = {**{name: values[name] for name in FORM_FIELDS}, "consent": values["consent"], "publish_allowed": not values["no_publish"]}
            try:
                result = petition_submit(data=data, ip=client_ip(request), idempotency_key=token)
            except PetitionInvalid as error:
                context["errors"] = error.errors
            except PetitionRateLimited as error:
                context["errors"] = {"__all__": [str(error)]}
            else:
                response = render(request, "feedback/submitted.html", {"petition": result.petition, "key": result.key})
                response["Cache-Control"] = "no-store"
                return response
        context["token"] = token or secrets.token_urlsafe(24)
        return render(request, "feedback/form.html", context, status=400 if context["errors"] else 200)
    context["token"] = secrets.token_urlsafe(24)
    context["values"]["consent"] = False
    context["values"]["no_publish"] = False
    return render(request, "feedback/form.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def petition_track(request):
    context = {"code": "", "petition": None, "not_found": False}
    if request.method == "POST":
        code = request.POST.get("code", "")[:30]
        context["code"] = code
        petition = petition_lookup(code=code, key=request.POST.get("key", "")[:40], contact=request.POST.get("contact", "")[:254])
        if petition is None:
            context["not_found"] = True
        else:
            context["petition"] = petition
            context["events"] = petition.events.all()
    response = render(request, "feedback/track.html", context, status=404 if context["not_found"] else 200)
    response["Cache-Control"] = "no-store"
    return response
