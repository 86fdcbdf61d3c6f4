"""Documents the cycle produces: the council meeting's minutes (biên bản, DOCX, python-docx)
and a decision's list of recipients with their prizes (XLSX)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from portal.core import formats

from .eligibility.prizes import prize_for
from .models import CouncilMeeting, Decision
from .selectors import base_salary_on, meeting_tally


def _result(passed) -> str:
    if passed is None:
        return _("No ballot")
    return _("Proposed") if passed else _("Not proposed")


def minutes_document(meeting: CouncilMeeting, *, department: str, parent_body: str):
    """The minutes of `meeting` as a python-docx Document, ready to print and sign."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    tally = meeting_tally(meeting)
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    heading = document.add_table(rows=1, cols=2)
    left, right = heading.rows[0].cells
    left.paragraphs[0].add_run((parent_body or "").upper())
    left.add_paragraph().add_run(department.upper()).bold = True
    right.paragraphs[0].add_run(_("SOCIALIST REPUBLIC OF VIETNAM")).bold = True
    right.add_paragraph().add_run(_("Independence – Freedom – Happiness")).bold = True
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(_("MINUTES")).bold = True
    subtitle = document.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.add_run(
        _("Meeting of the Emulation and Awards Council to review the achievements of %(year)s") % {"year": meeting.year}
    ).bold = True

    document.add_paragraph(
        _("Held on %(date)s at %(place)s.")
        % {"date": formats.full_date(meeting.held_on), "place": meeting.place or department}
    )
    document.add_paragraph(
        _("Chair: %(name)s. Secretary: %(secretary)s.") % {"name": meeting.chair, "secretary": meeting.secretary}
    )
    document.add_paragraph(
        _("The council has %(total)s members; %(present)s present, %(written)s absent voting in writing.")
        % {"total": meeting.members_total, "present": meeting.members_present, "written": meeting.written_votes}
    )
    if tally.quorum is not None:
        quorum = _("The meeting has its quorum") if tally.quorum_met else _("The meeting has no quorum")
        document.add_paragraph(f"{quorum} ({tally.quorum_basis}).")

    document.add_paragraph(_("Result of the secret ballot:"))
    table = document.add_table(rows=1, cols=8)
    table.style = "Table Grid"
    header = [_("No."), _("Nominee"), _("Title or form"), _("For"), _("Against"), _("Spoilt"), _("Share"), _("Result")]
    for cell, label in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(label).bold = True
    for number, row in enumerate(tally.rows, start=1):
        nomination, ballot = row.nomination, row.ballot
        subject = nomination.subject
        unit = getattr(subject, "unit", None)
        values = [
            str(number),
            f"{subject}" + (f" ({unit})" if unit else ""),
            nomination.get_code_display(),
            str(ballot.votes_for) if ballot else "",
            str(ballot.votes_against) if ballot else "",
            str(ballot.invalid) if ballot else "",
            row.share,
            _result(row.passed),
        ]
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    for basis in tally.bases:
        document.add_paragraph(_("Voting rule: %(basis)s.") % {"basis": basis})
    if meeting.notes:
        document.add_paragraph(_("Other business: %(notes)s") % {"notes": meeting.notes})

    signatures = document.add_table(rows=2, cols=2)
    for column, (role, name) in enumerate(((_("SECRETARY"), meeting.secretary), (_("CHAIR"), meeting.chair))):
        signatures.cell(0, column).paragraphs[0].add_run(role).bold = True
        signatures.cell(1, column).text = f"\n\n\n{name}"
        for r in (0, 1):
            for paragraph in signatures.cell(r, column).paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return document


def decision_rows(decision: Decision) -> list[dict]:
    """Each recipient of `decision` with the prize and where it comes from (or the question)."""
    base = base_salary_on(decision.signed_on)
    rows = []
    for nomination in decision.nominations.select_related("official__unit", "unit").order_by("code", "pk"):
        prize = prize_for(nomination.code, nomination.kind, decision.signed_on, base.amount if base else None)
        rows.append(
            {
                "nomination": nomination,
                "prize": nomination.prize_amount,
                "coefficient": prize.coefficient,
                "basis": prize.basis[:1],  # the coefficient's; rounding and base salary are the page's
                "question": prize.question,
            }
        )
    return rows


def decision_sheet_rows(decision: Decision):
    for number, row in enumerate(decision_rows(decision), start=1):
        nomination = row["nomination"]
        unit = getattr(nomination.subject, "unit", None)
        yield [
            number,
            str(nomination.subject),
            str(unit or ""),
            nomination.get_code_display(),
            nomination.year,
            float(row["coefficient"]) if row["coefficient"] is not None else "",
            row["prize"] if row["prize"] is not None else row["question"],
        ]


def statistics_document(stats):
    """The period statistics as a DOCX report (summary sentence, table by title and form)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(_("EMULATION AND AWARDS STATISTICS")).bold = True
    scope = str(stats.unit) if stats.unit else _("The whole department")
    subtitle = document.add_paragraph(
        _("Achievements of %(first)s–%(last)s; %(scope)s.")
        % {"first": stats.year_from, "last": stats.year_to, "scope": scope}
    )
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(
        _("In the period, %(total)s titles and forms were received: %(summary)s")
        % {"total": stats.total, "summary": stats.summary or "–"}
    )
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, label in zip(
        table.rows[0].cells, [_("Title or form"), _("Individuals"), _("Collectives"), _("Total")], strict=True
    ):
        cell.paragraphs[0].add_run(label).bold = True
    for _code, name, people, units in stats.by_form:
        for cell, value in zip(
            table.add_row().cells, [name, str(people), str(units), str(people + units)], strict=True
        ):
            cell.text = value
    if stats.one_off:
        document.add_paragraph(_("Of which one-off or thematic: %(count)s.") % {"count": stats.one_off})
    return document
