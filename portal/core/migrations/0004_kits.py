"""Shared kits: yearly sequences of tracking codes and the one log of report exports; the
outbox model now belongs to the outbox app (same table, see outbox 0001)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_outgoing_mail"),
        ("outbox", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OutgoingMail")],
            database_operations=[],
        ),
        migrations.CreateModel(
            name="YearlySequence",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=20)),
                ("year", models.PositiveSmallIntegerField()),
                ("last", models.PositiveIntegerField(default=0)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("name", "year"), name="core_sequence_name_year")],
            },
        ),
        migrations.CreateModel(
            name="ReportExport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("report", models.CharField(max_length=40, verbose_name="report")),
                ("file_format", models.CharField(max_length=40, verbose_name="format")),
                ("date_from", models.DateField(verbose_name="from")),
                ("date_to", models.DateField(verbose_name="to")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="exported")),
                (
                    "user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "report export",
                "verbose_name_plural": "report exports",
                "ordering": ["-created_at"],
            },
        ),
    ]
