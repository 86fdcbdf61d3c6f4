"""Demo of how emulation is organised, written for this project: the provincial bloc the
department belongs to (with five other departments), the cluster of its own units, each year's
rotating head and deputy, covenant and leader; the year's regular movement and a thematic one;
and the registrations made at the start of the year under review."""

from __future__ import annotations

import datetime as dt

from .models import Bloc, BlocYear, Movement, Official, Registration, Unit, YearRecord

OTHER_DEPARTMENTS = ["Sở Tài chính", "Sở Xây dựng", "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Y tế"]
CLUSTER_UNITS = [
    "Văn phòng Sở",
    "Phòng Kế hoạch – Tài chính",
    "Phòng Quản lý khoa học",
    "Phòng Quản lý công nghệ và Đổi mới sáng tạo",
    "Thanh tra Sở",
]
TARGETS = (
    "100% cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên; mỗi đơn vị có ít nhất 01 sáng kiến được công nhận; "
    "giải quyết thủ tục hành chính đúng hạn 100%; không có cán bộ bị kỷ luật."
)


def _rotate(members: list[Unit], years: list[int], bloc: Bloc, leaders: dict[int, Unit]) -> None:
    for index, year in enumerate(years):
        BlocYear.objects.create(
            bloc=bloc,
            year=year,
            head=members[index % len(members)],
            deputy=members[(index + 1) % len(members)],
            covenant_signed_on=dt.date(year, 2, 20),
            targets=TARGETS,
            leader=leaders.get(year),
        )


def demo_organisation(department: Unit, years: list[int]) -> str:
    last = years[-1]
    others = [Unit.objects.create(name=name, external=True) for name in OTHER_DEPARTMENTS]
    bloc = Bloc.objects.create(
        name="Khối thi đua các sở quản lý kinh tế – kỹ thuật",
        kind=Bloc.Kind.BLOC,
        description="Khối thi đua do Ủy ban nhân dân tỉnh thành lập; khối trưởng luân phiên hằng năm.",
    )
    bloc.members.set([department, *others])
    bloc.save()  # a parental relation is written on save
    _rotate([department, *others], years, bloc, {y: others[(y + 2) % len(others)] for y in years[:-1]})

    cluster_units = list(Unit.objects.filter(name__in=CLUSTER_UNITS, parent=department).order_by("name"))
    cluster = Bloc.objects.create(
        name="Cụm thi đua các phòng chuyên môn và Văn phòng Sở",
        kind=Bloc.Kind.CLUSTER,
        description="Cụm thi đua trong Sở; kết quả suy tôn dẫn đầu cụm là căn cứ đề nghị Cờ thi đua của tỉnh.",
    )
    cluster.members.set(cluster_units)
    cluster.save()
    # The unit with the best record of each year leads the cluster (the cluster's vote, recorded).
    rank = {"htxsnv": 3, "httnv": 2, "htnv": 1, "khtnv": 0}
    leaders = {}
    for year in years:
        records = YearRecord.objects.filter(unit__in=cluster_units, year=year).select_related("unit")
        best = max(records, key=lambda r: (rank[r.rating], -r.unit.pk), default=None)
        if best is not None:
            leaders[year] = best.unit
    _rotate(cluster_units, years, cluster, leaders)

    Movement.objects.create(
        name=f"Phong trào thi đua thực hiện thắng lợi nhiệm vụ khoa học và công nghệ năm {last}",
        kind=Movement.Kind.REGULAR,
        starts_on=dt.date(last, 1, 1),
        ends_on=dt.date(last, 12, 31),
        targets=TARGETS,
        criteria="Chấm điểm theo bảng tiêu chí thi đua của Sở: thực hiện nhiệm vụ chuyên môn (60 điểm), "
        "cải cách hành chính và chuyển đổi số (20 điểm), xây dựng đơn vị (20 điểm).",
        launched_on=dt.date(last, 2, 20),
        midterm_on=dt.date(last, 7, 10),
        final_on=dt.date(last, 12, 26),
        results="Sơ kết 6 tháng: 8/8 đơn vị đạt tiến độ; tổng kết năm: đề nghị khen thưởng theo kết quả chấm điểm.",
    )
    Movement.objects.create(
        name=f"Thi đua đẩy mạnh chuyển đổi số và đổi mới sáng tạo giai đoạn {last - 1}–{last + 1}",
        kind=Movement.Kind.THEMATIC,
        starts_on=dt.date(last - 1, 3, 1),
        ends_on=dt.date(last + 1, 12, 31),
        targets="100% hồ sơ công việc xử lý trên môi trường mạng; mỗi đơn vị có ít nhất 01 giải pháp chuyển đổi số.",
        criteria="Số thủ tục hành chính trực tuyến toàn trình; số giải pháp được áp dụng.",
        launched_on=dt.date(last - 1, 3, 1),
        midterm_on=dt.date(last, 6, 30),
        results="Sơ kết giữa kỳ: 27 giải pháp được đăng ký, 11 giải pháp đã áp dụng.",
    )
    registered = dt.date(last, 1, 20)
    rows = [
        Registration(unit=unit, year=last, code="tt_ldxs" if index % 2 else "tt_ldtt", registered_on=registered)
        for index, unit in enumerate(Unit.objects.filter(parent=department).order_by("name"))
    ]
    for index, official in enumerate(Official.objects.filter(unit__parent=department).order_by("pk")):
        rows.append(Registration(official=official, year=last, code="ldtt", registered_on=registered))
        if index % 4 == 0:
            rows.append(Registration(official=official, year=last, code="cstd_co_so", registered_on=registered))
    Registration.objects.bulk_create(rows)
    return f"2 khối, cụm thi đua; 2 phong trào thi đua; {len(rows)} đăng ký thi đua năm {last}."
