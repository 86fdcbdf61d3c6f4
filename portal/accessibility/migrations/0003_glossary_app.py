"""The Abbreviation model now belongs to the glossary app (same table; see glossary 0001)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accessibility", "0002_read_aloud"),
        ("glossary", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Abbreviation")],
            database_operations=[],
        ),
    ]
