"""A resident signs up and signs in on a phone, as a person would."""

import re

import pytest

from accounts.models import SmsMessage, User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resident_signs_up_then_signs_in_with_an_sms_code(
    live_server, page, places, phone_screenshot
):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Bắt đầu học: đăng ký bằng số điện thoại").click()

    page.get_by_role("textbox", name="Số điện thoại").fill("0912 345 678")
    page.get_by_label("Họ và tên", exact=True).fill("Nguyễn Thị Nhung")
    page.get_by_label("Năm sinh", exact=True).fill("1961")
    page.get_by_label("Tổ dân phố nơi bạn ở", exact=True).select_option(
        label=f"{places['n2'].name} – {places['ward'].name}"
    )
    page.get_by_label("Mật khẩu", exact=True).fill("hoc-vu-so-2026")
    page.get_by_label("Nhập lại mật khẩu", exact=True).fill("hoc-vu-so-2026")
    page.get_by_label(re.compile("Tôi đồng ý")).check()
    phone_screenshot("signup-filled")
    page.get_by_role("button", name="Tạo tài khoản").click()

    page.get_by_text("Chào mừng Nguyễn Thị Nhung").wait_for()
    user = User.objects.get(phone="+84912345678")
    assert user.resident_profile.neighbourhood == places["n2"]

    # Sign out, then back in with a code sent by SMS (read from the outbox).
    page.get_by_role("link", name="Đăng xuất").click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.get_by_role("link", name="Đăng nhập", exact=True).first.click()
    page.get_by_role("link", name="Gửi mã đăng nhập cho tôi").click()
    page.get_by_role("textbox", name="Số điện thoại").fill("0912.345.678")
    page.get_by_role("button", name="Gửi mã").click()
    page.get_by_role("textbox", name="Mã").wait_for()
    code = re.search(r"\d{6}", SmsMessage.objects.latest("created_at").body).group()
    page.get_by_role("textbox", name="Mã").fill(code)
    phone_screenshot("login-code")
    page.get_by_role("button", name="Xác nhận").click()
    page.get_by_text("Chào mừng Nguyễn Thị Nhung").wait_for()

    # Nothing on the page is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 393
