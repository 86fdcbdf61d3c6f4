"""Demo S&T indicators: six yearly figures of a mid-sized province for the five years before
the current one, written by us (believable orders of magnitude, not any province's real
report). Idempotent: an indicator or a value that exists is left as staff may have edited it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .models import Indicator, IndicatorValue

REPORT = "Sở KH&CN, báo cáo thống kê cơ sở hằng năm"

# slug, title, unit, source, description, {category: five yearly values, oldest first}
INDICATORS = [
    (
        "st-organisations",
        "Tổ chức khoa học và công nghệ trên địa bàn",
        "tổ chức",
        "Sở KH&CN, hồ sơ đăng ký hoạt động khoa học và công nghệ",
        "Tổ chức KH&CN có giấy chứng nhận đăng ký hoạt động còn hiệu lực tại ngày 31/12.",
        {"Công lập": [17, 18, 18, 19, 19], "Ngoài công lập": [8, 9, 11, 12, 14]},
    ),
    (
        "rd-personnel-by-degree",
        "Nhân lực nghiên cứu và phát triển theo trình độ",
        "người",
        REPORT,
        "Người trực tiếp làm nghiên cứu và phát triển tại các tổ chức KH&CN, trường đại học, cao đẳng và "
        "bệnh viện của tỉnh.",
        {
            "Tiến sĩ": [142, 151, 163, 170, 184],
            "Thạc sĩ": [865, 902, 948, 991, 1037],
            "Đại học": [1630, 1668, 1702, 1745, 1781],
            "Cao đẳng": [212, 205, 198, 190, 186],
        },
    ),
    (
        "st-enterprises",
        "Doanh nghiệp khoa học và công nghệ được cấp giấy chứng nhận (lũy kế)",
        "doanh nghiệp",
        "Sở KH&CN, sổ cấp giấy chứng nhận doanh nghiệp KH&CN",
        "",
        {"": [6, 8, 11, 13, 16]},
    ),
    (
        "industrial-property-titles",
        "Văn bằng bảo hộ sở hữu công nghiệp cấp cho tổ chức, cá nhân trong tỉnh",
        "văn bằng",
        "Cục Sở hữu trí tuệ; Sở KH&CN tổng hợp",
        "",
        {
            "Bằng độc quyền sáng chế": [3, 4, 4, 6, 7],
            "Bằng độc quyền giải pháp hữu ích": [5, 7, 6, 9, 11],
            "Kiểu dáng công nghiệp": [12, 15, 14, 18, 21],
            "Nhãn hiệu": [214, 236, 251, 268, 290],
        },
    ),
    (
        "measuring-instruments",
        "Phương tiện đo được kiểm định, hiệu chuẩn",
        "phương tiện",
        "Sở KH&CN, bộ phận tiêu chuẩn – đo lường – chất lượng",
        "Công tơ điện, đồng hồ nước, cân, cột đo xăng dầu, phương tiện đo y tế và môi trường.",
        {"Kiểm định": [41250, 43890, 45120, 47630, 49870], "Hiệu chuẩn": [1830, 2015, 2240, 2410, 2655]},
    ),
    (
        "iso-9001-agencies",
        "Cơ quan hành chính áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015",
        "cơ quan",
        REPORT,
        "",
        {"": [168, 171, 173, 176, 176]},
    ),
]


@transaction.atomic
def demo_indicators() -> str:
    last_year = timezone.localdate().year - 1
    years = range(last_year - 4, last_year + 1)
    added = 0
    for order, (slug, title, unit, source, description, series) in enumerate(INDICATORS, start=1):
        indicator, _created = Indicator.objects.get_or_create(
            slug=slug,
            defaults={"title": title, "unit": unit, "source": source, "description": description, "order": order * 10},
        )
        for sort_order, (category, values) in enumerate(series.items()):
            for year, value in zip(years, values, strict=True):
                _value, created = IndicatorValue.objects.get_or_create(
                    indicator=indicator,
                    year=year,
                    category=category,
                    defaults={"value": value, "sort_order": sort_order},
                )
                added += created
    return f"Chỉ tiêu KH&CN: {len(INDICATORS)} chỉ tiêu, {added} giá trị mới." if added else ""
