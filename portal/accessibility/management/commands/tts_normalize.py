"""Reads UTF-8 lines on standard input and writes each one normalised for speech on standard
output, one line out per line in (empty lines stay empty). Fixed interface:

    printf 'Ngày 15/04/2015, lúc 8h30\\n' | .venv/bin/python manage.py tts_normalize
"""

import sys

from django.core.management.base import BaseCommand

from portal.accessibility.speech.normalize import portal_normalizer


class Command(BaseCommand):
    help = "Chuẩn hóa văn bản tiếng Việt để đọc: mỗi dòng vào (UTF-8) cho một dòng ra."
    requires_system_checks = []

    def handle(self, *args, **options):
        normalizer = portal_normalizer()
        out = sys.stdout.buffer
        interactive = sys.stdin.isatty()
        for raw in sys.stdin.buffer:
            line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            out.write((normalizer(line) + "\n").encode("utf-8"))
            if interactive:
                out.flush()
        out.flush()
