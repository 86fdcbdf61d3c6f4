"""Visit statistics kept by the site itself (no third-party analytics).

Only daily aggregates are kept for good. To count distinct visitors without storing addresses,
each hit is reduced to a hash of (address, browser) with a random salt that exists for one day
only (DailySalt); the day's hashes (DailyVisitor) and its salt are deleted once the day is over
and only the number of visitors remains (DailyTotal.visitors).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailySalt(models.Model):
    """The random salt of one day. Deleted with the day's visitor hashes after midnight, so a
    hash can never be linked back to an address by trying them all with a known salt."""

    day = models.DateField(primary_key=True)
    salt = models.CharField(max_length=64)


class DailyVisitor(models.Model):
    """One distinct visitor of the current day (a salted hash, never an address); `last_seen`
    gives the "online now" count. Rolled up into DailyTotal.visitors and deleted next day."""

    day = models.DateField()
    visitor = models.CharField(max_length=32)
    last_seen = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "visitor"], name="visits_visitor_unique_per_day")]
        indexes = [models.Index(fields=["last_seen"], name="visits_visitor_last_seen")]


class DailyTotal(models.Model):
    """Page views of one day and, for finished days, its distinct visitors."""

    day = models.DateField(primary_key=True)
    views = models.PositiveBigIntegerField(default=0)
    visitors = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("daily visit total")
        verbose_name_plural = _("daily visit totals")
        permissions = [("view_visit_report", _("Can see and export the visit statistics report"))]


class DailyPageView(models.Model):
    """Views of one Wagtail page on one day (pages only: no free-form paths, nothing from a
    query string, which may hold what a reader searched for)."""

    day = models.DateField()
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    views = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "page"], name="visits_pageview_unique_per_day")]


class DailyReferrer(models.Model):
    """Visits arriving from another site, by host name only (never the full address)."""

    day = models.DateField()
    host = models.CharField(max_length=253)
    views = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "host"], name="visits_referrer_unique_per_day")]


class DailyDevice(models.Model):
    DEVICE_CHOICES = [("desktop", _("Computer")), ("mobile", _("Phone")), ("tablet", _("Tablet"))]

    day = models.DateField()
    device = models.CharField(max_length=16, choices=DEVICE_CHOICES)
    views = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "device"], name="visits_device_unique_per_day")]
