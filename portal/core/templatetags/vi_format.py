"""Template filters for Vietnamese dates and numbers (see portal.core.formats)."""

from django import template
from django.utils import timezone

from portal.core import formats

register = template.Library()


@register.filter
def vi_full_date(value):
    return formats.full_date(value) if value else ""


@register.filter
def vi_date(value):
    return formats.short_date(value) if value else ""


@register.filter
def vi_article_date(value):
    return formats.article_date(value) if value else ""


@register.filter
def vi_time(value):
    return formats.short_time(value) if value else ""


@register.filter
def vi_number(value):
    return formats.number(value)


@register.filter
def iso(value):
    """A date or time for `datetime=` attributes and metadata: ISO 8601 in the site's time zone,
    whole seconds (HTML allows at most three decimals; Django's "c" format prints six)."""
    return formats.iso(value) if value else ""


@register.simple_tag
def vi_today():
    """Today's date for the header, in Asia/Ho_Chi_Minh."""
    return formats.full_date(timezone.localtime())
