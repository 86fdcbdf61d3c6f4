"""Fixtures of the read-aloud tests: speech engines that need no voice installed."""

import sys
import threading
from http.server import ThreadingHTTPServer

import pytest

from .factories import FAKE_TTS, FakeVendor


@pytest.fixture
def fake_tts(tmp_path):
    script = tmp_path / "fake_tts.py"
    script.write_text(FAKE_TTS)
    return f"{sys.executable} {script}"


@pytest.fixture
def vendor():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeVendor)
    FakeVendor.calls = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tts"
    server.shutdown()


@pytest.fixture
def command_engine(settings, fake_tts):
    settings.SPEECH_ENGINE, settings.SPEECH_COMMAND = "command", fake_tts + " {output}"
    settings.READ_ALOUD_ON_PUBLISH = True
    return fake_tts
