"""The outbox left core for an app of its own: the table (core_outgoingmail) stays as it is,
only Django's idea of which app owns it changes, and the content type follows, so permissions
and action-log entries keep pointing at it."""

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="outbox", model="outgoingmail").exists():
        ContentType.objects.filter(app_label="core", model="outgoingmail").update(app_label="outbox")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="outbox", model="outgoingmail").update(app_label="core")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("core", "0003_outgoing_mail"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
            name='OutgoingMail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('to', models.JSONField(default=list, verbose_name='recipients')),
                ('subject', models.CharField(max_length=255, verbose_name='subject')),
                ('body', models.TextField(verbose_name='body')),
                ('reference', models.CharField(blank=True, max_length=100, verbose_name='reference')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('send_after', models.DateTimeField(db_index=True, verbose_name='next attempt')),
                ('claimed_until', models.DateTimeField(blank=True, null=True)),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                ('sent_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='sent')),
                ('failed_at', models.DateTimeField(blank=True, null=True, verbose_name='given up')),
                ('last_error', models.TextField(blank=True, verbose_name='last error')),
            ],
            options={
                'verbose_name': 'outgoing e-mail',
                'verbose_name_plural': 'outgoing e-mails',
                'db_table': 'core_outgoingmail',
                'indexes': [models.Index(fields=['sent_at', 'failed_at', 'send_after'], name='core_mail_due')],
            },
        )
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
