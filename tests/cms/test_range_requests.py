"""Audio and video play on phones only when files are served in byte ranges."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

CONTENT = bytes(range(256)) * 40  # 10,240 bytes


@pytest.fixture
def audio(db):
    document = Document(title="Bài đọc")
    document.file.save("bai-doc.mp3", ContentFile(CONTENT), save=True)
    return document


def body(response):
    return b"".join(response.streaming_content)


def test_whole_file_announces_byte_ranges(client, audio):
    response = client.get(audio.url)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == CONTENT


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=10000-", 10000, 10239),
        ("bytes=-40", 10200, 10239),
    ],
)
def test_a_range_gets_206_with_exactly_those_bytes(client, audio, header, start, end):
    response = client.get(audio.url, HTTP_RANGE=header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{len(CONTENT)}"
    assert int(response["Content-Length"]) == end - start + 1
    assert body(response) == CONTENT[start : end + 1]


def test_an_unsatisfiable_range_gets_416(client, audio):
    response = client.get(audio.url, HTTP_RANGE="bytes=20000-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(CONTENT)}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-9", "lines=1-2", "bytes=a-b"])
def test_ranges_we_do_not_serve_get_the_whole_file(client, audio, header):
    response = client.get(audio.url, HTTP_RANGE=header)
    assert response.status_code == 200
    assert body(response) == CONTENT
