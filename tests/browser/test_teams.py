"""A volunteer on a phone: finds a neighbour without typing diacritics, enrols
another who has no phone.

The workspace's own strings are English msgids not yet translated, so this test
finds fields by their ids and links by their addresses; data (names) by text.
"""

import pytest

from accounts.models import User
from community.models import ResidentProfile
from community.roles import Role
from learning.services import lesson_complete, lesson_start
from tests.community.factories import PASSWORD
from tests.learning.factories import make_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_volunteer_finds_a_neighbour_and_enrols_one_without_a_phone(
    live_server, page, places, make_resident, make_staff, phone_screenshot
):
    volunteer = make_staff(
        Role.VOLUNTEER, neighbourhood=places["n1"], full_name="Trần Văn Bình"
    )
    course, lessons = make_course(lessons=2, slug="vneid")
    other_course, _lessons = make_course(lessons=1, slug="dich-vu-cong")
    an = make_resident(places["n1"], full_name="Nguyễn Văn An", phone="+84912345678")
    hoa = make_resident(places["n1"], full_name="Đặng Thị Hoa")
    lesson_start(user=an, lesson=lessons[0])
    for lesson in lessons:
        lesson_complete(user=hoa, lesson=lesson)
    make_resident(places["n3"], full_name="Nguyễn Văn Antoàn")

    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("textbox", name="Số điện thoại").fill(volunteer.phone_for_display)
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    page.locator(".site-nav a[href='/team/']").click()
    phone_screenshot("team-home")
    page.locator(f"a[href='/team/n/{places['n1'].pk}/']").click()
    phone_screenshot("team-roster")
    page.locator("#id_q").fill("nguyen van an")
    page.locator("button[name=search]").click()
    page.locator(".roster__name", has_text="Nguyễn Văn An").wait_for()
    assert page.locator(".roster__item").count() == 1
    phone_screenshot("team-roster-search")
    assert page.evaluate("document.documentElement.scrollWidth") <= 393

    page.locator(".roster__name", has_text="Nguyễn Văn An").click()
    page.locator("h1", has_text="Nguyễn Văn An").wait_for()
    phone_screenshot("team-resident")
    assert page.evaluate("document.documentElement.scrollWidth") <= 393

    page.goto(live_server.url + "/team/enrol/")
    page.locator("#id_full_name").fill("Trần Thị Lài")
    page.locator("#id_birth_year").fill("1963")
    page.locator("#id_consent").check()
    phone_screenshot("team-enrol")
    assert page.evaluate("document.documentElement.scrollWidth") <= 393
    page.locator("main form button[type=submit]").click()
    page.locator("h1", has_text="Trần Thị Lài").wait_for()
    phone_screenshot("team-enrolled")

    person = User.objects.get(full_name="Trần Thị Lài")
    assert person.phone is None
    assert not person.has_usable_password()
    profile = person.resident_profile
    assert profile.neighbourhood == places["n1"]
    assert profile.enrolled_how == ResidentProfile.EnrolledHow.ASSISTED
    assert profile.consent_confirmed_by == volunteer
    assert page.url.endswith(f"/team/people/{profile.pk}/")
