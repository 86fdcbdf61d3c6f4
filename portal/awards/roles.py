"""Groups of the awards cycle (data: an administrator may rename them; code finds them through
these names). Created by `setup_portal` (portal.awards.wagtail_hooks.awards_setup): officers keep
the records and run the cycle; the council secretary may also let a nomination go ahead against
the checker (awards.override_nomination), with written reasons."""

OFFICERS = "Cán bộ thi đua – khen thưởng"
SECRETARIES = "Thư ký Hội đồng thi đua – khen thưởng"
