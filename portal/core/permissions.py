"""Permission policies shared by the apps' admin views."""

from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPolicy(ModelPermissionPolicy):
    """For records the system writes through its services (recordings, petitions, their
    histories): people with the view permission may look; nobody adds, edits or deletes them
    through the admin's generic forms."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


def register_read_only_report(viewset_class):
    """Register a ModelViewSet of system-written records as a read-only listing under
    Báo cáo (Reports): the read-only policy on its model, the viewset, the menu item."""
    from wagtail import hooks
    from wagtail.permissions import register_permission_policy

    register_permission_policy(viewset_class.model, ReadOnlyPolicy(viewset_class.model))
    viewset = viewset_class()
    hooks.register("register_admin_viewset", lambda: viewset)
    hooks.register("register_reports_menu_item", viewset.get_menu_item)
    return viewset
