"""Read-aloud: engines (espeak-ng, a command, an HTTP service on a local test server), the script
of an article, recording through the task on publish, per-revision storage and reuse, the
player's API and the MP3 served with HTTP ranges, and the generate_audio command."""

import json
import math
import shutil
import struct
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from portal.accessibility.speech.engines import (
    CommandEngine,
    EspeakEngine,
    HttpEngine,
    Pcm,
    SpeechError,
    read_wav,
    speech_engine,
    wav_bytes,
)
from portal.accessibility.speech.normalize import Normalizer
from portal.accessibility.speech.script import Sentence, article_script, split_sentences
from portal.accessibility.speech.synthesis import synthesize
from portal.glossary.selectors import seed_entries

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


@pytest.fixture
def fake_tts(tmp_path):
    script = tmp_path / "fake_tts.py"
    script.write_text(FAKE_TTS)
    return f"{sys.executable} {script}"


def tone(seconds=0.2, rate=16000) -> Pcm:
    count = int(rate * seconds)
    return Pcm(rate, b"".join(struct.pack("<h", int(2000 * math.sin(i / 5))) for i in range(count)))


# -- WAV and engines -----------------------------------------------------------------------------


def test_wav_reading_handles_streamed_and_unusual_files():
    pcm = tone(0.1)
    assert read_wav(wav_bytes(pcm)).samples == pcm.samples
    streamed = bytearray(wav_bytes(pcm))
    streamed[4:8] = struct.pack("<I", 0x7FFFFFFF)  # what espeak-ng --stdout writes
    streamed[40:44] = struct.pack("<I", 0x7FFFFFFF)
    assert read_wav(bytes(streamed)).samples == pcm.samples
    stereo8 = (
        b"RIFF"
        + struct.pack("<I", 40)
        + b"WAVE"
        + b"fmt "
        + struct.pack("<IHHIIHH", 16, 1, 2, 8000, 16000, 2, 8)
        + b"data"
        + struct.pack("<I", 4)
        + bytes([255, 128, 0, 128])
    )
    converted = read_wav(stereo8)
    assert converted.rate == 8000 and struct.unpack("<2h", converted.samples) == (127 << 8, -128 << 8)
    with pytest.raises(SpeechError, match="WAV"):
        read_wav(b"ID3 this is an mp3")


@needs_espeak
def test_espeak_speaks_vietnamese():
    pcm = EspeakEngine(voice="vi").synthesize("Sở Khoa học và Công nghệ xin chào.")
    assert pcm.rate == 22050 and 1.0 < pcm.seconds < 8
    slower = EspeakEngine(voice="vi", speed=50).synthesize("Sở Khoa học và Công nghệ xin chào.")
    assert slower.seconds > pcm.seconds * 1.4


def test_espeak_missing_is_reported():
    engine = EspeakEngine(binary="/nonexistent/espeak-ng")
    assert not engine.available()
    with pytest.raises(SpeechError, match="espeak-ng"):
        engine.synthesize("xin chào")


def test_command_engine_reads_file_or_standard_output(fake_tts):
    to_file = CommandEngine(command=fake_tts + " --voice {voice} {output}", voice="an")
    assert to_file.available()
    assert abs(to_file.synthesize("x" * 50).seconds - 0.5) < 0.01
    to_stdout = CommandEngine(command=fake_tts)
    assert abs(to_stdout.synthesize("xin chào").seconds - 0.08) < 0.01
    with pytest.raises(SpeechError, match="báo lỗi \\(3\\): voice not found"):
        CommandEngine(command=fake_tts + " fail").synthesize("x")
    with pytest.raises(SpeechError, match="Không tìm thấy"):
        CommandEngine(command="/nonexistent/tts {output}").synthesize("x")
    with pytest.raises(SpeechError, match="SPEECH_COMMAND"):
        CommandEngine(command="").synthesize("x")


class _Vendor(BaseHTTPRequestHandler):
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


@pytest.fixture
def vendor():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Vendor)
    _Vendor.calls = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tts"
    server.shutdown()


def test_http_engine_against_a_local_service(vendor):
    engine = HttpEngine(url=vendor, key="secret-key", voice="nu-mien-bac", speed=125)
    assert abs(engine.synthesize("x" * 30).seconds - 0.3) < 0.01
    assert _Vendor.calls[-1] == ("Bearer secret-key", {"text": "x" * 30, "voice": "nu-mien-bac", "speed": 1.25})
    with pytest.raises(SpeechError, match="HTTP 401"):
        HttpEngine(url=vendor, key="wrong").synthesize("x")
    with pytest.raises(SpeechError, match="Không kết nối"):
        HttpEngine(url="http://127.0.0.1:9/tts", timeout=2).synthesize("x")


def test_engine_is_chosen_by_settings(settings, fake_tts):
    settings.SPEECH_ENGINE, settings.SPEECH_COMMAND = "command", fake_tts
    assert isinstance(speech_engine(), CommandEngine)
    assert isinstance(speech_engine("espeak"), EspeakEngine)
    with pytest.raises(SpeechError):
        speech_engine("cloud")


def test_synthesis_keeps_sentence_timings(fake_tts):
    sentences = [
        Sentence("Tiêu đề", "tiêu đề", "title"),
        Sentence("Câu một.", "câu một", "body"),
        Sentence("Câu hai.", "câu hai nữa", "body"),
    ]
    result = synthesize(sentences, CommandEngine(command=fake_tts))
    starts = [t["start"] for t in result.timings]
    ends = [t["end"] for t in result.timings]
    assert (
        starts[0] == 0
        and all(e > s for s, e in zip(starts, ends, strict=True))
        and all(starts[i + 1] > ends[i] for i in range(2))
    )
    assert abs((ends[2] - starts[2]) - 0.11) < 0.01  # 11 characters spoken
    assert result.mp3[:3] == b"ID3" or result.mp3[0] == 0xFF  # an MP3 stream
    assert result.duration > ends[2]
    with pytest.raises(SpeechError):
        synthesize([], CommandEngine(command=fake_tts))


# -- The script of an article --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ("Câu một. Câu hai! Câu ba?", ["Câu một.", "Câu hai!", "Câu ba?"]),
        (
            "Tại TP. Hồ Chí Minh, PGS. Nguyễn Văn A. phát biểu. Hết.",
            ["Tại TP. Hồ Chí Minh, PGS. Nguyễn Văn A. phát biểu.", "Hết."],
        ),
        ("Giá 1.500 đồng. Tăng 2,5%.", ["Giá 1.500 đồng.", "Tăng 2,5%."]),
        ("Ông nói: “Làm ngay.” Mọi người đồng ý.", ["Ông nói: “Làm ngay.”", "Mọi người đồng ý."]),
        ("   ", []),
    ],
)
def test_sentences(paragraph, sentences):
    assert split_sentences(paragraph) == sentences


@pytest.fixture
def category(db):
    from portal.home.setup import portal_setup
    from portal.news.tests.factories import make_category

    return make_category(portal_setup(), "Tin hoạt động")


BODY = [
    (
        "paragraph",
        "<p>Ngày 15/04/2026, Sở <b>KH&amp;CN</b> tổ chức hội nghị. Có 02 đơn vị nhận Bằng khen.</p>"
        "<ul><li>Thứ nhất: 8h30 khai mạc.</li></ul>",
    ),
    ("quote", {"text": "Đổi mới sáng tạo là động lực.", "attribution": "Giám đốc Sở"}),
]


def test_article_script_reads_title_summary_body_and_captions(category):
    from portal.news.tests.factories import make_article

    article = make_article(category, "Hội nghị tổng kết năm 2026", summary="Tổng kết công tác KH&CN.", body=BODY)
    article.body.append(("image", {"image": None, "alt_text": "", "caption": "Quang cảnh hội nghị."}))
    script = article_script(article, Normalizer(seed_entries()))
    assert [(s.kind, s.text) for s in script] == [
        ("title", "Hội nghị tổng kết năm 2026"),
        ("summary", "Tổng kết công tác KH&CN."),
        ("body", "Ngày 15/04/2026, Sở KH&CN tổ chức hội nghị."),
        ("body", "Có 02 đơn vị nhận Bằng khen."),
        ("body", "Thứ nhất: 8h30 khai mạc."),
        ("body", "Đổi mới sáng tạo là động lực."),
        ("body", "Giám đốc Sở"),
        ("caption", "Quang cảnh hội nghị."),
    ]
    assert script[0].spoken == "Hội nghị tổng kết năm hai nghìn không trăm hai mươi sáu"
    assert script[2].spoken.startswith(
        "Ngày mười lăm tháng tư năm hai nghìn không trăm hai mươi sáu, Sở khoa học và công nghệ"
    )
    assert script[3].spoken == "Có hai đơn vị nhận Bằng khen."
    assert script[-1].spoken == "Ảnh: Quang cảnh hội nghị."


# -- Recording on publish, per revision --------------------------------------------------------


@pytest.fixture
def command_engine(settings, fake_tts):
    settings.SPEECH_ENGINE, settings.SPEECH_COMMAND = "command", fake_tts + " {output}"
    settings.READ_ALOUD_ON_PUBLISH = True
    return fake_tts


def _publish_edit(article, **changes):
    page = article.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    return page


@pytest.mark.django_db(transaction=True)
def test_publishing_records_each_revision_and_reuses_identical_text(category, command_engine, client):
    from portal.accessibility.models import ArticleAudio
    from portal.news.tests.factories import make_article

    article = make_article(category, "Thông báo tuyển chọn nhiệm vụ", body=BODY)
    article.refresh_from_db()
    first = ArticleAudio.objects.get(page=article)
    assert first.status == "ready" and first.revision_id == article.live_revision_id and first.engine == "command"
    assert first.size > 1000 and first.duration > 1 and len(first.sentences) == 8 - 1  # no caption here
    head = Path(first.file.path).read_bytes()[:3]
    assert head == b"ID3" or (head[0] == 0xFF and head[1] & 0xE0 == 0xE0)  # an MP3 frame

    article = _publish_edit(article, summary="Tóm tắt mới hơn.")
    second = ArticleAudio.objects.get(page=article, revision_id=article.live_revision_id)
    assert second.pk != first.pk and second.file.name != first.file.name and second.synthesis_seconds > 0

    article = _publish_edit(article, search_description="Chỉ đổi mô tả SEO")  # nothing read changed
    third = ArticleAudio.objects.get(page=article, revision_id=article.live_revision_id)
    assert third.file.name == second.file.name and third.synthesis_seconds == 0
    assert ArticleAudio.objects.filter(page=article).count() == 3
    assert Path(first.file.path).exists()  # earlier revisions keep their recordings

    data = client.get(f"/api/v1/read-aloud/articles/{article.pk}").json()
    assert data["status"] == "ready" and data["audio"]["url"] == f"/doc-bai/{third.pk}.mp3"
    assert [s["text"] for s in data["sentences"]][:2] == ["Thông báo tuyển chọn nhiệm vụ", "Tóm tắt mới hơn."]
    assert all(s["start"] < s["end"] for s in data["sentences"])


@pytest.mark.django_db(transaction=True)
def test_a_failing_engine_never_blocks_publishing(category, settings, fake_tts):
    from portal.accessibility.models import ArticleAudio
    from portal.news.tests.factories import make_article

    settings.SPEECH_ENGINE, settings.SPEECH_COMMAND = "command", fake_tts + " fail {output}"
    settings.READ_ALOUD_ON_PUBLISH = True
    article = make_article(category, "Bài vẫn xuất bản")
    assert article.live
    audio = ArticleAudio.objects.get(page=article)
    assert audio.status == "failed" and "voice not found" in audio.error


@needs_espeak
@pytest.mark.django_db(transaction=True)
def test_publishing_records_with_espeak_through_the_task(category, settings, client):
    from portal.accessibility.models import ArticleAudio
    from portal.news.tests.factories import make_article

    settings.READ_ALOUD_ON_PUBLISH = True
    settings.SPEECH_ENGINE = "espeak"
    article = make_article(category, "Sở KH&CN tổ chức hội nghị", summary="Ngày 15/04/2026, 02 đơn vị được khen.")
    audio = ArticleAudio.objects.get(page=article)
    assert (audio.status, audio.engine, audio.voice) == ("ready", "espeak", "vi"), audio.error
    assert audio.duration > 2 and len(audio.sentences) == 3
    response = client.get(f"/doc-bai/{audio.pk}.mp3")
    assert response.status_code == 200 and response["Content-Type"] == "audio/mpeg"


# -- API and the audio file ---------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_api_before_the_recording_and_when_switched_off(category, client):
    from portal.accessibility.models import ReadAloudSettings
    from portal.news.tests.factories import make_article

    article = make_article(category, "Bài chưa có bản đọc", summary="Ngày 10/4 có 1.431 lượt xem.")
    data = client.get(f"/api/v1/read-aloud/articles/{article.pk}").json()
    assert data["status"] == "pending" and data["audio"] is None
    assert data["sentences"][1] == {
        "text": "Ngày 10/4 có 1.431 lượt xem.",
        "spoken": "Ngày mười tháng tư có một nghìn bốn trăm ba mươi mốt lượt xem.",
        "start": None,
        "end": None,
    }
    page = client.get(article.url)
    assert b"data-read-aloud" in page.content
    from wagtail.models import Site

    choice = ReadAloudSettings.for_site(Site.objects.get(is_default_site=True))
    choice.enabled = False
    choice.save()
    assert client.get(f"/api/v1/read-aloud/articles/{article.pk}").json() == {
        "status": "off",
        "audio": None,
        "sentences": [],
    }
    assert b"data-read-aloud" not in client.get(article.url).content
    assert client.get("/api/v1/read-aloud/articles/999999").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_audio_is_served_with_ranges_and_only_while_public(category, command_engine, client):
    from portal.accessibility.models import ArticleAudio
    from portal.news.tests.factories import make_article

    article = make_article(category, "Bài có bản đọc")
    audio = ArticleAudio.objects.get(page=article)
    url = f"/doc-bai/{audio.pk}.mp3"
    whole = client.get(url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes" and len(whole.content) == audio.size
    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 100-199/{audio.size}"
    assert part.content == whole.content[100:200]
    assert client.get(url, HTTP_RANGE="bytes=-50").content == whole.content[-50:]
    assert client.get(url, HTTP_RANGE=f"bytes={audio.size - 10}-").content == whole.content[-10:]
    assert client.get(url, HTTP_RANGE=f"bytes={audio.size}-").status_code == 416
    assert client.get(url, HTTP_RANGE="bytes=abc").status_code == 416
    assert client.get(url, HTTP_IF_NONE_MATCH=whole["ETag"]).status_code == 304
    assert client.head(url)["Content-Length"] == str(audio.size)
    article.unpublish()
    assert client.get(url).status_code == 404
    assert client.get(f"/api/v1/read-aloud/articles/{article.pk}").status_code == 404


# -- generate_audio ---------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_generate_audio_command(category, settings, fake_tts):
    from portal.accessibility.models import ArticleAudio
    from portal.news.tests.factories import make_article

    articles = [make_article(category, f"Bài số {n}") for n in range(3)]
    assert not ArticleAudio.objects.exists()  # READ_ALOUD_ON_PUBLISH is off in tests
    settings.SPEECH_ENGINE, settings.SPEECH_COMMAND = "command", fake_tts + " {output}"
    out = StringIO()
    call_command("generate_audio", "--missing", "--limit", "2", stdout=out)
    assert out.getvalue().count("giây") == 2 and "[2/2]" in out.getvalue()
    out = StringIO()
    call_command("generate_audio", "--missing", stdout=out)
    assert "[1/1]" in out.getvalue() and "Xong: 1/1 bài" in out.getvalue()
    assert ArticleAudio.objects.filter(status="ready").count() == 3
    call_command("generate_audio", "--missing", stdout=StringIO())  # nothing left
    first = ArticleAudio.objects.get(page=articles[0])
    call_command("generate_audio", "--all", stdout=StringIO())
    first.refresh_from_db()
    assert first.synthesis_seconds > 0 and ArticleAudio.objects.count() == 3  # recorded again, in place

    settings.SPEECH_COMMAND = fake_tts + " fail {output}"
    with pytest.raises(CommandError, match="1 bài"):
        call_command("generate_audio", "--article", str(articles[1].pk), stdout=StringIO())
    settings.SPEECH_ENGINE = "http"
    settings.SPEECH_HTTP_URL = ""
    with pytest.raises(CommandError, match="chưa sẵn sàng"):
        call_command("generate_audio", "--missing", stdout=StringIO())
    call_command("generate_audio", "--missing", "--skip-unavailable", stdout=StringIO())  # the scheduler's way


@pytest.mark.django_db
def test_voice_setting_is_checked():
    from django.core.exceptions import ValidationError

    from portal.accessibility.models import ReadAloudSettings

    with pytest.raises(ValidationError) as error:
        ReadAloudSettings(voice="vi; rm -rf /", site_id=1).full_clean()
    assert "voice" in error.value.message_dict


@pytest.mark.django_db(transaction=True)
def test_recordings_are_listed_for_editors_and_never_edited(category, settings, fake_tts, client):
    from django.urls import reverse

    from portal.accessibility.models import ArticleAudio
    from portal.core import roles
    from portal.core.tests.test_roles import make_user
    from portal.news.tests.factories import make_article

    settings.SPEECH_ENGINE, settings.SPEECH_COMMAND = "command", fake_tts + " fail {output}"
    settings.READ_ALOUD_ON_PUBLISH = True
    make_article(category, "Bài có bản đọc lỗi")
    audio = ArticleAudio.objects.get()
    client.force_login(make_user("bt", roles.EDITORS))
    listing = client.get(reverse("article_audio:index"))
    assert listing.status_code == 200 and "Bài có bản đọc lỗi" in listing.content.decode()
    inspect = client.get(reverse("article_audio:inspect", args=[audio.pk]))
    assert "voice not found" in inspect.content.decode()
    for url in (
        reverse("article_audio:add"),
        reverse("article_audio:edit", args=[audio.pk]),
        reverse("article_audio:delete", args=[audio.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
    client.force_login(make_user("admin", roles.ADMINISTRATORS))
    assert client.get(reverse("article_audio:edit", args=[audio.pk])).status_code in (302, 403)
    assert ArticleAudio.objects.get().status == "failed"


@pytest.mark.django_db(transaction=True)
def test_prune_removes_recordings_no_reader_gets_and_keeps_shared_files(category, command_engine):
    import datetime as dt
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    from portal.accessibility.models import ArticleAudio, ReadAloudSettings
    from portal.news.tests.factories import make_article

    article = make_article(category, "Thông báo tuyển chọn nhiệm vụ", body=BODY)
    article.refresh_from_db()
    first = ArticleAudio.objects.get(page=article)
    article = _publish_edit(article, summary="Tóm tắt mới hơn.")
    second = ArticleAudio.objects.get(page=article, revision_id=article.live_revision_id)
    article = _publish_edit(article, search_description="Chỉ đổi mô tả SEO")  # reuses second's file
    current = ArticleAudio.objects.get(page=article, revision_id=article.live_revision_id)
    assert current.file.name == second.file.name
    # A failure whose revision was deleted since (revision_id NULL) is stale as well.
    ArticleAudio.objects.create(
        page=article, revision=None, engine="command", script_hash="x", status="failed", error="…"
    )

    def age(days):
        ArticleAudio.objects.update(updated_at=timezone.now() - dt.timedelta(days=days))

    age(2)  # recent changes are kept: a page opened before them still plays
    assert call_command("audio_prune", stdout=StringIO()) is None and ArticleAudio.objects.count() == 4
    age(10)
    out = StringIO()
    call_command("audio_prune", "--dry-run", stdout=out)
    assert "Sẽ xoá 3 bản đọc và 1 tệp" in out.getvalue() and ArticleAudio.objects.count() == 4
    call_command("audio_prune", stdout=out)
    assert "Đã xoá 3 bản đọc và 1 tệp" in out.getvalue()
    assert list(ArticleAudio.objects.values_list("pk", flat=True)) == [current.pk]
    assert not Path(first.file.path).exists() and Path(current.file.path).exists()

    # Switched off: nothing goes (the choice may be temporary). Taken down: it goes.
    article.unpublish()
    age(10)
    from wagtail.models import Site

    choice = ReadAloudSettings.for_site(Site.objects.get(is_default_site=True))
    choice.enabled = False
    choice.save()
    call_command("audio_prune", verbosity=0)
    assert ArticleAudio.objects.count() == 1
    choice.enabled = True
    choice.save()
    call_command("audio_prune", verbosity=0)
    assert not ArticleAudio.objects.exists() and not Path(current.file.path).exists()
