"""Offline reading and reach: manifest, service worker, sign-out, personal pages,
the audio playlist for the ward radio."""

import json

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model

from cms.offline import PRIVATE_PREFIXES
from tests.community.factories import UserFactory
from tests.learning.factories import make_course

BASE = "https://hocvuso.example.vn"
NO_STORE_MIDDLEWARE = "cms.privacy.PersonalPagesNoStoreMiddleware"


def test_manifest_names_the_app_and_its_icons(client, db):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Bình dân học vụ số"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#b3261e"
    from django.contrib.staticfiles import finders

    sizes = {}
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        with PILImage.open(path) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == icon["sizes"]
            sizes[icon["sizes"]] = icon["purpose"]
    assert {"192x192", "512x512"} <= set(sizes)


def test_every_page_links_the_manifest_and_the_worker_script(client, db):
    html = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<script src="/static/js/offline.js" defer></script>' in html


def test_service_worker_is_served_from_the_root_never_stale(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    source = response.content.decode()
    assert 'const OFFLINE_URL = "/offline/";' in source
    # The worker never touches a personal page, whatever it is asked.
    prefixes = json.loads(source.split("const PRIVATE = ", 1)[1].split(";", 1)[0])
    for prefix in ("/learning/my/", "/team/", "/stats/", "/accounts/", "/admin/"):
        assert prefix in prefixes
    assert "/quizzes/" in prefixes and "/certificates/" in prefixes
    assert "&quot;" not in source and "&#x27;" not in source  # not HTML-escaped


def test_offline_page_says_clearly_what_happened(client, db):
    response = client.get("/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>📶 " in html
    assert 'class="offline__warning"' in html  # a "done" press was not recorded


def test_lesson_and_course_pages_ask_to_be_kept_personal_pages_do_not(client, db):
    course, lessons = make_course(lessons=1)
    assert "data-offline-keep" in client.get(course.url).content.decode()
    assert "data-offline-keep" in client.get(lessons[0].url).content.decode()
    user = UserFactory()
    client.force_login(user)
    assert "data-offline-keep" not in client.get("/learning/my/").content.decode()


def test_signing_out_clears_what_the_browser_kept(client, db):
    user = UserFactory()
    client.force_login(user)
    page = client.get("/accounts/logout/")
    assert page.status_code == 200 and "Clear-Site-Data" not in page
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "_auth_user_id" not in client.session


@pytest.fixture
def no_store_installed(settings):
    """The middleware, as config/settings/base.py lists it once wired in."""
    if NO_STORE_MIDDLEWARE not in settings.MIDDLEWARE:
        middleware = list(settings.MIDDLEWARE)
        position = middleware.index(
            "django.contrib.auth.middleware.AuthenticationMiddleware"
        )
        middleware.insert(position + 1, NO_STORE_MIDDLEWARE)
        settings.MIDDLEWARE = middleware


def test_personal_pages_are_never_stored(client, db, no_store_installed):
    user = UserFactory()
    client.force_login(user)
    for path in ("/learning/my/", "/accounts/logout/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path
        assert "private" in response["Cache-Control"], path
    course, _lessons = make_course(lessons=1)
    assert "no-store" not in client.get(course.url).get("Cache-Control", "")


def test_sign_in_page_is_never_stored_either(client, db, no_store_installed):
    assert "no-store" in client.get("/accounts/login/")["Cache-Control"]


@pytest.mark.skipif(
    NO_STORE_MIDDLEWARE not in __import__("django.conf").conf.settings.MIDDLEWARE,
    reason=f"config/settings/base.py does not list {NO_STORE_MIDDLEWARE} yet",
)
def test_the_no_store_middleware_is_installed(settings):
    assert NO_STORE_MIDDLEWARE in settings.MIDDLEWARE


def test_private_prefixes_cover_the_printed_personal_paths():
    for path in ("/certificates/ABC.pdf", "/accounts/login/", "/team/", "/admin/"):
        assert path.startswith(PRIVATE_PREFIXES)


# --- Audio for loudspeakers ---------------------------------------------------------


def audio_document(title: str):
    document = get_document_model()(title=title)
    document.file.save(f"{title}.mp3", ContentFile(b"ID3" + b"\0" * 64), save=False)
    document.save()
    return document


def test_course_playlist_lists_its_lessons_audio_in_order(client, db, settings):
    settings.SITE_BASE_URL = BASE
    course, lessons = make_course(lessons=3, slug="vneid")
    first, second = audio_document("bai-1"), audio_document("bai-3")
    for lesson, title, document in (
        (lessons[0], "Bài 1: Tải ứng dụng", first),
        (lessons[2], "Bài 3: Đăng nhập", second),
    ):
        lesson.title = title
        lesson.body = [("audio", {"file": document, "transcript": ""})]
        lesson.save_revision().publish()

    html = client.get(course.url).content.decode()
    assert f'href="/learning/courses/{course.pk}/playlist.m3u"' in html
    response = client.get(f"/learning/courses/{course.pk}/playlist.m3u")
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/x-mpegurl; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "#EXTM3U",
        f"#PLAYLIST:{course.title}",
        "#EXTINF:-1,Bài 1: Tải ứng dụng",
        BASE + first.url,
        "#EXTINF:-1,Bài 3: Đăng nhập",
        BASE + second.url,
    ]
    # Each lesson offers its recording for download.
    lesson_html = client.get(lessons[0].url).content.decode()
    assert f'<a href="{first.url}">' in lesson_html
    assert client.get(first.url).status_code == 200


def test_a_course_without_audio_offers_no_playlist(client, db):
    course, _lessons = make_course(lessons=1)
    assert "playlist.m3u" not in client.get(course.url).content.decode()
    assert client.get(f"/learning/courses/{course.pk}/playlist.m3u").status_code == 404


def test_shared_icons_and_default_card_are_the_right_size():
    from django.contrib.staticfiles import finders

    with PILImage.open(finders.find("img/og-default.png")) as image:
        assert image.size == (1200, 630)
