"""Editorial roles and the approval workflow, created idempotently by `setup_portal`.

Group names are the ones Vietnamese editorial boards use; they are data (an administrator may
rename them in the admin) and other code finds them through these constants.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Biên tập viên"
APPROVERS = "Trưởng ban biên tập"
ADMINISTRATORS = "Quản trị hệ thống"
WORKFLOW_NAME = "Duyệt bài viết"
APPROVAL_TASK_NAME = "Trưởng ban biên tập duyệt"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
APPROVER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
ADMIN_PAGE_PERMISSIONS = APPROVER_PAGE_PERMISSIONS + ["bulk_delete_page"]
MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def _perm(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_perm("wagtailcore", codename))


def _grant_media(group: Group, collection: Collection) -> None:
    for app_label, codenames in MEDIA_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_perm(app_label, codename)
            )


@transaction.atomic
def roles_setup(*, root_page: Page) -> dict[str, Group]:
    """Create the three groups, their permissions on `root_page` (normally the home page)
    and the workflow that sends every page below it to the editor-in-chief for approval."""
    access_admin = _perm("wagtailadmin", "access_admin")
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    groups = {}
    for name, page_perms in (
        (EDITORS, EDITOR_PAGE_PERMISSIONS),
        (APPROVERS, APPROVER_PAGE_PERMISSIONS),
        (ADMINISTRATORS, ADMIN_PAGE_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        _grant_pages(group, root_page, page_perms)
        _grant_media(group, root_collection)
        groups[name] = group

    # The editor-in-chief reads and exports the visit statistics (thống kê truy cập).
    groups[APPROVERS].permissions.add(_perm("visits", "view_visit_report"))
    # System administrators manage users, settings, redirects, workflows: every model permission.
    groups[ADMINISTRATORS].permissions.add(*Permission.objects.all())

    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.add(groups[APPROVERS])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    _retire_wagtail_defaults(workflow)
    return groups


# What Wagtail's own migrations create for a new site (wagtailcore 0002 and 0048): two English
# groups and a "Moderators approval" workflow on the tree's root.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def _retire_wagtail_defaults(ours: Workflow) -> None:
    """Leave one approval workflow, ours, in Vietnamese: Wagtail's default workflow is unlinked
    from every page and deactivated (kept, as workflows with history cannot be deleted), its
    task likewise; its English groups are deleted while nobody is in them."""
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True).exclude(pk=ours.pk):
        workflow.deactivate()  # also unlinks it from its pages
    GroupApprovalTask.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exclude(workflow_tasks__workflow=ours).update(
        active=False
    )
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
