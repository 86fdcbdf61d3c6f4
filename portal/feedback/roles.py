"""Groups for the handling of petitions (data: an administrator may rename them; code finds
them through these names). Created by `setup_portal` (portal.feedback.wagtail_hooks)."""

OFFICERS = "Cán bộ xử lý PAKN"
LEADERS = "Lãnh đạo duyệt PAKN"
OFFICER_PERMISSIONS = ["view_petition", "handle_petition"]
LEADER_PERMISSIONS = OFFICER_PERMISSIONS + ["approve_petition", "view_petition_report"]
