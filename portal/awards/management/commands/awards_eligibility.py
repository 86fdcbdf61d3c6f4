"""`manage.py awards_eligibility CASE.json`: the checker's answer for every title and form of the
case's kind, as JSON on stdout (fixed interface, README "Emulation and awards"). Works without a
set-up database: it reads only the rule sets shipped in portal/awards/rules/. Exit status 0;
2 with a message in Vietnamese when the file cannot be read or the case is malformed."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from portal.awards.eligibility import CaseError, evaluate, parse_case, ruleset_for


class Command(BaseCommand):
    help = "Check a case (JSON) against the emulation and award rules in force for its year."
    requires_system_checks = []  # no database or app check: the rules are files

    def add_arguments(self, parser):
        parser.add_argument("case", help="CASE.json ('-' reads standard input)")

    def handle(self, *args, case: str, **options):
        try:
            raw = sys.stdin.read() if case == "-" else Path(case).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self._fail(
                f"Không đọc được tệp {case}: {error.strerror if isinstance(error, OSError) else 'không phải UTF-8'}."
            )
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            self._fail(f"Tệp không phải JSON hợp lệ (dòng {error.lineno}, cột {error.colno}).")
        try:
            parsed = parse_case(data)
        except CaseError as error:
            self._fail(str(error))
        if ruleset_for(parsed.year) is None:
            self._fail(f"Chưa có bộ quy định nào cho năm {parsed.year}.")
        verdicts = {code: verdict.as_dict() for code, verdict in evaluate(parsed).items()}
        self.stdout.write(json.dumps(verdicts, ensure_ascii=False, indent=2))

    def _fail(self, message: str):
        self.stderr.write(message)
        raise SystemExit(2)
