"""What a shared link shows: absolute URLs, title, description and a 1200x630 image.

Pages are asked by duck typing, so cms knows no other app (DESIGN.md §2): a page may
offer `og_image`; otherwise its `cover`, the first picture of its `body`, or its
parent's `cover` (a lesson shares its course's cover) is used. SVG pictures cannot be
rasterised for Facebook or Zalo, so they give way to the branded default card.
"""

from dataclasses import dataclass

from django.conf import settings
from django.templatetags.static import static
from django.utils.text import Truncator

OG_WIDTH, OG_HEIGHT = 1200, 630
OG_FILTER = f"fill-{OG_WIDTH}x{OG_HEIGHT}|format-jpeg|jpegquality-80"
DEFAULT_IMAGE = "img/og-default.png"
DESCRIPTION_FIELDS = ("search_description", "lead", "promise", "summary")


@dataclass(frozen=True)
class ShareCard:
    title: str
    description: str
    url: str
    image_url: str
    image_width: int
    image_height: int
    kind: str  # "website" or "article"


def absolute_url(url: str) -> str:
    """`url` (a path, or already absolute from a CDN or S3) on the public address."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.SITE_BASE_URL + url


def page_path(page, request=None) -> str:
    """The page's path from the site root, whatever the request's host."""
    parts = page.get_url_parts(request)
    return parts[2] if parts else "/"


def page_absolute_url(page, request=None) -> str:
    return absolute_url(page_path(page, request))


def _first_body_image(page):
    body = getattr(page, "body", None)
    if not body:
        return None
    for block in body:
        values = block.value if isinstance(block.value, list | tuple) else [block.value]
        for value in values:
            image = value.get("image") if hasattr(value, "get") else None
            if image is not None:
                return image
    return None


def page_image(page):
    """The picture that stands for the page, or None; never queries for SVG files."""
    for candidate in (
        getattr(page, "og_image", None),
        getattr(page, "cover", None),
        _first_body_image(page),
    ):
        if candidate is not None:
            return candidate
    if getattr(page, "depth", 0) > 2:
        parent = page.get_parent()
        return getattr(parent.specific if parent else None, "cover", None)
    return None


def page_description(page) -> str:
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, name, "")
        if value:
            return Truncator(str(value)).chars(200)
    return ""


def share_card(page, *, request=None, default_description: str = "") -> ShareCard:
    image = page_image(page)
    if image is not None and not image.is_svg():
        rendition = image.get_rendition(OG_FILTER)
        image_url = absolute_url(rendition.url)
        width, height = rendition.width, rendition.height
    else:
        image_url = absolute_url(static(DEFAULT_IMAGE))
        width, height = OG_WIDTH, OG_HEIGHT
    return ShareCard(
        title=page.seo_title or page.title,
        description=page_description(page) or default_description,
        url=page_absolute_url(page, request),
        image_url=image_url,
        image_width=width,
        image_height=height,
        kind="article" if getattr(page, "date", None) else "website",
    )
