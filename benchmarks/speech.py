"""`make bench` (read-aloud): text normalisation speed (sentences/s), synthesis real-time
factor and audio size per minute, for espeak-ng and a command engine, printed as a table.

The corpus is the demo content's prose (the awards article and every theme paragraph), split
into sentences. Machines here are shared and noisy: compare rows of one run.
"""

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import setup_django

setup_django("bench.sqlite3")

from portal.accessibility.speech.engines import CommandEngine, EspeakEngine  # noqa: E402
from portal.accessibility.speech.normalize import Normalizer  # noqa: E402
from portal.accessibility.speech.script import Sentence, split_sentences  # noqa: E402
from portal.accessibility.speech.synthesis import synthesize  # noqa: E402
from portal.glossary.selectors import seed_entries  # noqa: E402
from portal.news import demo_data as data  # noqa: E402

VALUES = {
    "district": "Thanh Sơn",
    "year": 2025,
    "next_year": 2026,
    "year_prev": 2023,
    "day": 12,
    "day2": 15,
    "month": 4,
    "month2": 5,
    "n1": 7,
    "n2": 23,
    "n3": 150,
    "product": "chè Phú Thọ",
    "quarter": "II",
    "topic": "chọn tạo giống bưởi",
    "amount": "2,5",
}


def corpus() -> list[str]:
    texts = [data.AWARDS_ARTICLE["title"], data.AWARDS_ARTICLE["summary"], *data.AWARDS_ARTICLE["paragraphs"]]
    for _, title, paragraphs in data.THEMES:
        for text in (title, *paragraphs):
            try:
                texts.append(text.format(**VALUES))
            except KeyError:
                continue
    return [s for text in texts for s in split_sentences(text)]


def main() -> None:
    sentences = corpus()
    normalizer = Normalizer(seed_entries())
    work = sentences * max(1, 3000 // len(sentences))
    random.Random(1).shuffle(work)
    normalizer(work[0])
    started = time.perf_counter()
    for sentence in work:
        normalizer(sentence)
    spent = time.perf_counter() - started
    print(f"{'normalisation':<36} {'sentences':>10} {'seconds':>8} {'sentences/s':>12}")
    print(
        f"{'demo prose (' + str(len(sentences)) + ' distinct)':<36} {len(work):>10} {spent:>8.2f} {len(work) / spent:>12.0f}"
    )
    print()

    article = [Sentence(s, normalizer(s), "body") for s in corpus()[:40]]
    engines = []
    if shutil.which("espeak-ng"):
        engines.append(("espeak-ng, voice vi", EspeakEngine(voice="vi")))
    fake = Path(tempfile.mkdtemp()) / "tone.py"
    from portal.accessibility.tests.test_read_aloud import FAKE_TTS

    fake.write_text(FAKE_TTS)
    engines.append(("command engine (tone stand-in)", CommandEngine(command=f"{sys.executable} {fake} {{output}}")))
    print(
        f"{'synthesis (' + str(len(article)) + ' sentences)':<36} {'audio s':>8} {'wall s':>8} {'RTF':>6} {'KB/min':>8} {'ms/sent':>8}"
    )
    for label, engine in engines:
        result = synthesize(article, engine)
        per_minute = len(result.mp3) / 1024 / (result.duration / 60)
        print(
            f"{label:<36} {result.duration:>8.1f} {result.seconds_spent:>8.2f} {result.real_time_factor:>6.3f} "
            f"{per_minute:>8.0f} {result.seconds_spent * 1000 / len(article):>8.0f}"
        )
    if not shutil.which("espeak-ng"):
        print("espeak-ng is not installed: its row is missing (apt-get install espeak-ng)")


if __name__ == "__main__":
    main()
