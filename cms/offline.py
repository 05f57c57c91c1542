"""Offline reading: the web app manifest and the service worker's source.

How it works (progressive enhancement: the site works the same without it):
- `static/js/offline.js` registers `/sw.js` (scope `/`). Course, lesson and news
  pages carry `data-offline-keep`; once such a page has loaded, the script asks the
  worker to keep it.
- The worker keeps only pages it was asked to keep ("cache as visited": what the
  resident has read, nothing downloaded behind their back on a slow, paid
  connection), never a personal page (`PRIVATE_PREFIXES`, checked again in the
  worker), and answers kept pages network-first: fresh when online, the kept copy
  when not. A page never read shows the offline page.
- A form sent while offline ("I have finished this lesson") is refused clearly by
  the offline page, which says it was not recorded; nothing is queued or lost
  silently.
- Signing out answers with `Clear-Site-Data: "cache", "storage"`
  (`cms.views.clear_site_data`), which empties the worker's caches.
"""

import hashlib
import json
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse

PRIVATE_PREFIXES = (
    "/learning/my/",
    "/team/",
    "/stats/",
    "/accounts/",
    "/admin/",
    "/quizzes/",
    "/certificates/",
    "/i18n/",
    "/documents/",
)
# Files the offline page needs, kept when the worker installs.
SHELL_FILES = ("css/site.css", "img/favicon.svg", "js/share.js", "js/offline.js")
THEME_COLOUR = "#b3261e"


def _files_digest() -> str:
    digest = hashlib.sha256()
    for name in SHELL_FILES:
        path = finders.find(name)
        if path:
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()[:12]


@lru_cache(maxsize=1)
def service_worker_source() -> str:
    """The worker's JavaScript; its version changes when the shell files change,
    so browsers install the new worker and drop the old static cache."""
    source = render_to_string(
        "cms/sw.js",
        {
            "offline_url": reverse("offline"),
            "shell_urls": json.dumps([static(name) for name in SHELL_FILES]),
            "private_prefixes": json.dumps(list(PRIVATE_PREFIXES)),
            "version": _files_digest(),
        },
    )
    return source


def web_manifest() -> dict:
    return {
        "name": settings.WAGTAIL_SITE_NAME,
        "short_name": "Học vụ số",
        "description": "Học kỹ năng số trên điện thoại, từng bước một.",
        "lang": "vi",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": [
            {
                "src": static(f"img/icon-{size}.png"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any",
            }
            for size in (192, 512)
        ]
        + [
            {
                "src": static("img/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            }
        ],
    }
