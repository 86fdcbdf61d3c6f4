"""What every benchmark script shares: Django set up against its own database, percentiles."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What nginx tells an app node (gunicorn trusts it from the loopback): the benchmarks that talk
# to a node directly send it, so the node serves them as it serves what nginx passes on.
BEHIND_NGINX = {"X-Forwarded-Proto": "https"}


def setup_django(default_db: str) -> None:
    """Test settings and `var/<default_db>` unless DATABASE_URL says otherwise."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / default_db}")
    (ROOT / "var").mkdir(exist_ok=True)

    import django

    django.setup()


def percentile(sorted_times: list[float], fraction: float) -> float:
    return sorted_times[int(fraction * (len(sorted_times) - 1))]
