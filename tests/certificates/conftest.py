import ctypes
import io

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp

from learning.services import lesson_complete
from tests.learning.factories import make_course


def complete_course(user, lessons) -> None:
    """Finish every lesson through learning's service (announcements included)."""
    for lesson in lessons:
        lesson_complete(user=user, lesson=lesson)


def pdf_page_image(pdf: bytes, *, scale: float = 2.0):
    document = pypdfium2.PdfDocument(io.BytesIO(pdf))
    return document[0].render(scale=scale).to_pil()


def pdf_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(io.BytesIO(pdf))
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def pdf_font_names(pdf: bytes) -> set[str]:
    """The fonts the characters of the first page are printed in (no subset tag)."""
    page = pypdfium2.PdfDocument(io.BytesIO(pdf))[0]
    textpage = page.get_textpage()
    names = set()
    for index in range(textpage.count_chars()):
        if textpage.get_text_range(index, 1).isspace():
            continue
        buffer = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        pdfium_c.FPDFText_GetFontInfo(textpage, index, buffer, 256, ctypes.byref(flags))
        names.add(buffer.value.decode().split("+", 1)[-1])
    return names


def pdf_qr_texts(pdf: bytes) -> list[str]:
    """Decode every QR code on the first page, as a phone camera would."""
    image = pdf_page_image(pdf)
    return [
        result.text
        for result in zxingcpp.read_barcodes(image)
        if result.format == zxingcpp.BarcodeFormat.QRCode
    ]


@pytest.fixture
def course(db):
    course, lessons = make_course(lessons=2, slug="vneid")
    course.promise = "Tự cài đặt và dùng VNeID trên điện thoại."
    course.save_revision().publish()
    return course, lessons


@pytest.fixture
def holder(places, make_resident):
    return make_resident(
        places["n1"], full_name="Nguyễn Thị Hồng Nhung", birth_year=1962
    )


@pytest.fixture
def issued(holder, course, django_capture_on_commit_callbacks):
    """The holder completes the course; the certificate comes from the announcement."""
    from certificates.models import Certificate

    _course, lessons = course
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(holder, lessons)
    return Certificate.objects.get(user=holder)
