"""Demo petitions for `seed_demo`: one in each state, through the same services as real ones
(so the history, deadlines and counters are what a department would see)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .models import Petition, PetitionUnit

UNITS = [("Phòng Quản lý khoa học", "qlkh@example.vn"), ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "tdc@example.vn")]
PETITIONS = [
    (
        "Trần Văn Bình",
        "0915 222 333",
        "binh@example.vn",
        "Khoa học và công nghệ",
        "Hồ sơ đề xuất nhiệm vụ khoa học và công nghệ cấp tỉnh năm {next_year}",
        "Doanh nghiệp chúng tôi muốn đề xuất một nhiệm vụ ứng dụng công nghệ sinh học trong sản xuất chè. Xin hỏi hồ sơ đề xuất gồm những gì và nộp trước ngày nào?",
        "answered",
    ),
    (
        "Lê Thị Mai",
        "0977 444 555",
        "",
        "Tiêu chuẩn – Đo lường – Chất lượng",
        "Cân tại chợ trung tâm không được kiểm định",
        "Tôi thấy một số cân tại chợ trung tâm không có tem kiểm định còn hiệu lực, đề nghị Sở kiểm tra.",
        "processing",
    ),
    (
        "Phạm Quốc Huy",
        "",
        "huy@example.vn",
        "Khác",
        "Đề nghị cấp lại giấy phép lái xe",
        "Tôi bị mất giấy phép lái xe, đề nghị Sở cấp lại.",
        "transferred",
    ),
    (
        "Nguyễn Hữu Tâm",
        "0904 666 777",
        "",
        "Sở hữu trí tuệ",
        "Hỏi về đăng ký nhãn hiệu chung cho sản phẩm bưởi",
        "Hợp tác xã muốn đăng ký nhãn hiệu chung cho bưởi của xã, xin được hướng dẫn.",
        "received",
    ),
]
ANSWER = (
    "<p>Hồ sơ đề xuất đặt hàng nhiệm vụ khoa học và công nghệ cấp tỉnh gồm phiếu đề xuất theo mẫu "
    "và các tài liệu liên quan, gửi về Sở trước ngày 30/6 hằng năm. Mẫu phiếu có tại mục Văn bản.</p>"
)


@transaction.atomic
def demo_petitions(home) -> str:
    """The "portal_demo" hook: petitions handled by the first officer and leader of the demo
    staff (the groups of portal.feedback.wagtail_hooks)."""
    from django.contrib.auth import get_user_model

    from .roles import LEADERS, OFFICERS

    users = get_user_model().objects.filter(is_active=True).order_by("pk")
    officer, leader = users.filter(groups__name=OFFICERS).first(), users.filter(groups__name=LEADERS).first()
    if officer is None or leader is None:
        return ""
    created = demo_petitions_seed(officer=officer, leader=leader)
    return _("Demo petitions: %(count)d new.") % {"count": created}


def demo_petitions_seed(*, officer, leader) -> int:
    if Petition.objects.exists():
        return 0
    units = [PetitionUnit.objects.get_or_create(name=name, defaults={"email": email})[0] for name, email in UNITS]
    for full_name, phone, email, field, title, content, state in PETITIONS:
        result = services.petition_submit(
            data={
                "full_name": full_name,
                "address": "",
                "phone": phone,
                "email": email,
                "title": title.format(next_year=timezone.localdate().year + 1),
                "content": content,
                "field": field,
                "consent": True,
                "publish_allowed": True,
            },
            ip="demo",
            from_public=False,
        )
        petition = result.petition
        if state == "received":
            continue
        if state == "transferred":
            services.petition_transfer(petition=petition, user=leader, agency="Sở Xây dựng")
            continue
        services.petition_accept(petition=petition, user=officer)
        services.petition_assign(
            petition=petition, user=officer, unit=units[0] if field.startswith("Khoa") else units[1], assignee=officer
        )
        if state == "answered":
            services.petition_answer_save(petition=petition, user=officer, body=ANSWER, submit=True)
            services.petition_answer_approve(petition=petition, user=leader)
            services.petition_publish(
                petition=petition,
                user=leader,
                title="Hồ sơ đề xuất nhiệm vụ KH&CN cấp tỉnh",
                question=services.anonymise(content, petition),
                answer=ANSWER,
            )
    return len(PETITIONS)
