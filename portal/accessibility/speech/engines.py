"""Speech engines behind one interface: text in, 16-bit mono PCM out.

- `espeak`: Debian's espeak-ng (voice "vi"), offline, the default.
- `command`: any program that reads text on standard input and writes a WAV file, given as a
  command line with `{output}` (a file it writes; without it, WAV is read from standard
  output) and optionally `{voice}`. Piper, RHVoice or a vendor's offline binary fit here.
- `http`: a TTS service on the agency's network: POST `{"text", "voice"}` as JSON with
  `Authorization: Bearer <key>`, answer `audio/wav`.

Engines are chosen by `SPEECH_ENGINE` and configured by the `SPEECH_*` settings; the engine and
voice may be overridden in the admin (Cài đặt → Đọc bài viết) among those configured here.
"""

from __future__ import annotations

import abc
import io
import json
import shlex
import shutil
import struct
import subprocess
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


class SpeechError(Exception):
    """The engine could not speak this text; the message is shown to editors (Vietnamese)."""


@dataclass
class Pcm:
    """Signed 16-bit little-endian mono samples."""

    rate: int
    samples: bytes

    @property
    def seconds(self) -> float:
        return len(self.samples) / 2 / self.rate


def read_wav(data: bytes) -> Pcm:
    """PCM from a WAV file. Streamed WAVs (espeak-ng --stdout) carry bogus chunk sizes, so the
    data chunk runs to the end of the file whatever its header says. Stereo is mixed down
    to the first channel; 8-bit and 24/32-bit samples are converted to 16-bit."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise SpeechError("Bộ đọc không trả về tệp WAV.")
    position, fmt = 12, None
    while position + 8 <= len(data):
        chunk, size = data[position : position + 4], struct.unpack("<I", data[position + 4 : position + 8])[0]
        body_start = position + 8
        if chunk == b"fmt ":
            fmt = struct.unpack("<HHIIHH", data[body_start : body_start + 16])
        elif chunk == b"data":
            if fmt is None:
                break
            body = data[body_start:] if body_start + size > len(data) else data[body_start : body_start + size]
            return _to_mono16(fmt, body)
        position = body_start + size + (size & 1)
    raise SpeechError("Tệp WAV của bộ đọc không đọc được.")


def _to_mono16(fmt, body: bytes) -> Pcm:
    audio_format, channels, rate, _, block, bits = fmt
    if audio_format not in (1, 0xFFFE) or bits not in (8, 16, 24, 32) or channels < 1:
        raise SpeechError("Tệp WAV của bộ đọc không phải PCM.")
    width = bits // 8
    frames = len(body) // block
    if channels == 1 and bits == 16:
        return Pcm(rate, body[: frames * 2])
    out = bytearray()
    for i in range(frames):
        sample = body[i * block : i * block + width]
        if bits == 8:
            value = (sample[0] - 128) << 8
        else:
            value = int.from_bytes(sample, "little", signed=True) >> (bits - 16)
        out += struct.pack("<h", value)
    return Pcm(rate, bytes(out))


class SpeechEngine(abc.ABC):
    name = ""

    def __init__(self, voice: str = "", speed: int = 100):
        self.voice = voice
        self.speed = speed  # percent of the engine's normal rate

    @abc.abstractmethod
    def synthesize(self, text: str) -> Pcm:
        """16-bit mono PCM of the text; SpeechError with a Vietnamese message when it fails."""

    def available(self) -> bool:
        return True

    @property
    def label(self) -> str:
        return f"{self.name}:{self.voice or 'default'}"


class EspeakEngine(SpeechEngine):
    name = "espeak"
    WORDS_PER_MINUTE = 160  # espeak-ng's normal rate is 175; Vietnamese reads better a little slower

    def __init__(self, voice: str = "", speed: int = 100, binary: str = ""):
        super().__init__(voice or "vi", speed)
        self.binary = binary or getattr(settings, "SPEECH_ESPEAK_BINARY", "") or "espeak-ng"

    def available(self) -> bool:
        return shutil.which(self.binary) is not None

    def synthesize(self, text: str) -> Pcm:
        if not self.available():
            raise SpeechError("Chưa cài espeak-ng trên máy chủ (gói Debian: espeak-ng).")
        rate = max(80, min(400, self.WORDS_PER_MINUTE * self.speed // 100))
        try:
            run = subprocess.run(
                [self.binary, "-v", self.voice, "-s", str(rate), "-b", "1", "--stdout"],
                input=text.encode("utf-8"),
                capture_output=True,
                timeout=120,
            )
        except subprocess.TimeoutExpired as error:
            raise SpeechError("espeak-ng không trả lời sau 120 giây.") from error
        if run.returncode != 0:
            raise SpeechError(f"espeak-ng báo lỗi: {run.stderr.decode('utf-8', 'replace')[:300]}")
        return read_wav(run.stdout)


class CommandEngine(SpeechEngine):
    name = "command"

    def __init__(self, voice: str = "", speed: int = 100, command: str = "", timeout: int = 300):
        super().__init__(voice, speed)
        self.command = command or getattr(settings, "SPEECH_COMMAND", "")
        self.timeout = timeout

    def available(self) -> bool:
        if not self.command:
            return False
        return shutil.which(shlex.split(self.command)[0]) is not None

    def synthesize(self, text: str) -> Pcm:
        if not self.command:
            raise SpeechError("Chưa cấu hình lệnh đọc (SPEECH_COMMAND).")
        with tempfile.TemporaryDirectory(prefix="speech-") as folder:
            output = Path(folder) / "speech.wav"
            # Placeholders are filled after splitting, so a voice name never becomes extra arguments.
            argv = [
                part.replace("{output}", str(output)).replace("{voice}", self.voice).replace("{speed}", str(self.speed))
                for part in shlex.split(self.command)
            ]
            writes_file = "{output}" in self.command
            try:
                run = subprocess.run(argv, input=text.encode("utf-8"), capture_output=True, timeout=self.timeout)
            except FileNotFoundError as error:
                raise SpeechError(f"Không tìm thấy chương trình đọc: {argv[0]}") from error
            except subprocess.TimeoutExpired as error:
                raise SpeechError(f"Chương trình đọc không trả lời sau {self.timeout} giây.") from error
            if run.returncode != 0:
                raise SpeechError(
                    f"Chương trình đọc báo lỗi ({run.returncode}): {run.stderr.decode('utf-8', 'replace')[:300]}"
                )
            data = output.read_bytes() if writes_file and output.exists() else run.stdout
            return read_wav(data)


class HttpEngine(SpeechEngine):
    name = "http"

    def __init__(self, voice: str = "", speed: int = 100, url: str = "", key: str = "", timeout: int = 60):
        super().__init__(voice, speed)
        self.url = url or getattr(settings, "SPEECH_HTTP_URL", "")
        self.key = key or getattr(settings, "SPEECH_HTTP_KEY", "")
        self.timeout = timeout

    def available(self) -> bool:
        return bool(self.url)

    def synthesize(self, text: str) -> Pcm:
        if not self.url:
            raise SpeechError("Chưa cấu hình địa chỉ dịch vụ đọc (SPEECH_HTTP_URL).")
        body = json.dumps({"text": text, "voice": self.voice, "speed": self.speed / 100}).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8", "Accept": "audio/wav"}
        if self.key:
            headers["Authorization"] = f"Bearer {self.key}"
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (configured URL)
                data = response.read()
        except urllib.error.HTTPError as error:
            raise SpeechError(f"Dịch vụ đọc trả lỗi HTTP {error.code}.") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise SpeechError(f"Không kết nối được dịch vụ đọc: {getattr(error, 'reason', error)}") from error
        return read_wav(data)


ENGINES = {cls.name: cls for cls in (EspeakEngine, CommandEngine, HttpEngine)}


def speech_engine(name: str = "", voice: str = "", speed: int = 0) -> SpeechEngine:
    """The engine configured in settings, with the admin's choice of engine, voice and speed
    when given (empty means the settings' value)."""
    name = name or getattr(settings, "SPEECH_ENGINE", "espeak")
    if name not in ENGINES:
        raise SpeechError(f"Bộ đọc không được hỗ trợ: {name}")
    return ENGINES[name](voice=voice or getattr(settings, "SPEECH_VOICE", ""), speed=speed or 100)


def pcm_silence(rate: int, seconds: float) -> bytes:
    return bytes(int(rate * seconds) * 2)


def wav_bytes(pcm: Pcm) -> bytes:
    """A WAV file of the samples (used by tests and the command engine's fakes)."""
    buffer = io.BytesIO()
    buffer.write(b"RIFF" + struct.pack("<I", 36 + len(pcm.samples)) + b"WAVE")
    buffer.write(b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, pcm.rate, pcm.rate * 2, 2, 16))
    buffer.write(b"data" + struct.pack("<I", len(pcm.samples)) + pcm.samples)
    return buffer.getvalue()
