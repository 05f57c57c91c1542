"""The certificate PDF, as a pure function of already-fetched values.

`certificate_render_pdf(content)` takes a `CertificateContent` (plain values, no model
instances, no queries) and returns PDF bytes: A4 landscape, Vietnamese, the project's
own OFL fonts (`static/fonts/`), a QR code of the absolute verification URL.

Safety (DESIGN.md §6): every string goes through the Django template engine with
autoescape on, so a name like `<img src=...>` is printed as text; and WeasyPrint gets a
`RestrictedURLFetcher` that serves only files under the project's static folders and
MEDIA_ROOT (plus inert `data:` URIs) and refuses everything else, so nothing a user
typed can make the renderer open a network connection or read another file.

Bump `TEMPLATE_VERSION` whenever the template or this module changes what is printed:
stored PDFs of an older version are rendered again on their next download.
"""

import threading
from base64 import b64encode
from dataclasses import dataclass, field
from datetime import date

from django.template.loader import render_to_string
from weasyprint import CSS, HTML

# The restricted fetcher, QR and fonts are cms's general PDF helpers (posters, sign-in
# cards and certificates print the same way); re-exported for the tests.
from cms.pdf import (  # noqa: F401
    RefusedURL,
    RestrictedURLFetcher,
    allowed_roots,
    font_config,
    fonts_url,
    qr_png_data_uri,
)

TEMPLATE_NAME = "certificates/certificate_pdf.html"
STYLESHEET_NAME = "certificates/certificate_pdf.css"
TEMPLATE_VERSION = 1


@dataclass(frozen=True)
class CertificateContent:
    """Everything printed on one certificate, as it was at issue."""

    code: str
    verify_url: str
    holder_name: str
    holder_birth_year: int | None
    holder_neighbourhood: str
    ward_name: str
    city: str
    authority: str
    signer_name: str
    signer_title: str
    course_title: str
    course_promise: str
    issued_on: date
    course_lessons: tuple[str, ...] = ()
    # The seal as image bytes (PNG, JPEG, WebP or SVG), read by the caller from media
    # storage, so that rendering works the same with local disk or S3.
    seal: bytes | None = field(default=None, repr=False)


def _seal_data_uri(seal: bytes | None) -> str:
    if not seal:
        return ""
    if seal.lstrip()[:5] in (b"<?xml", b"<svg "):
        kind = "image/svg+xml"
    elif seal[:4] == b"\x89PNG":
        kind = "image/png"
    elif seal[:4] == b"RIFF":
        kind = "image/webp"
    else:
        kind = "image/jpeg"
    return f"data:{kind};base64,{b64encode(seal).decode('ascii')}"


# Loading the fonts and parsing the stylesheet take longer than laying out a page, so
# each worker thread does them once and reuses them (Pango objects are not shared
# across threads). The stylesheet has no data in it: only the fonts' folder.
_local = threading.local()


def _stylesheet() -> CSS:
    stylesheet = getattr(_local, "stylesheet", None)
    if stylesheet is None:
        stylesheet = _local.stylesheet = CSS(
            string=render_to_string(STYLESHEET_NAME, {"fonts_url": fonts_url()}),
            base_url=fonts_url(),
            url_fetcher=RestrictedURLFetcher(allowed_roots()),
            font_config=font_config(),
        )
    return stylesheet


def _image_cache() -> dict:
    """Decoded images (the seal) by URL, per thread; a ward has one seal."""
    cache = getattr(_local, "images", None)
    if cache is None or len(cache) > 32:
        cache = _local.images = {}
    return cache


def _document(content: CertificateContent, fetcher: RestrictedURLFetcher):
    html = render_to_string(
        TEMPLATE_NAME,
        {
            "c": content,
            "qr_src": qr_png_data_uri(content.verify_url),
            "seal_src": _seal_data_uri(content.seal),
            "issued_on": content.issued_on,
        },
    )
    return HTML(string=html, url_fetcher=fetcher, base_url=fonts_url()).render(
        stylesheets=[_stylesheet()], font_config=font_config(), cache=_image_cache()
    )


def certificate_render_pdf(
    content: CertificateContent, *, fetcher: RestrictedURLFetcher | None = None
) -> bytes:
    """Render one certificate; the same content always prints the same page."""
    fetcher = fetcher or RestrictedURLFetcher(allowed_roots())
    return _document(content, fetcher).write_pdf()


def certificates_render_pdf(contents: list[CertificateContent]) -> bytes:
    """Several certificates in one PDF, one page each, to print in one go."""
    if not contents:
        raise ValueError("no certificate to render")
    fetcher = RestrictedURLFetcher(allowed_roots())
    documents = [_document(content, fetcher) for content in contents]
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()
