"""Petition codes and report exports move to the shared kits in core: the yearly counter
becomes core.YearlySequence("PAKN", year) and the exports join core.ReportExport (their
action-log entries follow them)."""

from django.db import migrations


def forwards(apps, schema_editor):
    PetitionSequence = apps.get_model("feedback", "PetitionSequence")
    YearlySequence = apps.get_model("core", "YearlySequence")
    for row in PetitionSequence.objects.all():
        YearlySequence.objects.update_or_create(name="PAKN", year=row.year, defaults={"last": row.last})
    move_exports(apps, "feedback", "petitions", lambda old: "xlsx")


def move_exports(apps, app_label, report, file_format):
    """Copy an app's old export rows into core.ReportExport and re-point their log entries."""
    Old = apps.get_model(app_label, "ReportExport")
    New = apps.get_model("core", "ReportExport")
    ContentType = apps.get_model("contenttypes", "ContentType")
    LogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    old_type = ContentType.objects.filter(app_label=app_label, model="reportexport").first()
    new_type, _created = ContentType.objects.get_or_create(app_label="core", model="reportexport")
    for old in Old.objects.order_by("pk"):
        new = New.objects.create(
            user_id=old.user_id, report=report, file_format=file_format(old),
            date_from=old.date_from, date_to=old.date_to,
        )
        New.objects.filter(pk=new.pk).update(created_at=old.created_at)
        if old_type is not None:
            LogEntry.objects.filter(content_type=old_type, object_id=str(old.pk)).update(
                content_type=new_type, object_id=str(new.pk), action="portal.report_export"
            )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_handling"),
        ("core", "0004_kits"),
        ("wagtailcore", "__latest__"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.DeleteModel(name="PetitionSequence"),
        migrations.DeleteModel(name="ReportExport"),
    ]
