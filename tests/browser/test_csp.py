"""The Content-Security-Policy breaks nothing a person uses (issue #18).

Chromium enforces the policy the site sends; every violation it reports (the
`securitypolicyviolation` event, and its console message) fails the test, and the
page's scripts are seen working: the share buttons, the language switch, the
offline reading's service worker.
"""

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from community.roles import Role
from learning.demo import IMAGES
from tests.browser.conftest import wait_until
from tests.learning.factories import make_course, make_lesson

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    event.violatedDirective + " " + (event.blockedURI || "inline") + " " +
    (event.sourceFile || "") + ":" + event.lineNumber
  );
});
"""


@pytest.fixture
def watched(page):
    """The page, with every CSP violation and console error it reports."""
    problems = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            message.type == "error" and problems.append(f"console: {message.text}")
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))

    def violations() -> list[str]:
        return problems + [
            f"violation: {text}" for text in page.evaluate("window.__violations || []")
        ]

    page.violations = violations
    return page


@pytest.fixture
def lesson(db):
    course, _lessons = make_course(lessons=1, slug="vneid")
    with open(IMAGES / "vneid-wallet.svg", "rb") as handle:
        image = get_image_model()(
            title="ví giấy tờ", file=ImageFile(handle, name="vneid-wallet.svg")
        )
        image.save()
    return make_lesson(
        course,
        2,
        body=[
            ("text", "<p>Mở ứng dụng VNeID.</p>"),
            ("image", {"image": image, "alt": "Ví giấy tờ", "caption": "Ví"}),
            ("callout", {"kind": "tip", "text": "<p>Giữ kín mật khẩu.</p>"}),
        ],
    )


def test_home_lesson_and_sign_up_load_with_no_violation_and_scripts_work(
    live_server, watched, lesson
):
    page = watched
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    base = live_server.url

    page.goto(base + "/")
    page.wait_for_load_state("load")
    # offline.js ran and the worker (served at /sw.js under the policy) took over.
    wait_until(page, "navigator.serviceWorker.controller !== null")
    assert page.violations() == []

    page.goto(base + lesson.url)
    page.get_by_role("heading", name=lesson.title).wait_for()
    picture = page.get_by_role("img", name="Ví giấy tờ")
    picture.wait_for()
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
    # share.js ran: the copy button it shows, and what it says once pressed.
    copy = page.get_by_role("button", name="Sao chép đường link")
    copy.click()
    page.get_by_text("Đã sao chép đường link").wait_for()
    assert page.violations() == []

    page.get_by_role("button", name="English").click()
    page.get_by_role("button", name="Tiếng Việt").wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url == base + lesson.url

    page.goto(base + "/accounts/signup/")
    page.get_by_role("button", name="Create account").wait_for()
    page.get_by_role("button", name="Tiếng Việt").click()
    page.get_by_role("button", name="Tạo tài khoản").wait_for()
    assert page.violations() == []


def test_a_stats_page_with_its_own_style_sheet_has_no_violation(
    live_server, watched, places, make_staff
):
    from django.conf import settings
    from django.test import Client

    officer = make_staff(Role.OFFICER, ward=places["ward"])
    session = Client()
    session.force_login(officer)
    watched.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    watched.goto(live_server.url + "/stats/")
    watched.locator(".stats-intro").first.wait_for()
    # stats.css applied: its rule for the introduction.
    size = watched.locator(".stats-intro").first.evaluate(
        "el => getComputedStyle(el).fontSize"
    )
    assert size == "17.6px"  # 1.1rem, where the body has 20 px
    assert watched.violations() == []


def test_the_admin_works_under_its_own_policy(live_server, watched, lesson, make_staff):
    """Wagtail's admin writes inline scripts and styles: its looser policy lets
    them run (the page editor's fields appear), and nothing else is refused."""
    from django.conf import settings
    from django.test import Client

    # A superuser: live-server tests empty the tables migrations filled, Wagtail's
    # editors' group and its permissions included.
    admin = make_staff(Role.CITY_ADMIN, is_staff=True, is_superuser=True)
    session = Client()
    session.force_login(admin)
    watched.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    for path in (
        "/admin/",
        f"/admin/pages/{lesson.pk}/edit/",
        "/admin/images/",
        "/admin/images/multiple/add/",
    ):
        watched.goto(live_server.url + path)
        watched.wait_for_load_state("networkidle")
        violations = watched.evaluate("window.__violations")
        assert violations == [], (path, violations)
    # The editor's scripts ran: the rich text editor (Draftail) drew the lesson's text.
    watched.goto(live_server.url + f"/admin/pages/{lesson.pk}/edit/")
    watched.locator('[data-text="true"]', has_text="Mở ứng dụng VNeID.").wait_for()
