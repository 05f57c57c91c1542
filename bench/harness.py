"""Shared set-up for benchmarks: Django on a throw-away test database, and a report.

Benchmarks run as scripts (`python bench/bench_x.py [--smoke]`), never inside the test
suite: timings in unit tests are flaky and prove nothing (STYLE.md §7).
"""

import os
import statistics
import sys
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    warnings.filterwarnings("ignore", message="No directory at")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()


@contextmanager
def test_database():
    """A fresh database (SQLite in memory, or `test_<name>` on PostgreSQL)."""
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def timed(function, repeat: int) -> list[float]:
    """Milliseconds taken by each of `repeat` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


class Report:
    """Prints each figure beside its budget; `failed` says whether any was over.

    A smoke run (`BENCH_SMOKE=1`, set by `make bench-smoke` in CI) only proves the
    benchmark runs: a few iterations on a shared machine say nothing about a budget,
    so an over-budget figure is printed but does not fail it.
    """

    def __init__(self, title: str):
        self.title = title
        self.failed = False
        self.smoke = os.environ.get("BENCH_SMOKE") == "1"
        sys.stdout.write(f"\n== {title}\n")

    def line(self, label: str, value: float, unit: str, budget: float | None = None):
        if budget is None:
            verdict = ""
        elif value <= budget:
            verdict = f"  (budget ≤ {budget:g} {unit}: ok)"
        else:
            verdict = f"  (budget ≤ {budget:g} {unit}: OVER)"
            if self.smoke:
                verdict += " - not enforced in a smoke run"
            else:
                self.failed = True
        sys.stdout.write(f"  {label[:56]:<56} {value:9.1f} {unit}{verdict}\n")
