"""The glossary import command (management/commands)."""

import io

import pytest
from django.core.management import call_command

from portal.glossary.models import Abbreviation


def test_import_command_reports_lines_and_fails(empty_glossary, tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("abbreviation,full_form\nUBND,Ủy ban nhân dân\nX Y,sai\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("glossary_import", str(path), "--dry-run", stdout=io.StringIO(), stderr=err)
    assert "Dòng 3:" in err.getvalue()
    assert not Abbreviation.objects.exists()
