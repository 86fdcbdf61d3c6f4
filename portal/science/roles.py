"""The group that keeps the S&T task registry (data: an administrator may rename it; code finds
it through this name). Created by `setup_portal` (portal.science.wagtail_hooks.science_setup)."""

TASK_MANAGERS = "Quản lý nhiệm vụ KH&CN"
