"""User media and documents are served sandboxed, never sniffed (issue #16)."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" '
    b'height="10"><rect width="10" height="10" fill="#b3261e"/></svg>'
)
PDF = b"%PDF-1.4\n" + b"0" * 2000 + b"\n%%EOF\n"


def _policy(response) -> set[str]:
    return {
        part.strip()
        for part in response.get("Content-Security-Policy", "").split(";")
        if part.strip()
    }


def assert_sandboxed(response):
    assert "sandbox" in _policy(response), response.get("Content-Security-Policy")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.fixture
def svg_image(db):
    image = get_image_model()(title="logo", file=ContentFile(SVG, name="logo.svg"))
    image.save()
    return image


def test_an_uploaded_svg_is_served_sandboxed_as_an_svg(client, svg_image):
    url = svg_image.file.url
    assert url.startswith(settings.MEDIA_URL)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Security-Policy"] == "sandbox"
    assert_sandboxed(response)
    assert response["Cache-Control"] == "public, max-age=86400"
    assert b"<rect" in b"".join(response.streaming_content)
    again = client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304


def test_a_rendition_and_a_part_of_a_file_are_sandboxed_too(client, svg_image):
    rendition = svg_image.get_rendition("max-80x80|preserve-svg")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert_sandboxed(response)
    partial = client.get(svg_image.file.url, HTTP_RANGE="bytes=0-9")
    assert partial.status_code == 206
    assert b"".join(partial.streaming_content) == b"<?xml vers"
    assert_sandboxed(partial)


@pytest.mark.parametrize(
    "path",
    [
        "original_images/missing.png",
        "original_images/",
        "../config/settings/base.py",
        "%2e%2e/config/settings/base.py",
        "documents/anything.pdf",
        "uploaded_files/x.svg",
    ],
)
def test_what_is_not_a_public_file_is_not_found_and_still_sandboxed(client, db, path):
    response = client.get(f"{settings.MEDIA_URL}{path}")
    assert response.status_code == 404
    assert_sandboxed(response)


def test_a_document_is_sent_only_by_its_view(client, db):
    document = get_document_model()(
        title="Hướng dẫn", file=ContentFile(PDF, name="huong-dan.pdf")
    )
    document.save()
    assert client.get(document.file.url).status_code == 404  # /media/documents/...
    response = client.get(document.url)
    assert response.status_code == 200
    assert_sandboxed(response)
    assert "default-src 'none'" in _policy(response)  # Wagtail's own, kept
    assert response["Content-Disposition"].startswith("attachment")
    partial = client.get(document.url, HTTP_RANGE="bytes=0-7")
    assert partial.status_code == 206
    assert_sandboxed(partial)


def test_a_private_documents_password_page_is_a_normal_page(client, db):
    """It posts a form, which a sandbox would forbid."""
    root = Collection.get_first_root_node()
    private = root.add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(
        collection=private,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="mat-khau",
    )
    document = get_document_model()(
        title="Nội bộ", collection=private, file=ContentFile(PDF, name="noi-bo.pdf")
    )
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "sandbox" not in _policy(response)
    assert "'unsafe-inline'" not in response.get("Content-Security-Policy", "")
