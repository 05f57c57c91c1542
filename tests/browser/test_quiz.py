"""A resident takes a lesson's quiz on a phone: fails, reads why, retries, passes."""

import pytest

from learning.models import LessonProgress
from quizzes.models import QuizAttempt
from tests.community.factories import PASSWORD
from tests.learning.factories import make_course
from tests.quizzes.factories import make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resident_fails_reads_the_explanations_retries_and_passes(
    live_server, page, places, make_resident, phone_screenshot
):
    page.set_viewport_size({"width": 360, "height": 780})
    resident = make_resident(places["n1"], phone="+84912000111")
    course, (lesson, following) = make_course(lessons=2, slug="vneid")
    make_quiz(lesson)

    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("textbox", name="Số điện thoại").fill("0912 000 111")
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Đăng xuất").wait_for()

    page.goto(live_server.url + course.url)
    assert page.locator(".course-progress__bar").get_attribute("value") == "0"
    page.get_by_role("link", name=lesson.title).click()
    # The lesson is finished by its quiz, not by a "done" button.
    assert page.locator("form[action*='/complete/']").count() == 0
    page.locator(".lesson-quiz-link").scroll_into_view_if_needed()
    phone_screenshot("quiz-lesson")
    page.locator(".lesson-quiz-link").click()
    phone_screenshot("quiz-start")
    page.locator(".quiz-start button").click()

    # First try: every answer wrong.
    page.get_by_label("Link lạ").check()
    page.get_by_label("Màu sắc").check()
    page.get_by_label("Đúng", exact=True).check()
    phone_screenshot("quiz-take")
    page.locator(".quiz-submit").click()
    page.locator(".quiz-score--failed").wait_for()
    assert page.get_by_text("Giải thích: Tải VNeID ở đâu?").is_visible()
    phone_screenshot("quiz-result-failed")
    assert not LessonProgress.objects.filter(
        user=resident, completed_at__isnull=False
    ).exists()

    # Retry: the right answers this time.
    page.locator(".quiz-next__retry").click()
    page.get_by_label("CH Play").check()
    page.get_by_label("Tên ứng dụng").check()
    page.get_by_label("Nhà phát triển").check()
    page.get_by_label("Sai", exact=True).check()
    page.locator(".quiz-submit").click()
    page.locator(".quiz-score--passed").wait_for()
    phone_screenshot("quiz-result-passed")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert list(
        QuizAttempt.objects.filter(user=resident)
        .order_by("pk")
        .values_list("score", "passed")
    ) == [(0, False), (100, True)]

    page.get_by_role("link", name="Bài tiếp theo").click()
    page.wait_for_url(live_server.url + following.url)
    page.goto(live_server.url + course.url)
    done = page.locator(".lesson-list__item--done")
    assert done.count() == 1 and lesson.title in done.inner_text()
    assert page.locator(".course-progress__bar").get_attribute("value") == "1"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
