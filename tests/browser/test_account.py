"""A resident looks after their own account on a phone: moves, downloads their data,
then deletes their account (issue #9)."""

import json

import pytest

from accounts.models import User
from community.models import ResidentProfile
from tests.community.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url, phone="0912 345 678"):
    page.goto(base_url + "/accounts/login/")
    page.locator("input[name=login]").fill(phone)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()


def no_wider_than_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 393


def test_a_resident_moves_downloads_their_data_and_deletes_their_account(
    live_server, page, places, make_resident, phone_screenshot
):
    user = make_resident(
        places["n1"], phone="+84912345678", full_name="Ngô Thị Sen", birth_year=1956
    )
    sign_in(page, live_server.url)
    page.wait_for_url("**/learning/my/")

    # The menu leads to the account page.
    page.locator(".site-nav a[href='/accounts/me/']").click()
    page.wait_for_url("**/accounts/me/")
    page.get_by_text("Ngô Thị Sen").first.wait_for()
    phone_screenshot("account-home")
    no_wider_than_the_phone(page)

    # Move to the second neighbourhood.
    page.locator("a[href='/accounts/me/edit/']").click()
    page.locator("#id_neighbourhood").select_option(str(places["n2"].pk))
    phone_screenshot("account-edit")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/accounts/me/")
    page.get_by_text(places["n2"].name).first.wait_for()
    assert ResidentProfile.objects.get(user=user).neighbourhood == places["n2"]

    # Download the data file, then read the page.
    with page.expect_download() as download_info:
        page.locator("main a[href='/accounts/me/data.json']").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".json")
    data = json.loads(open(download.path(), encoding="utf-8").read())
    assert data["sections"]["account"]["items"][0]["full_name"] == "Ngô Thị Sen"
    assert data["sections"]["profile"]["items"][0]["neighbourhood"] == places["n2"].name

    page.locator("a[href='/accounts/me/data/']").click()
    page.wait_for_url("**/accounts/me/data/")
    page.locator("#data-account").get_by_text("Ngô Thị Sen").wait_for()
    phone_screenshot("account-data")
    no_wider_than_the_phone(page)

    # The phone, password and devices pages keep the site's frame and size.
    for path, name in (
        ("/accounts/phone/change/", "account-phone"),
        ("/accounts/password/change/", "account-password"),
        ("/accounts/sessions/", "account-devices"),
    ):
        page.goto(live_server.url + path)
        page.locator("main h1").wait_for()
        phone_screenshot(name)
        no_wider_than_the_phone(page)

    # Delete the account.
    page.goto(live_server.url + "/accounts/me/delete/")
    page.locator("#id_confirm").check()
    page.locator("#id_password").fill(PASSWORD)
    phone_screenshot("account-delete")
    no_wider_than_the_phone(page)
    page.locator("#delete-account").click()
    page.wait_for_url("**/accounts/me/deleted/")
    phone_screenshot("account-deleted")
    # Signed out: the menu offers to sign in again.
    assert page.locator(".site-nav a[href='/accounts/me/']").count() == 0

    user.refresh_from_db()
    assert user.full_name == "" and user.phone is None and not user.is_active

    # The old number and password no longer open anything.
    sign_in(page, live_server.url)
    page.wait_for_load_state()
    assert "/accounts/login/" in page.url
    page.goto(live_server.url + "/accounts/me/")
    assert "/accounts/login/" in page.url
    assert not User.objects.filter(phone="+84912345678").exists()
