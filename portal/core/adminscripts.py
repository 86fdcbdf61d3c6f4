"""Wagtail 8's chooser widgets (image, page, document, snippet) end their HTML with an inline
<script> that starts them (BaseChooser.render). The admin's Content-Security-Policy refuses
inline scripts, so the same start is written as data instead: a hidden <span> with the
constructor's name, the field's id and the options, which portal/core/static/core/admin-init.js
turns into the same `new Constructor(id, options)`. Widgets that write their own script
(render_js_init overridden, e.g. the workflow chooser) keep Wagtail's rendering.

Installed from CoreConfig.ready; `portal/core/tests/test_admin_csp.py` fails when a Wagtail
upgrade changes what this relies on."""

from __future__ import annotations

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe


def install() -> None:
    from wagtail.admin.widgets.chooser import BaseChooser

    if getattr(BaseChooser.render, "portal_data_start", False):
        return
    wagtail_render = BaseChooser.render
    base_init = BaseChooser.render_js_init

    def render(self, name, value, attrs=None, renderer=None):
        if type(self).render_js_init is not base_init or "." in self.js_constructor:
            return wagtail_render(self, name, value, attrs, renderer)
        try:
            id_ = attrs["id"]
        except (KeyError, TypeError) as error:
            raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from error
        value_data = self.get_value_data(value)
        html = self.render_html(name, value_data, attrs)
        start = format_html(
            '<span hidden data-portal-init="chooser" data-constructor="{}" data-target="{}" data-options="{}"></span>',
            self.js_constructor,
            id_,
            json.dumps(self.get_js_init_options(id_, name, value_data)),
        )
        return mark_safe(f"{html}{start}")  # html is the widget's own escaped markup

    render.portal_data_start = True
    BaseChooser.render = render
