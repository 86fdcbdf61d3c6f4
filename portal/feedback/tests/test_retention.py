"""Personal data of petitions (issue 14, Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): every staff view of a
petitioner's data is logged; closed petitions lose it after the retention period."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal.feedback.models import FileKind, Petition, PetitionStatus
from portal.feedback.services.retention import REMOVED_NAME

from .factories import PDF, answer, form_data, submit


def test_every_view_of_a_petitioners_data_is_logged(client, staff):
    officer, _ = staff
    petition, _ = submit(client)
    client.force_login(officer)
    for _ in range(2):
        assert client.get(f"/admin/petitions/inspect/{petition.pk}/").status_code == 200
    views = ModelLogEntry.objects.for_instance(petition).filter(action="portal.personal_data_viewed")
    assert views.count() == 2 and views.first().user == officer


def test_closed_petitions_lose_personal_data_after_the_retention_period(client, staff, settings):
    officer, leader = staff
    settings.FEEDBACK_RETENTION_DAYS = 365
    text = "Tôi là Nguyễn Thị Hoa, điện thoại 0912 345 678, đề nghị Sở hướng dẫn đăng ký nhiệm vụ năm 2027."
    sent = client.post(
        "/api/v1/feedback", {**form_data(content=text), "files": [SimpleUploadedFile("don.pdf", PDF)]}
    ).json()
    old = answer(Petition.objects.get(code=sent["code"]), officer, leader)
    recent = answer(submit(client, title="Câu hỏi mới đóng gần đây")[0], officer, leader)
    still_open, _ = submit(client, title="Câu hỏi đang xử lý")
    Petition.objects.filter(pk=old.pk).update(closed_at=timezone.now() - dt.timedelta(days=400))
    Petition.objects.filter(pk=still_open.pk).update(submitted_at=timezone.now() - dt.timedelta(days=900))

    out = io.StringIO()
    call_command("petition_purge", "--dry-run", stdout=out)
    assert Petition.objects.get(pk=old.pk).anonymised_at is None  # a dry run changes nothing
    assert out.getvalue().strip() == "1 phản ánh, kiến nghị sẽ được xóa dữ liệu cá nhân."
    out = io.StringIO()
    call_command("petition_purge", stdout=out)
    assert out.getvalue().strip() == "Đã xóa dữ liệu cá nhân của 1 phản ánh, kiến nghị."

    old.refresh_from_db()
    assert (old.full_name, old.phone, old.email, old.address) == (REMOVED_NAME, "", "", "")
    assert "Nguyễn Thị Hoa" not in old.content and "0912" not in old.content and old.anonymised_at is not None
    assert "đăng ký nhiệm vụ" in old.content  # the substance stays
    assert old.status == PetitionStatus.ANSWERED and old.answer.body  # the answer stays
    assert not old.files.filter(kind=FileKind.CITIZEN).exists()
    assert ModelLogEntry.objects.for_instance(old).filter(action="portal.personal_data_removed").exists()
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.full_name == "Nguyễn Thị Hoa" and kept.anonymised_at is None
