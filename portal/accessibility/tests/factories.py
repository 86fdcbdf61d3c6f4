"""Test helpers of the read-aloud tests: a stand-in speech program, a tone, an article body with
every kind of part, and publishing an edit."""

import json
import math
import shutil
import struct
from http.server import BaseHTTPRequestHandler

import pytest

from portal.accessibility.speech.engines import (
    Pcm,
    wav_bytes,
)

HAS_ESPEAK = shutil.which("espeak-ng") is not None


needs_espeak = pytest.mark.skipif(not HAS_ESPEAK, reason="espeak-ng is not installed (.ci/run installs it)")


# A stand-in speech program: writes a WAV tone 0.01 s per character of the text it reads, to
# the file named by its first argument or to standard output; "fail" makes it exit with 3.
FAKE_TTS = """
import math, struct, sys
text = sys.stdin.buffer.read().decode("utf-8")
if "fail" in sys.argv[1:]:
    sys.stderr.write("voice not found")
    sys.exit(3)
rate = 16000
count = int(rate * 0.01 * max(1, len(text)))
samples = b"".join(struct.pack("<h", int(3000 * math.sin(i / 8))) for i in range(count))
wav = (b"RIFF" + struct.pack("<I", 36 + len(samples)) + b"WAVE" + b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
       + b"data" + struct.pack("<I", len(samples)) + samples)
out = [a for a in sys.argv[1:] if a.endswith(".wav")]
if out:
    open(out[0], "wb").write(wav)
else:
    sys.stdout.buffer.write(wav)
"""


def tone(seconds=0.2, rate=16000) -> Pcm:
    count = int(rate * seconds)
    return Pcm(rate, b"".join(struct.pack("<h", int(2000 * math.sin(i / 5))) for i in range(count)))


class FakeVendor(BaseHTTPRequestHandler):
    calls: list = []

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).calls.append((self.headers.get("Authorization"), body))
        if self.headers.get("Authorization") != "Bearer secret-key":
            self.send_response(401)
            self.end_headers()
            return
        data = wav_bytes(tone(0.01 * len(body["text"])))
        self.send_response(200)
        self.send_header("Content-Type", "audio/wav")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


BODY = [
    (
        "paragraph",
        "<p>Ngày 15/04/2026, Sở <b>KH&amp;CN</b> tổ chức hội nghị. Có 02 đơn vị nhận Bằng khen.</p>"
        "<ul><li>Thứ nhất: 8h30 khai mạc.</li></ul>",
    ),
    ("quote", {"text": "Đổi mới sáng tạo là động lực.", "attribution": "Giám đốc Sở"}),
]


def publish_edit(article, **changes):
    page = article.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    return page
