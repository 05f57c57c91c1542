"""certificates/pdf.py: the PDF itself, rendered from plain values (no database)."""

import socket
import threading
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from django.conf import settings
from weasyprint import HTML

import certificates.pdf
import cms.pdf
from certificates.pdf import (
    CertificateContent,
    RestrictedURLFetcher,
    allowed_roots,
    certificate_render_pdf,
)

from .conftest import pdf_font_names, pdf_page_image, pdf_qr_texts, pdf_text

VERIFY_URL = (
    "http://127.0.0.1:8000/certificates/verify/ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567/"
)
HOSTILE = '<img src="http://127.0.0.1:9/x">Nguyễn'


def content(**overrides) -> CertificateContent:
    values = {
        "code": "ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567",
        "verify_url": VERIFY_URL,
        "holder_name": "Nguyễn Thị Hồng Nhung",
        "holder_birth_year": 1962,
        "holder_neighbourhood": "Tổ dân phố số 1",
        "ward_name": "Phường Gia Viên",
        "city": "Hải Phòng",
        "authority": "Ủy ban nhân dân phường Gia Viên",
        "signer_name": "Nguyễn Thị Hoa",
        "signer_title": "Phó Chủ tịch Ủy ban nhân dân phường",
        "course_title": "Sử dụng ứng dụng VNeID",
        "course_promise": "Tự cài đặt và dùng VNeID trên điện thoại.",
        "course_lessons": ("Cài đặt ứng dụng VNeID", "Kích hoạt tài khoản mức 2"),
        "issued_on": date(2026, 11, 26),
    }
    values.update(overrides)
    return CertificateContent(**values)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test, and is recorded."""
    attempts = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise AssertionError(f"the renderer tried to connect to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def test_one_a4_landscape_page_with_the_national_header_and_the_name(no_network):
    pdf = certificate_render_pdf(content())
    assert pdf.startswith(b"%PDF-")
    document = pypdfium2.PdfDocument(pdf)
    assert len(document) == 1
    # A4 landscape: 297 x 210 mm = 841.9 x 595.3 pt.
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (842, 595)
    text = pdf_text(pdf)
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "GIẤY CHỨNG NHẬN",
        "ỦY BAN NHÂN DÂN PHƯỜNG GIA VIÊN",
        "Nguyễn Thị Hồng Nhung",
        "1962",
        "Tổ dân phố số 1",
        "Sử dụng ứng dụng VNeID",
        "Kích hoạt tài khoản mức 2",
        "Hải Phòng, ngày 26 tháng 11 năm 2026",
        "PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG",
        "Nguyễn Thị Hoa",
        "ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567",
    ]:
        assert expected in text, expected
    assert no_network == []


def test_every_character_is_printed_with_the_shipped_fonts():
    """No glyph falls back to whatever fonts the machine happens to have."""
    pdf = certificate_render_pdf(content(holder_name="Đặng Thị Ưng Ỷ Ậu"))
    fonts = pdf_font_names(pdf)
    assert fonts >= {"Cert-Serif", "Cert-Serif-Bold", "Cert-Serif-Italic", "Cert-Sans"}
    assert fonts <= {
        "Cert-Serif",
        "Cert-Serif-Bold",
        "Cert-Serif-Italic",
        "Cert-Sans",
        "Cert-Sans-Bold",
    }
    assert "Đặng Thị Ưng Ỷ Ậu" in pdf_text(pdf)
    assert (Path(settings.BASE_DIR) / "static" / "fonts" / "OFL.txt").is_file()


def test_the_qr_code_decodes_to_the_absolute_verification_url():
    assert pdf_qr_texts(certificate_render_pdf(content())) == [VERIFY_URL]


def test_a_hostile_name_is_printed_as_text_and_nothing_is_fetched(
    no_network, monkeypatch
):
    asked = []
    original = RestrictedURLFetcher.fetch
    # A fresh font cache, so that this render fetches the fonts (and nothing else).
    monkeypatch.setattr(certificates.pdf, "_local", threading.local())
    monkeypatch.setattr(cms.pdf, "_local", threading.local())

    def spy(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(RestrictedURLFetcher, "fetch", spy)
    pdf = certificate_render_pdf(
        content(
            holder_name=HOSTILE,
            holder_neighbourhood='<link rel="stylesheet" href="file:///etc/passwd">',
            course_title="<style>@import url(http://127.0.0.1:9/y);</style>Khóa",
            course_lessons=('<iframe src="http://127.0.0.1:9/z"></iframe>Bài 1',),
        )
    )
    text = pdf_text(pdf)
    assert HOSTILE in text
    assert 'href="file:///etc/passwd">' in text
    assert "@import url(http://127.0.0.1:9/y);</style>Khóa" in text
    assert '<iframe src="http://127.0.0.1:9/z"></iframe>Bài 1' in text
    # Only the shipped fonts and our own QR image were asked for: the markup above
    # was never parsed as HTML.
    fonts = [url for url in asked if url.startswith("file://")]
    assert len(fonts) == 5
    assert all("/static/fonts/Noto" in url for url in fonts)
    others = [url for url in asked if not url.startswith("file://")]
    assert [url[:22] for url in others] == ["data:image/png;base64,"]  # the QR code
    assert no_network == []


def test_the_fetcher_refuses_the_network_and_files_outside_the_project(
    no_network, tmp_path
):
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG not really")
    fetcher = RestrictedURLFetcher(allowed_roots())
    html = (
        '<img src="http://127.0.0.1:9/x"><img src="https://example.org/y.png">'
        f'<img src="{outside.as_uri()}"><img src="file:///etc/passwd">'
        '<img src="ftp://127.0.0.1/z">'
        f'<img src="{(Path(settings.MEDIA_ROOT) / ".." / outside.name).as_uri()}">'
    )
    HTML(string=html, url_fetcher=fetcher).write_pdf()
    assert "http://127.0.0.1:9/x" in fetcher.refused
    assert "https://example.org/y.png" in fetcher.refused
    assert outside.as_uri() in fetcher.refused
    assert "file:///etc/passwd" in fetcher.refused
    assert "ftp://127.0.0.1/z" in fetcher.refused
    assert len(fetcher.refused) == 6
    assert no_network == []


def test_the_fetcher_serves_static_and_media_files(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "seal.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    fetcher = RestrictedURLFetcher(allowed_roots())
    font = Path(settings.BASE_DIR, "static", "fonts", "NotoSerif-Regular.ttf")
    assert fetcher.fetch(font.as_uri()).read()[:4] == b"\x00\x01\x00\x00"
    response = fetcher.fetch((tmp_path / "seal.svg").as_uri())
    assert response.content_type == "image/svg+xml"
    assert fetcher.refused == []


def test_the_seal_is_printed(no_network):
    red_square = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b'<rect width="10" height="10" fill="#ff0000"/></svg>'
    )
    without = pdf_page_image(certificate_render_pdf(content()), scale=1)
    with_seal = pdf_page_image(
        certificate_render_pdf(content(seal=red_square)), scale=1
    )

    def seal_red(image):
        # Bright red; the frame's darker red (#a1261c) does not count.
        pixels = image.convert("RGB").get_flattened_data()
        return sum(1 for r, g, b in pixels if r > 230 and g < 70 and b < 70)

    assert seal_red(without) == 0
    assert seal_red(with_seal) > 1000


def test_a_long_name_and_no_signer_still_fit_on_one_page():
    pdf = certificate_render_pdf(
        content(
            holder_name="Tôn Nữ Thị Hoàng Phương Thảo Nguyên Bích Ngọc",
            signer_name="",
            signer_title="",
            holder_birth_year=None,
            course_lessons=tuple(f"Bài học số {n} có tên khá dài" for n in range(8)),
        )
    )
    assert len(pypdfium2.PdfDocument(pdf)) == 1
    assert "Tôn Nữ Thị Hoàng Phương Thảo Nguyên Bích Ngọc" in pdf_text(pdf)
