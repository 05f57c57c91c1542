"""A volunteer enrols a neighbour, prints their card, and the card signs them in once
on another phone."""

import pypdfium2
import pytest
import zxingcpp
from django.urls import reverse

from accounts.models import User
from community.roles import Role
from tests.community.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url, user):
    page.goto(base_url + "/accounts/login/")
    page.get_by_role("textbox", name="Số điện thoại").fill(user.phone_for_display)
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def enrol(page, base_url, name, phone=""):
    page.goto(base_url + "/team/enrol/")
    page.locator("#id_full_name").fill(name)
    page.locator("#id_birth_year").fill("1955")
    if phone:
        page.locator("#id_phone").fill(phone)
    page.locator("#id_consent").check()
    page.locator("main form button[type=submit]").click()
    page.locator("h1", has_text=name).wait_for()


def print_card_link(page) -> str:
    """Send the "print the card" form and read the QR code of the PDF it returns.

    Chromium shows PDFs in its viewer; the page's own request context (same cookies)
    posts the same form to get the bytes.
    """
    form = page.locator(".team-card-form")
    action = form.get_attribute("action")
    token = form.locator("input[name=csrfmiddlewaretoken]").get_attribute("value")
    response = page.request.post(
        page.url.split("/team/")[0] + action,
        form={"csrfmiddlewaretoken": token, "layout": "a6"},
        headers={"Referer": page.url},
    )
    pdf = response.body()
    assert pdf[:5] == b"%PDF-", (response.status, pdf[:200])
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=2).to_pil()
    [link] = [result.text for result in zxingcpp.read_barcodes(image)]
    return link


def open_card(browser, playwright, link):
    """A fresh phone: no cookies, nothing shared with the volunteer's browser."""
    context = browser.new_context(**playwright.devices["Pixel 5"], locale="vi-VN")
    phone = context.new_page()
    phone.goto(link)
    phone.get_by_role("button", name="Vào học").click()
    return context, phone


def test_card_for_a_neighbour_without_a_phone(
    live_server, page, browser, playwright, places, make_staff, settings
):
    settings.SITE_BASE_URL = live_server.url
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    sign_in(page, live_server.url, volunteer)
    enrol(page, live_server.url, "Trần Thị Lài")
    link = print_card_link(page)
    assert link.startswith(live_server.url + "/accounts/card/")

    context, phone = open_card(browser, playwright, link)
    phone.wait_for_url("**" + reverse("learning:my"))
    assert phone.get_by_role("heading", name="Việc học của tôi").is_visible()
    context.close()

    # The same card a second time, on yet another phone: refused.
    context, phone = open_card(browser, playwright, link)
    assert phone.get_by_text("Thẻ này đã được dùng rồi").is_visible()
    context.close()


def test_card_for_a_neighbour_with_a_phone_asks_for_a_password(
    live_server, page, browser, playwright, places, make_staff, settings
):
    settings.SITE_BASE_URL = live_server.url
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    sign_in(page, live_server.url, volunteer)
    enrol(page, live_server.url, "Phạm Văn Hùng", phone="0977 123 456")
    link = print_card_link(page)

    context, phone = open_card(browser, playwright, link)
    phone.get_by_role("heading", name="Chọn mật khẩu").wait_for()
    phone.get_by_label("Mật khẩu", exact=True).fill("hoc-vu-so-2026")
    phone.get_by_label("Nhập lại mật khẩu", exact=True).fill("hoc-vu-so-2026")
    phone.get_by_role("button", name="Lưu mật khẩu").click()
    phone.wait_for_url("**" + reverse("learning:my"))
    context.close()
    assert User.objects.get(phone="+84977123456").check_password("hoc-vu-so-2026")
