"""Uploaded SVG pictures run nothing, load nothing and link nowhere (issue #16)."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model

from cms.svg import SvgRefused, svg_sanitise
from community.roles import Role

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(
    path
    for path in ROOT.rglob("*.svg")
    if not {".venv", "node_modules", "staticfiles", "media", "screenshots"}
    & set(path.relative_to(ROOT).parts)
)
HOSTILE = """<?xml version="1.0" encoding="utf-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 100 100" onload="alert('onload')">
  <script>alert('script')</script>
  <script xlink:href="https://evil.example/x.js"/>
  <style>@import url(https://evil.example/x.css);
    .a { fill: url(https://evil.example/p) }</style>
  <rect id="box" width="50" height="50" fill="#1F6FB2" onclick="alert('click')"/>
  <a href="javascript:alert('href')"><text x="5" y="70">Bấm vào đây</text></a>
  <a xlink:href="https://evil.example/phish"><text x="5" y="90">Trang khác</text></a>
  <image href="https://evil.example/track.png" width="1" height="1"/>
  <image href="/accounts/me/data.json" width="1" height="1"/>
  <image href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" width="1"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="2" height="2"/>
  <use href="#box" x="50"/>
  <use href="other.svg#box" x="60"/>
  <circle r="5" style="fill:red;stroke:url(https://evil.example/s)" filter="url(/f)"/>
  <foreignObject width="100" height="100">
    <iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"></iframe>
  </foreignObject>
  <set attributeName="onmouseover" to="alert('set')"/>
</svg>
"""


def _tree(data: bytes) -> list:
    """What a picture shows: every element with its attributes and text, in order."""
    return [
        (element.tag, dict(element.attrib), (element.text or "").strip())
        for element in ET.fromstring(data).iter()
    ]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_every_shipped_svg_passes_the_sanitiser_unchanged_in_what_it_shows(path):
    original = path.read_bytes()
    assert _tree(svg_sanitise(original)) == _tree(original)


@pytest.mark.parametrize(
    "path", [*SHIPPED[:3], None], ids=lambda p: getattr(p, "name", "hostile")
)
def test_sanitising_twice_gives_the_same_bytes(path):
    """The form sanitises, then the storage again: size and hash must stay true."""
    data = path.read_bytes() if path else HOSTILE.encode()
    once = svg_sanitise(data)
    assert svg_sanitise(once) == once


def test_the_shipped_pictures_were_all_found():
    names = {path.name for path in SHIPPED}
    assert "favicon.svg" in names and "vneid-cover.svg" in names
    assert len(SHIPPED) >= 25


def test_script_events_and_every_outside_reference_are_removed():
    cleaned = svg_sanitise(HOSTILE.encode()).decode()
    lowered = cleaned.lower()
    for gone in (
        "<script",
        "alert(",
        "onload",
        "onclick",
        "onmouseover",
        "javascript:",
        "evil.example",
        "@import",
        "foreignobject",
        "iframe",
        "data:text/html",
        "/accounts/me/data.json",
        "other.svg",
        "url(/f)",
    ):
        assert gone not in lowered, gone
    tree = _tree(cleaned.encode())
    tags = [tag.rsplit("}", 1)[-1] for tag, _attrs, _text in tree]
    # What is drawn stays: the box, both texts, the raster picture, the inner use.
    assert tags.count("rect") == 1 and tags.count("text") == 2
    assert "Bấm vào đây" in cleaned and "Trang khác" in cleaned
    assert 'href="data:image/png;base64,iVBORw0KGgo="' in cleaned
    assert 'href="#box"' in cleaned
    assert 'style="fill:red"' in cleaned


@pytest.mark.parametrize(
    "data",
    [
        b"not a picture",
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>',
        b'<svg width="10" height="10"><rect width="5" height="5"/></svg>',
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
    ],
    ids=["not-xml", "html", "no-svg-namespace", "entities"],
)
def test_what_is_not_a_readable_svg_is_refused(data):
    with pytest.raises(SvgRefused):
        svg_sanitise(data)


@pytest.fixture
def editor_client(client, make_staff):
    client.force_login(make_staff(Role.EDITOR))
    return client


def _stored(image) -> str:
    with image.file.open("rb") as handle:
        return handle.read().decode()


def test_an_editor_uploads_an_svg_with_script_and_it_is_stored_without(
    editor_client,
):
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "Màn hình đăng nhập",
            "file": SimpleUploadedFile(
                "dang-nhap.svg", HOSTILE.encode(), content_type="image/svg+xml"
            ),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Màn hình đăng nhập")
    stored = _stored(image)
    assert "<script" not in stored and "alert(" not in stored
    assert "Bấm vào đây" in stored
    assert image.file_size == len(stored.encode())


def test_the_multiple_upload_sanitises_too(editor_client):
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("nhieu.svg", HOSTILE.encode())},
    )
    assert response.status_code == 200
    assert response.json()["success"] is True, response.json()
    stored = _stored(get_image_model().objects.get())
    assert "<script" not in stored and "onclick" not in stored


def test_an_svg_that_cannot_be_read_is_refused_with_a_vietnamese_message(
    editor_client,
):
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "Không có namespace",
            "file": SimpleUploadedFile(
                "cu.svg", b'<svg width="10" height="10"><rect width="5"/></svg>'
            ),
        },
    )
    assert response.status_code == 200
    assert "Không đọc được hình SVG này" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_an_svg_saved_another_way_is_sanitised_by_the_storage(db):
    """seed_demo, renditions, a script: whatever writes to the media storage."""
    image = get_image_model()(
        title="script", file=ContentFile(HOSTILE.encode(), name="script.svg")
    )
    image.save()
    stored = _stored(image)
    assert "<script" not in stored and "evil.example" not in stored
    rendition = image.get_rendition("max-80x80|preserve-svg")
    with rendition.file.open("rb") as handle:
        assert b"<script" not in handle.read()


def test_svg_documents_cannot_be_uploaded(editor_client):
    from wagtail.documents import get_document_model

    response = editor_client.post(
        "/admin/documents/add/",
        {
            "title": "svg",
            "file": SimpleUploadedFile("tai-lieu.svg", HOSTILE.encode()),
        },
    )
    assert response.status_code == 200
    assert not get_document_model().objects.exists()
