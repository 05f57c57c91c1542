"""Every public page type shows a proper card when pasted into Facebook or Zalo,
and offers share links that load no third-party script."""

import io
import re
from datetime import date
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from cms.models import HomePage, NewsPage
from tests.cms.test_news import make_article, make_news_index
from tests.learning.factories import make_course, make_index

BASE = "https://hocvuso.example.vn"


class Head(HTMLParser):
    """Meta tags by property/name, and every <script>, <a> and <input>."""

    def __init__(self):
        super().__init__()
        self.meta, self.scripts, self.links, self.inputs, self.buttons = (
            {},
            [],
            [],
            [],
            [],
        )

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        elif tag == "script":
            self.scripts.append(attrs)
        elif tag == "a":
            self.links.append(attrs)
        elif tag == "input":
            self.inputs.append(attrs)
        elif tag == "button":
            self.buttons.append(attrs)


def parse(html: str) -> Head:
    head = Head()
    head.feed(html)
    return head


def png_image(title="cover.png", size=(1600, 1000)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 40, 30)).save(buffer, format="PNG")
    image = get_image_model()(title=title, file=ImageFile(buffer, name=title))
    image.save()
    return image


def svg_image(title="cover.svg"):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"></svg>'
    image = get_image_model()(title=title, file=ImageFile(io.BytesIO(svg), name=title))
    image.save()
    return image


@pytest.fixture
def pages(db, settings):
    settings.SITE_BASE_URL = BASE
    home = HomePage.objects.get()
    home.search_description = "Học kỹ năng số trên điện thoại."
    home.save_revision().publish()
    news_index = make_news_index()
    article = make_article(news_index, 1, day=date(2026, 3, 1))
    article.cover = png_image("news.png")
    article.save_revision().publish()
    index = make_index()
    course, lessons = make_course(lessons=2, slug="vneid")
    course.cover = png_image("vneid.png")
    course.promise = "Tự cài VNeID trên điện thoại."
    course.save_revision().publish()
    svg_course, _lessons = make_course(lessons=1, slug="svg", index=index)
    svg_course.cover = svg_image()
    svg_course.save_revision().publish()
    lesson = lessons[0]
    lesson.summary = "Tải ứng dụng VNeID."
    lesson.save_revision().publish()
    return {
        "home": HomePage.objects.get(),
        "news index": news_index,
        "news page": NewsPage.objects.get(pk=article.pk),
        "course catalogue": index,
        "course": course.specific_class.objects.get(pk=course.pk),
        "lesson": lesson.specific_class.objects.get(pk=lesson.pk),
        "svg course": svg_course,
    }


def local_file(path: str) -> str:
    """The file behind a /static/ or /media/ URL (the CDN's job in production)."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    if path.startswith("/static/"):
        return finders.find(path.removeprefix("/static/"))
    assert path.startswith("/media/"), path
    return f"{settings.MEDIA_ROOT}/{path.removeprefix('/media/')}"


PUBLIC = ["home", "news index", "news page", "course catalogue", "course", "lesson"]
# The catalogue's template is learning's: it has the tags but not yet the links.
WITH_SHARE_LINKS = ["home", "news index", "news page", "course", "lesson"]


@pytest.mark.parametrize("kind", PUBLIC)
def test_open_graph_and_twitter_card(client, pages, kind):
    page = pages[kind]
    response = client.get(page.url)
    assert response.status_code == 200
    meta = parse(response.content.decode()).meta
    assert meta["og:title"] == (page.seo_title or page.title)
    assert meta["og:description"]
    assert meta["og:url"] == BASE + page.url
    assert meta["og:image"].startswith(BASE + "/")
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image"] == meta["og:image"]
    with PILImage.open(local_file(meta["og:image"].removeprefix(BASE))) as picture:
        assert picture.size == (1200, 630)
        assert picture.format in ("JPEG", "PNG")


def test_descriptions_come_from_the_page(client, pages):
    def description(kind):
        return parse(client.get(pages[kind].url).content.decode()).meta[
            "og:description"
        ]

    assert description("home") == "Học kỹ năng số trên điện thoại."
    assert description("news page") == "Tóm tắt tin số 1."
    assert description("course") == "Tự cài VNeID trên điện thoại."
    assert description("lesson") == "Tải ứng dụng VNeID."


def test_images_are_renditions_or_the_branded_default(client, pages):
    def image(kind):
        return parse(client.get(pages[kind].url).content.decode()).meta["og:image"]

    assert re.search(r"/media/images/vneid[^/]*1200x630[^/]*\.jpg$", image("course"))
    assert re.search(r"/media/images/news[^/]*1200x630[^/]*\.jpg$", image("news page"))
    # A lesson without pictures shares its course's cover.
    assert image("lesson") == image("course")
    # SVG cannot be rasterised for Facebook: the default card instead.
    assert image("svg course") == BASE + "/static/img/og-default.png"
    assert image("home") == BASE + "/static/img/og-default.png"


@pytest.mark.parametrize("kind", WITH_SHARE_LINKS)
def test_share_links_load_no_third_party_script(client, pages, kind):
    page = pages[kind]
    html = client.get(page.url).content.decode()
    parsed = parse(html)
    url = BASE + page.url
    sharer = f"https://www.facebook.com/sharer/sharer.php?u={quote(url, safe='')}"
    assert any(link.get("href") == sharer for link in parsed.links)
    copy_box = [i for i in parsed.inputs if i.get("value") == url]
    assert copy_box and "readonly" in copy_box[0]
    # The share sheet and copy buttons wait, hidden, for JavaScript to offer them.
    native = [b for b in parsed.buttons if "data-share-native" in b]
    copy = [b for b in parsed.buttons if "data-share-copy" in b]
    assert native and "hidden" in native[0] and copy and "hidden" in copy[0]
    for script in parsed.scripts:
        assert script.get("src", "").startswith("/static/js/"), script
        assert "defer" in script
    assert "/static/js/share.js" in [s["src"] for s in parsed.scripts]


def test_share_script_is_served(client, pages):
    from django.contrib.staticfiles import finders

    source = open(finders.find("js/share.js")).read()
    assert "navigator.share" in source and "clipboard" in source
    assert "http" not in source  # loads nothing from anyone
