"""Editorial roles: editors submit, the editor-in-chief approves and publishes."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Workflow

from portal.core import roles
from portal.core.tests.factories import make_user
from portal.home.setup import portal_setup
from portal.news.tests.factories import make_article, make_category


@pytest.mark.django_db
def test_setup_creates_roles_and_workflow_idempotently():
    home = portal_setup()
    portal_setup()  # twice: nothing duplicated
    assert set(
        Group.objects.filter(name__in=[roles.EDITORS, roles.APPROVERS, roles.ADMINISTRATORS]).values_list(
            "name", flat=True
        )
    ) == {roles.EDITORS, roles.APPROVERS, roles.ADMINISTRATORS}
    workflow = Workflow.objects.get(name=roles.WORKFLOW_NAME)
    assert home.get_workflow() == workflow
    assert [t.specific.groups.get().name for t in workflow.tasks] == [roles.APPROVERS]
    assert GroupPagePermission.objects.filter(group__name=roles.EDITORS, page=home).count() == len(
        roles.EDITOR_PAGE_PERMISSIONS
    )


def test_editor_can_edit_but_not_publish(article):
    editor = make_user("bt", roles.EDITORS)
    perms = article.permissions_for_user(editor)
    assert perms.can_edit()
    assert not perms.can_publish()
    assert article.get_parent().permissions_for_user(editor).can_add_subpage()


def test_approver_can_publish(article):
    approver = make_user("tb", roles.APPROVERS)
    assert article.permissions_for_user(approver).can_publish()


def test_editor_submission_waits_for_approval(article, client):
    """An editor's change goes to the workflow; the page stays as published until approved."""
    editor = make_user("bt", roles.EDITORS)
    approver = make_user("tb", roles.APPROVERS)
    draft = article.get_latest_revision_as_object()
    draft.title = "Tiêu đề đã sửa"
    revision = draft.save_revision(user=editor)
    workflow_state = article.get_workflow().start(article, editor)
    article.refresh_from_db()
    assert article.title != "Tiêu đề đã sửa"  # not published yet
    task_state = workflow_state.current_task_state
    assert task_state.revision_id == revision.pk
    task = task_state.task.specific
    assert task.get_actions(article, editor) == []
    assert "approve" in [action[0] for action in task.get_actions(article, approver)]
    assert task.get_task_states_user_can_moderate(approver).filter(pk=task_state.pk).exists()
    assert not task.get_task_states_user_can_moderate(editor).exists()
    task.on_action(task_state, approver, "approve")
    article.refresh_from_db()
    assert article.title == "Tiêu đề đã sửa"
    assert article.live


def test_admin_edit_view_offers_no_publish_to_editor(article, client):
    editor = make_user("bt", roles.EDITORS)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="action-submit"' in html  # submit to the approval workflow
    assert 'name="action-publish"' not in html


def test_per_category_permissions(home):
    """A group given rights on one category cannot touch another (Wagtail page permissions)."""
    science = make_category(home, "Thông tin KH&CN")
    awards = make_category(home, "Thi đua")
    in_science = make_article(science, "Bài khoa học")
    in_awards = make_article(awards, "Bài thi đua")
    group = Group.objects.create(name="Biên tập chuyên mục KH&CN")
    from django.contrib.auth.models import Permission

    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=science,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    user = get_user_model().objects.create_user(username="kh", password="x-Secret-123")
    user.groups.add(group)
    assert in_science.permissions_for_user(user).can_edit()
    assert not in_awards.permissions_for_user(user).can_edit()


@pytest.mark.django_db
def test_setup_leaves_one_approval_workflow_in_vietnamese():
    """Wagtail's migrations add "Moderators approval" on the root and English groups; after
    setup only "Duyệt bài viết" is active and linked, and the empty English groups are gone."""
    from wagtail.models import Page, WorkflowPage

    # As Wagtail's migrations leave a new database (the session's setup already retired them).
    default = Workflow.objects.update_or_create(name=roles.WAGTAIL_DEFAULT_WORKFLOW, defaults={"active": True})[0]
    WorkflowPage.objects.update_or_create(page=Page.get_first_root_node(), defaults={"workflow": default})
    Group.objects.get_or_create(name="Moderators")
    portal_setup()
    portal_setup()
    assert list(Workflow.objects.filter(active=True).values_list("name", flat=True)) == [roles.WORKFLOW_NAME]
    assert set(WorkflowPage.objects.values_list("workflow__name", flat=True)) == {roles.WORKFLOW_NAME}
    assert Page.get_first_root_node().get_workflow() is None
    assert not Group.objects.filter(name__in=roles.WAGTAIL_DEFAULT_GROUPS).exists()


@pytest.mark.django_db
def test_setup_keeps_an_english_group_somebody_is_in():
    group = Group.objects.get_or_create(name="Editors")[0]
    make_user("cu", "Editors")
    portal_setup()
    assert Group.objects.filter(pk=group.pk).exists()
