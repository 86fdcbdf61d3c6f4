"""Sentences → one MP3 and the time each sentence starts and ends in it.

Each sentence is synthesised on its own and the pieces are joined with short pauses, so the
timings are exact whatever the engine (no engine needs to report word or mark positions).
MP3 (LAME through `lameenc`) plays in every major browser; 48 kbit/s mono is ample for speech.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import lameenc

from .engines import Pcm, SpeechEngine, SpeechError, pcm_silence
from .script import Sentence

PAUSE_AFTER = {"title": 0.7, "summary": 0.45, "body": 0.35, "caption": 0.45}
BIT_RATE = 48  # kbit/s
MP3_RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)


@dataclass
class Synthesis:
    mp3: bytes
    duration: float  # seconds
    timings: list[dict]  # {"text", "start", "end"} per sentence
    seconds_spent: float  # wall-clock synthesis + encoding time

    @property
    def real_time_factor(self) -> float:
        return self.seconds_spent / self.duration if self.duration else 0.0


def _resample(pcm: Pcm, rate: int) -> bytes:
    """Nearest-sample conversion, only used when an engine answers at a rate MP3 cannot carry
    or different sentences come back at different rates."""
    if pcm.rate == rate:
        return pcm.samples
    count = len(pcm.samples) // 2
    target = int(count * rate / pcm.rate)
    view = memoryview(pcm.samples).cast("h")
    out = bytearray(target * 2)
    out_view = memoryview(out).cast("h")
    for i in range(target):
        out_view[i] = view[min(count - 1, int(i * pcm.rate / rate))]
    return bytes(out)


def synthesize(sentences: list[Sentence], engine: SpeechEngine, progress=None) -> Synthesis:
    if not sentences:
        raise SpeechError("Bài viết không có nội dung để đọc.")
    started = time.monotonic()
    pieces: list[bytes] = []
    timings: list[dict] = []
    rate = None
    position = 0.0
    for index, sentence in enumerate(sentences):
        pcm = engine.synthesize(sentence.spoken)
        if rate is None:
            rate = pcm.rate if pcm.rate in MP3_RATES else 22050
        samples = _resample(pcm, rate)
        seconds = len(samples) / 2 / rate
        timings.append({"text": sentence.text, "start": round(position, 3), "end": round(position + seconds, 3)})
        pause = pcm_silence(rate, PAUSE_AFTER.get(sentence.kind, 0.35))
        pieces.extend((samples, pause))
        position += seconds + len(pause) / 2 / rate
        if progress:
            progress(index + 1, len(sentences))
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BIT_RATE)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(5)
    mp3 = encoder.encode(b"".join(pieces)) + encoder.flush()
    return Synthesis(bytes(mp3), round(position, 3), timings, time.monotonic() - started)
