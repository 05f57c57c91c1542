"""A new resident learns on a phone and comes back exactly where they stopped."""

import re

import pytest

from tests.learning.factories import make_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_up(page, base_url, places):
    page.goto(base_url + "/accounts/signup/")
    page.get_by_role("textbox", name="Số điện thoại").fill("0987 654 321")
    page.get_by_label("Họ và tên", exact=True).fill("Trần Thị Mai")
    page.get_by_label("Năm sinh", exact=True).fill("1958")
    page.get_by_label("Tổ dân phố nơi bạn ở", exact=True).select_option(
        label=f"{places['n1'].name} – {places['ward'].name}"
    )
    page.get_by_label("Mật khẩu", exact=True).fill("hoc-vu-so-2026")
    page.get_by_label("Nhập lại mật khẩu", exact=True).fill("hoc-vu-so-2026")
    page.get_by_label(re.compile("Tôi đồng ý")).check()
    page.get_by_role("button", name="Tạo tài khoản").click()
    page.get_by_text("Chào mừng Trần Thị Mai").wait_for()


def test_resident_completes_two_lessons_and_continues_at_the_third(
    live_server, page, places, phone_screenshot
):
    course, lessons = make_course(lessons=4, slug="vneid", unlock_in_order=True)
    sign_up(page, live_server.url, places)

    page.get_by_role("link", name="Khóa học").first.click()
    page.get_by_role("link", name=course.title).first.click()
    page.get_by_role("link", name=lessons[0].title).click()
    page.get_by_text("Bài 1/4").wait_for()
    phone_screenshot("lesson-1")
    page.get_by_role("button", name="Tôi đã học xong bài này").click()
    page.get_by_text("Bài 2/4").wait_for()
    page.get_by_role("button", name="Tôi đã học xong bài này").click()
    page.get_by_text("Bài 3/4").wait_for()

    # Leave: sign out, come back another day and sign in again.
    page.get_by_role("link", name="Đăng xuất").click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("textbox", name="Số điện thoại").fill("0987654321")
    page.get_by_label("Mật khẩu", exact=True).fill("hoc-vu-so-2026")
    page.get_by_role("button", name="Đăng nhập").click()

    page.get_by_role("link", name="Việc học của tôi").click()
    assert page.get_by_text("Đã học 2/4 bài").is_visible()
    assert page.locator("progress").first.get_attribute("value") == "2"
    phone_screenshot("my-learning")
    page.get_by_role("link", name="Tiếp tục học").click()

    page.get_by_text("Bài 3/4").wait_for()
    assert page.url.rstrip("/").endswith(lessons[2].slug)
    assert page.evaluate("document.documentElement.scrollWidth") <= 393
