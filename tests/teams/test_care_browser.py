"""A volunteer takes care of a neighbour's record on a phone (issue #9, item 4):
corrects the name, records a new phone after a lost SIM, then merges a second
record of the same person, all without leaving the 360-400 px screen.

A real browser (Playwright + Chromium, Pixel 5), like tests/browser/, whose phone
set-up tests/teams/conftest.py reuses. Fields are found by their ids, links by their
addresses.
"""

import pytest

from accounts.models import User
from community.models import AccessLogEntry, ResidentProfile
from community.roles import Role
from tests.community.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_the_phone(page) -> None:
    """No sideways scrolling; buttons and fields tall enough to tap (checkboxes and
    radios are tapped through their 48 px labels)."""
    assert page.evaluate("document.documentElement.scrollWidth") <= 393
    small = page.evaluate(
        """() => [...document.querySelectorAll(
            'main button, main a.button, main select, main input:not([type=hidden])'
            + ':not([type=radio]):not([type=checkbox])')]
            .filter(e => e.getBoundingClientRect().height < 44)
            .map(e => e.outerHTML.slice(0, 80))"""
    )
    assert small == []


def test_volunteer_corrects_changes_phone_and_merges_on_a_phone(
    live_server, page, places, make_resident, make_staff, phone_screenshot
):
    volunteer = make_staff(
        Role.VOLUNTEER, neighbourhood=places["n1"], full_name="Trần Văn Bình"
    )
    an = make_resident(places["n1"], full_name="Nguyen Van An", phone="+84912345678")
    twin = make_resident(
        places["n1"], full_name="Nguyễn Văn An", phone=None, birth_year=1950
    )
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.locator("input[name=login]").fill(volunteer.phone_for_display)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/learning/my/")

    profile = an.resident_profile
    page.goto(f"{base}/team/people/{profile.pk}/")
    phone_screenshot("care-resident")
    fits_the_phone(page)

    # Correct the name (typed without diacritics at enrolment).
    page.locator(f"main a[href='/team/people/{profile.pk}/details/']").click()
    page.locator("#id_full_name").fill("Nguyễn Văn An")
    phone_screenshot("care-details")
    fits_the_phone(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/team/people/{profile.pk}/")
    assert User.objects.get(pk=an.pk).full_name == "Nguyễn Văn An"

    # A new SIM: seen in person.
    page.locator(f"main a[href='/team/people/{profile.pk}/phone/']").click()
    page.locator("#id_phone").fill("0987 654 321")
    page.locator("#id_seen").check()
    phone_screenshot("care-phone")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/team/people/{profile.pk}/")
    assert User.objects.get(pk=an.pk).phone == "+84987654321"

    # Merge the second record into this one, after seeing both side by side.
    page.locator(f"main a[href='/team/people/{profile.pk}/merge/']").click()
    page.locator("#id_q").fill("nguyen van an")
    page.locator("main form button[type=submit]").click()
    other = twin.resident_profile.pk
    page.locator(f"a[href='/team/people/{profile.pk}/merge/{other}/']").click()
    phone_screenshot("care-merge-confirm")
    fits_the_phone(page)
    page.locator(f"input[name=keep][value='{profile.pk}']").check()
    page.locator("#id_confirm").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/team/people/{profile.pk}/")
    assert not ResidentProfile.objects.filter(pk=other).exists()
    assert User.objects.get(pk=an.pk).birth_year == 1965  # the keeper's own
    actions = list(
        AccessLogEntry.objects.filter(actor=volunteer).values_list("action", flat=True)
    )
    assert actions.count(AccessLogEntry.Action.CHANGED) == 3
