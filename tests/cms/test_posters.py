"""Posters: a printable PDF whose QR code leads to the page, and visits counted."""

import io
import os
import re

import pypdfium2
import pytest
import zxingcpp
from django.utils import timezone

from cms.models import Poster, PosterVisit
from cms.posters import PosterContent, poster_render_pdf
from community.roles import Role
from tests.learning.factories import make_course

BASE = "https://hocvuso.example.vn"
SCREENSHOTS = os.path.join(os.path.dirname(__file__), "..", "..", "screenshots")
MM = 72 / 25.4


def page_image(pdf: bytes, scale: float = 2.0):
    return pypdfium2.PdfDocument(io.BytesIO(pdf))[0].render(scale=scale).to_pil()


def qr_texts(pdf: bytes) -> list[str]:
    return [
        result.text
        for result in zxingcpp.read_barcodes(page_image(pdf))
        if result.format == zxingcpp.BarcodeFormat.QRCode
    ]


def pdf_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(io.BytesIO(pdf))
    return "\n".join(page.get_textpage().get_text_range() for page in document)


@pytest.fixture
def course(db, settings):
    settings.SITE_BASE_URL = BASE
    course, lessons = make_course(lessons=3, slug="vneid")
    course.title = "Cài đặt và dùng VNeID"
    course.promise = "Tự cài đặt và dùng VNeID trên điện thoại của mình."
    course.save_revision().publish()
    titles = ["Tải ứng dụng VNeID", "Đăng nhập lần đầu", "Xuất trình giấy tờ"]
    for lesson, title in zip(lessons, titles, strict=True):
        lesson.title = title
        lesson.save_revision().publish()
    return course


@pytest.fixture
def editor(make_staff):
    return make_staff(Role.EDITOR)


@pytest.mark.parametrize(
    ("size", "width_mm", "height_mm"), [("A4", 210, 297), ("A3", 297, 420)]
)
def test_editor_downloads_a_poster_whose_qr_leads_to_the_course(
    client, course, editor, size, width_mm, height_mm
):
    client.force_login(editor)
    response = client.post(f"/admin/posters/{course.pk}/", {"size": size})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    poster = Poster.objects.get()
    assert (poster.page_id, poster.size, poster.created_by) == (course.pk, size, editor)
    pdf = response.content
    document = pypdfium2.PdfDocument(io.BytesIO(pdf))
    assert len(document) == 1
    width, height = document[0].get_size()
    assert (round(width / MM), round(height / MM)) == (width_mm, height_mm)
    assert qr_texts(pdf) == [f"{BASE}/khoa-hoc/vneid/?p={poster.code}"]
    text = pdf_text(pdf)
    for words in [
        "Cài đặt và dùng VNeID",
        "Tự cài đặt và dùng VNeID trên điện thoại của mình.",
        "Tải ứng dụng VNeID",
        "Đăng nhập lần đầu",
    ]:
        assert words in text.replace("\r\n", " ").replace("\n", " ")
    assert "Xuất trình giấy tờ" not in text  # three lines, no more


@pytest.mark.parametrize(
    "path",
    ["/admin/posters/{pk}/?size=A4", "/admin/posters/{pk}/print/?size=A3"],
)
def test_opening_a_poster_link_writes_nothing(client, course, editor, path):
    """A GET (a link followed, a prefetch, a browser reopening its tabs) never makes
    a printed batch: only the form's POST does."""
    client.force_login(editor)
    response = client.get(path.format(pk=course.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert not Poster.objects.exists()
    html = response.content.decode()
    assert 'method="post"' in html
    size = path.rsplit("=", 1)[1]
    assert f'<option value="{size}" selected>' in html


def test_each_download_is_a_new_batch_with_its_own_code(client, course, editor):
    client.force_login(editor)
    client.post(f"/admin/posters/{course.pk}/")
    client.post(f"/admin/posters/{course.pk}/", {"size": "A3"})
    codes = list(Poster.objects.values_list("code", flat=True))
    assert len(set(codes)) == 2 and all(len(code) == 6 for code in codes)


def test_the_page_offers_the_poster_download_in_the_admin(client, course, editor):
    client.force_login(editor)
    html = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert f"/admin/posters/{course.pk}/?size=A4" in html
    assert f"/admin/posters/{course.pk}/?size=A3" in html


@pytest.mark.parametrize("role", [None, Role.VOLUNTEER, Role.OFFICER])
def test_only_admin_users_download_posters(client, course, places, make_staff, role):
    if role is not None:
        scope = (
            {"neighbourhood": places["n1"]}
            if role == Role.VOLUNTEER
            else {"ward": places["ward"]}
        )
        client.force_login(make_staff(role, **scope))
    response = client.post(f"/admin/posters/{course.pk}/", {"size": "A4"})
    assert response.status_code in (302, 403)
    assert response.get("Content-Type") != "application/pdf"
    assert not Poster.objects.exists()


def test_unknown_size_or_draft_page_is_not_found(client, course, editor):
    client.force_login(editor)
    assert client.get(f"/admin/posters/{course.pk}/?size=A0").status_code == 404
    path = f"/admin/posters/{course.pk}/"
    assert client.post(path, {"size": "A0"}).status_code == 404
    course.unpublish()
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404
    assert not Poster.objects.exists()


def test_a_visit_through_the_poster_is_counted_once_per_session_then_clean(
    client, course, editor
):
    from django.test import Client

    staff = Client()
    staff.force_login(editor)
    pdf = staff.post(f"/admin/posters/{course.pk}/").content
    [scanned] = qr_texts(pdf)
    path = scanned.removeprefix(BASE)

    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/khoa-hoc/vneid/"
    assert client.get(response["Location"]).status_code == 200
    client.get(path)  # the same phone scans again: same session, not counted again
    Client().get(path)  # another phone
    poster = Poster.objects.get()
    assert poster.visits == 2
    visit = PosterVisit.objects.get(poster=poster)
    assert (visit.day, visit.count) == (timezone.localdate(), 2)


def test_other_query_parameters_survive_and_unknown_codes_count_nothing(client, course):
    response = client.get("/khoa-hoc/vneid/?p=zzzzzz&utm_source=loa")
    assert response.status_code == 302
    assert response["Location"] == "/khoa-hoc/vneid/?utm_source=loa"
    assert not PosterVisit.objects.exists()


def test_what_users_typed_is_printed_as_text(db):
    pdf = poster_render_pdf(
        PosterContent(
            title='<img src="http://example.com/x.png"> Học & làm',
            lines=("<b>Dòng 1</b>",),
            url=f"{BASE}/x/?p=abc234",
            display_url="hocvuso.example.vn/x/",
        )
    )
    text = "".join(pdf_text(pdf).split())
    assert '<imgsrc="http://example.com/x.png">Học&làm' in text
    assert "<b>Dòng1</b>" in text


def test_poster_image_for_a_person_to_look_at(course):
    """Writes screenshots/poster-a4.png: check it is legible from two metres."""
    from cms.selectors import poster_content_for
    from cms.services import poster_create

    poster = poster_create(page=course, user=None, size="A4")
    pdf = poster_render_pdf(poster_content_for(poster=poster))
    os.makedirs(SCREENSHOTS, exist_ok=True)
    image = page_image(pdf, scale=1.5)
    image.save(os.path.join(SCREENSHOTS, "poster-a4.png"))
    # Large QR: at least 75 mm wide on A4 (modules of 2 mm and more).
    [result] = zxingcpp.read_barcodes(image)
    qr_width_mm = (result.position.top_right.x - result.position.top_left.x) / (
        1.5 * MM
    )
    assert qr_width_mm >= 75


@pytest.mark.parametrize("size", ["A4", "A3"])
def test_long_texts_still_leave_a_whole_readable_qr_code(db, size):
    url = f"{BASE}/khoa-hoc/{'mot-khoa-hoc-rat-dai-' * 3}/?p=abc234"
    pdf = poster_render_pdf(
        PosterContent(
            title="Sử dụng dịch vụ công trực tuyến để làm thủ tục hành chính tại nhà "
            "mà không cần đến phường",
            lines=("Một dòng rất dài về những điều bạn sẽ học được " * 2,) * 3,
            url=url,
            display_url=url.split("://", 1)[1],
            size=size,
        )
    )
    assert len(pypdfium2.PdfDocument(io.BytesIO(pdf))) == 1
    assert qr_texts(pdf) == [url]


def test_editors_see_every_poster_and_its_visits(client, course, editor):
    client.force_login(editor)
    client.post(f"/admin/posters/{course.pk}/", {"size": "A3"})
    poster = Poster.objects.get()
    Poster.objects.filter(pk=poster.pk).update(visits=7)
    response = client.get("/admin/posters/")
    assert response.status_code == 200
    html = response.content.decode()
    assert poster.code in html and course.title in html
    assert re.search(r">\s*7\s*<", html)
