"""Small, general helpers for PDFs rendered with WeasyPrint (posters, and anything
else that prints): a URL fetcher that can read only the project's own files, a QR
code as a data URI, and the OFL fonts of `static/fonts/` for `@font-face`.

Safety (DESIGN.md §6): templates autoescape what editors and users typed, and the
`RestrictedURLFetcher` serves only files under the static folders and MEDIA_ROOT
(plus inert `data:` URIs), so nothing printed can make the renderer open a network
connection or read another file.
"""

import logging
import mimetypes
import threading
from base64 import b64encode
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

import qrcode
from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)


class RefusedURL(ValueError):
    """WeasyPrint asked for something outside the project's own files."""


class RestrictedURLFetcher(URLFetcher):
    """Serves files under the given folders and `data:` URIs; refuses everything else.

    No HTTP, no FTP, no file outside the folders (symlinks and `..` are resolved
    first). Every refusal is kept in `refused` and logged, so tests can see it.
    """

    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.roots = [Path(root).resolve() for root in roots]
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            parts = urlsplit(url)
            if parts.netloc in ("", "localhost"):
                path = Path(unquote(parts.path)).resolve()
                if path.is_file() and any(path.is_relative_to(r) for r in self.roots):
                    content_type = mimetypes.guess_type(path.name)[0]
                    return URLFetcherResponse(
                        url,
                        body=path.read_bytes(),
                        headers={
                            "Content-Type": content_type or "application/octet-stream"
                        },
                    )
        self.refused.append(url)
        logger.warning("PDF renderer refused to fetch %r", url[:200])
        raise RefusedURL(f"Refused: {url[:200]}")


def allowed_roots() -> list[Path]:
    """The project's static folders and MEDIA_ROOT: all the renderer may read."""
    roots = [
        Path(p if isinstance(p, str | Path) else p[1])
        for p in settings.STATICFILES_DIRS
    ]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT))
    roots.append(Path(settings.MEDIA_ROOT))
    return roots


@lru_cache(maxsize=1)
def fonts_url() -> str:
    """`file:` URL of the folder with the OFL fonts, ending in `/`."""
    path = finders.find("fonts/NotoSans-Regular.ttf")
    if not path:
        raise RuntimeError("static/fonts/NotoSans-Regular.ttf is missing")
    return Path(path).resolve().parent.as_uri() + "/"


def qr_png_data_uri(text: str, *, box_size: int = 8) -> str:
    """The QR code of `text` as a 1-bit PNG data URI (sharp when printed with
    `image-rendering: pixelated`; much faster for WeasyPrint than an SVG path)."""
    qr = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, box_size=box_size
    )
    qr.add_data(text)
    qr.make(fit=True)
    buffer = BytesIO()
    qr.make_image().save(buffer, format="PNG")
    return f"data:image/png;base64,{b64encode(buffer.getvalue()).decode('ascii')}"


# A FontConfiguration parses the @font-face files once; one per thread, because
# Pango objects are not shared across threads.
_local = threading.local()


def font_config() -> FontConfiguration:
    config = getattr(_local, "font_config", None)
    if config is None:
        config = _local.font_config = FontConfiguration()
    return config


def html_to_pdf(html: str, *, fetcher: RestrictedURLFetcher | None = None) -> bytes:
    """Render HTML (fonts and images from the project's files only) to PDF bytes."""
    fetcher = fetcher or RestrictedURLFetcher(allowed_roots())
    return HTML(string=html, url_fetcher=fetcher, base_url=fonts_url()).write_pdf(
        font_config=font_config()
    )
