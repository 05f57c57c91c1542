"""A resident re-reads, with no connection, the lessons they opened before."""

import pytest
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import wait_until
from tests.learning.factories import make_course

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # Chromium keeps its connections to the stopped server open; their threads end
    # later and close the shared in-memory SQLite connection after stop() made it
    # unshared again. Noise about a server this test stopped on purpose.
    pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning"),
]

KEPT = """async (url) => {
  const cache = await caches.open("hocvuso-pages");
  return Boolean(await cache.match(url, { ignoreVary: true }));
}"""


def wait_until_kept(page, url: str) -> None:
    for _attempt in range(50):
        if page.evaluate(KEPT, url):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the service worker did not keep {url}")


def test_lessons_read_before_open_offline_others_say_so(page, phone_screenshot):
    course, lessons = make_course(lessons=3, slug="vneid")
    # A server of our own: stopping it for real harms no other test.
    server = LiveServer("localhost:0")
    try:
        base = server.url
        page.goto(base + course.url)
        wait_until(page, "navigator.serviceWorker.controller !== null")
        wait_until_kept(page, base + course.url)
        page.get_by_role("link", name=lessons[0].title).click()
        page.get_by_role("heading", name=lessons[0].title).wait_for()
        wait_until_kept(page, base + lessons[0].url)
    finally:
        server.stop()
    page.context.set_offline(True)

    page.goto(base + lessons[0].url)
    page.get_by_role("heading", name=lessons[0].title).wait_for()
    assert page.get_by_text("Bài 1/3").is_visible()
    phone_screenshot("offline-lesson-read-before")

    page.goto(base + course.url)
    assert page.get_by_role("heading", name=course.title).is_visible()

    page.goto(base + lessons[1].url)
    page.locator("h1", has_text="📶").wait_for()
    assert page.locator(".offline__warning").is_visible()
    assert not page.get_by_role("heading", name=lessons[1].title).is_visible()
    phone_screenshot("offline-page-never-read")
    assert page.evaluate("document.documentElement.scrollWidth") <= 393


def test_marking_done_offline_is_refused_clearly_never_lost_silently(
    page, places, make_resident
):
    from django.conf import settings
    from django.test import Client

    from learning.models import LessonProgress

    course, lessons = make_course(lessons=2, slug="vneid")
    resident = make_resident(places["n1"])
    session = Client()
    session.force_login(resident)
    server = LiveServer("localhost:0")
    try:
        base = server.url
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": base,
                }
            ]
        )
        page.goto(base + lessons[0].url)
        wait_until(page, "navigator.serviceWorker.controller !== null")
        page.reload()
        wait_until_kept(page, base + lessons[0].url)
    finally:
        server.stop()
    page.context.set_offline(True)

    page.goto(base + lessons[0].url)
    page.get_by_role("button", name="Tôi đã học xong bài này").click()
    page.locator(".offline__warning").wait_for()
    assert page.locator("h1", has_text="📶").is_visible()
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
