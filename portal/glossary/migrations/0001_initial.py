"""The glossary left the accessibility app for an app of its own: the table
(accessibility_abbreviation) stays as it is, only the owning app changes, and the content
type follows (permissions, action log, search index entries keep pointing at it)."""

import modelsearch.index
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="glossary", model="abbreviation").exists():
        ContentType.objects.filter(app_label="accessibility", model="abbreviation").update(app_label="glossary")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="glossary", model="abbreviation").update(app_label="accessibility")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accessibility", "0002_read_aloud"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Abbreviation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        (
                            "abbreviation",
                            models.CharField(
                                help_text="As it is written in texts, with its capitals: UBND, KH&CN, NĐ-CP.",
                                max_length=32,
                                unique=True,
                                verbose_name="abbreviation",
                            ),
                        ),
                        ("full_form", models.CharField(max_length=255, verbose_name="full form")),
                        ("note", models.CharField(blank=True, max_length=255, verbose_name="note")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                    ],
                    options={
                        "verbose_name": "abbreviation",
                        "verbose_name_plural": "abbreviations",
                        "ordering": ["abbreviation"],
                        "db_table": "accessibility_abbreviation",
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
