"""Page weight of a demo lesson on first load, compressed, against the slow-3G budget.

HTML + CSS + JS + fonts, gzip-compressed as the server would send them: at most 60 KB.
Images and media are reported separately (they load lazily and are not in the budget).
Offline reading (the service worker, its registration script and the web app
manifest) may add at most 10 KB compressed to a lesson's first load; reported on its
own line (the registration script is also inside the page total).

    python bench/bench_page_weight.py [--smoke]
"""

import gzip
import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import Report, setup_django, test_database

BUDGET_KB = 60
OFFLINE_BUDGET_KB = 10


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def asset_bytes(client, url: str) -> bytes:
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def static_or_served(client, url: str) -> bytes:
    """A static file from disk (WhiteNoise or a CDN serves it), else from Django."""
    from django.contrib.staticfiles import finders

    if url.startswith("/static/"):
        return Path(finders.find(url.removeprefix("/static/"))).read_bytes()
    return asset_bytes(client, url)


def main(smoke: bool) -> int:
    setup_django()
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from django.core.management import call_command
    from django.test import Client

    from learning.models import LessonPage

    with test_database():
        call_command("seed_demo", stdout=open("/dev/null", "w"))
        client = Client()
        lessons = LessonPage.objects.live().order_by("path")
        if smoke:
            lessons = lessons[:2]
        report = Report("Demo lesson pages: HTML + CSS + JS + fonts, gzip, first load")
        heaviest = 0
        for lesson in lessons:
            response = client.get(lesson.url)
            html = response.content
            text = html.decode()
            total = gz(html)
            for href in re.findall(r'<link[^>]+href="(/static/[^"]+)"', text):
                path = finders.find(href.removeprefix("/static/"))
                total += gz(Path(path).read_bytes())
            for src in re.findall(r'<script[^>]+src="([^"]+)"', text):
                total += gz(static_or_served(client, src))
            images = 0
            for src in re.findall(r'<img[^>]+src="(/media/[^"]+)"', text):
                media = Path(settings.MEDIA_ROOT) / src.removeprefix("/media/")
                images += media.stat().st_size
            heaviest = max(heaviest, total)
            report.line(lesson.title, total / 1024, "KB", BUDGET_KB)
            report.line("    images, not in the budget", images / 1024, "KB")
        report.line("heaviest lesson page", heaviest / 1024, "KB", BUDGET_KB)
        offline = 0
        for url in ("/sw.js", "/manifest.webmanifest", "/static/js/offline.js"):
            size = gz(static_or_served(client, url))
            offline += size
            report.line(f"    {url}", size / 1024, "KB")
        report.line(
            "offline reading: worker + manifest + script",
            offline / 1024,
            "KB",
            OFFLINE_BUDGET_KB,
        )
        return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(smoke="--smoke" in sys.argv))
