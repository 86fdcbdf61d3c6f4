"""Speech engines (speech/engines.py): WAV reading, espeak-ng, a command, an HTTP service, the
choice by settings."""

import struct

import pytest

from portal.accessibility.speech.engines import (
    CommandEngine,
    EspeakEngine,
    HttpEngine,
    SpeechError,
    read_wav,
    speech_engine,
    wav_bytes,
)

from .factories import FakeVendor, needs_espeak, tone


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


def test_http_engine_against_a_local_service(vendor):
    engine = HttpEngine(url=vendor, key="secret-key", voice="nu-mien-bac", speed=125)
    assert abs(engine.synthesize("x" * 30).seconds - 0.3) < 0.01
    assert FakeVendor.calls[-1] == ("Bearer secret-key", {"text": "x" * 30, "voice": "nu-mien-bac", "speed": 1.25})
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
