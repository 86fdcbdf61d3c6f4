"""Synthesis (speech/synthesis.py): one recording from many sentences, with the timing of each."""

import pytest

from portal.accessibility.speech.engines import (
    CommandEngine,
    SpeechError,
)
from portal.accessibility.speech.script import Sentence
from portal.accessibility.speech.synthesis import synthesize


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
