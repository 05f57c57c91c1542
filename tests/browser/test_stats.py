"""An officer opens the ward's statistics on a phone and on a laptop: the weakest
neighbourhoods must be obvious at a glance (red bars, "weakest" in words, listed
first), the table scrolls inside its box, and nothing needs JavaScript."""

import pytest

from community.roles import Role
from learning.services import lesson_complete, lesson_start
from teams.services import vneid_confirm
from tests.community.factories import PASSWORD, NeighbourhoodFactory
from tests.learning.factories import make_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# (number, adult population, residents, of whom finished the course)
PLACES = [(1, 40, 14, 6), (2, 50, 3, 1), (3, 30, 12, 8), (4, 60, 4, 0), (5, 25, 10, 5)]


def _login(page, live_server, user):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("textbox", name="Số điện thoại").fill(user.phone_for_display)
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_officer_sees_the_weakest_neighbourhoods_at_a_glance(
    live_server, page, places, make_resident, make_staff, phone_screenshot
):
    ward = places["ward"]
    course, lessons = make_course(lessons=2, slug="vneid")
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    for number, population, people, finished in PLACES:
        neighbourhood = NeighbourhoodFactory(
            ward=ward,
            number=10 + number,
            name=f"Tổ dân phố số {10 + number}",
            adult_population=population,
        )
        for i in range(people):
            resident = make_resident(neighbourhood, birth_year=1950 + 5 * i)
            lesson_start(user=resident, lesson=lessons[0])
            if i < finished:
                for lesson in lessons:
                    lesson_complete(user=resident, lesson=lesson)
    places["n1"].adult_population = 20
    places["n1"].save()
    places["n2"].adult_population = 0  # not known: no share, never "weakest"
    places["n2"].save()
    for _i in range(3):
        resident = make_resident(places["n1"])
        vneid_confirm(
            volunteer=volunteer,
            profile=resident.resident_profile,
            activated_on=resident.resident_profile.created_at.date(),
        )
    officer = make_staff(Role.OFFICER, ward=ward, full_name="Lê Văn Công An")

    _login(page, live_server, officer)
    page.goto(live_server.url + "/stats/")
    page.locator("h1", has_text=ward.name).wait_for()
    weak = page.locator(".stats-weak li")
    assert weak.count() == 2
    assert "Tổ dân phố số 12" in weak.nth(0).inner_text()
    assert "Tổ dân phố số 14" in weak.nth(1).inner_text()
    # The chart lists the weakest first, marked in words, not only in red.
    first_label = page.locator(".stats-chart svg g text").first.text_content()
    assert "Tổ dân phố số 12" in first_label and "▼" in first_label
    assert page.locator("tr.stats-table__weak").count() == 2
    # The page is as wide as the phone; the table scrolls inside its own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= 393
    box = page.locator(".table-scroll").first
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")
    phone_screenshot("stats-dashboard-phone")

    page.set_viewport_size({"width": 1366, "height": 768})
    page.reload()
    page.locator("h1", has_text=ward.name).wait_for()
    phone_screenshot("stats-dashboard-laptop")
