"""Visit report exports join the one export log in core (core.ReportExport); their
action-log entries follow them."""

from django.db import migrations


def forwards(apps, schema_editor):
    move_exports(apps, "visits", "visits", lambda old: old.file_format)


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
        ("visits", "0001_initial"),
        ("core", "0004_kits"),
        ("wagtailcore", "__latest__"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.DeleteModel(name="ReportExport"),
    ]
