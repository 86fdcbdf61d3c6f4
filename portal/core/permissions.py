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
