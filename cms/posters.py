"""Printable posters (A4, A3) of a page: a pure function of already-fetched values.

`poster_render_pdf(content)` takes a `PosterContent` (plain values, no model, no
query) and returns PDF bytes: a big title, up to three lines on what you will learn
and a large QR code to the page's absolute URL with its `?p=<code>`, so that visits
through each printed batch are counted. Sizes scale together from the root font size,
so A3 is A4 enlarged, as a copy shop would do it.

The poster is a Vietnamese notice whatever the interface language (like any paper a
ward puts up), so its own words are in the template, not translated.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.text import Truncator

from .pdf import fonts_url, html_to_pdf, qr_png_data_uri

TEMPLATE_NAME = "cms/poster_pdf.html"
# Paper (width, height) in mm and the root font size: A3 is A4 times sqrt(2). Strings,
# so that the template never prints a localised decimal comma into the CSS.
SIZES = {"A4": (210, 297, "12pt"), "A3": (297, 420, "16.97pt")}
# A poster says little, big: longer text would push the QR code off the sheet.
TITLE_CHARS, LINE_CHARS = 72, 70


@dataclass(frozen=True)
class PosterContent:
    title: str
    lines: tuple[str, ...]
    url: str  # absolute, with the poster's tracking parameter
    display_url: str  # what a person can type: printed when it is short enough
    size: str = "A4"


def poster_render_pdf(content: PosterContent) -> bytes:
    if content.size not in SIZES:
        raise ValueError(f"Unknown poster size {content.size!r}")
    width, height, root_size = SIZES[content.size]
    title = Truncator(content.title).chars(TITLE_CHARS)
    lines = [Truncator(line).chars(LINE_CHARS) for line in content.lines[:3]]
    html = render_to_string(
        TEMPLATE_NAME,
        {
            "c": content,
            "title": title,
            "lines": lines,
            "width": width,
            "height": height,
            "root_size": root_size,
            "fonts_url": fonts_url(),
            "qr_src": qr_png_data_uri(content.url),
            # Longer text, smaller type, so that the QR code always fits whole.
            "title_size": "xlong"
            if len(title) > 56
            else "long"
            if len(title) > 34
            else "",
            "display_url": content.display_url
            if len(content.display_url) <= 48
            else "",
            "lines_size": "long" if max(map(len, lines), default=0) > 60 else "",
        },
    )
    return html_to_pdf(html)
