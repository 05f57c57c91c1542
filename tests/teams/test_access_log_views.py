"""Staff looks at personal data that were not logged (issue #16, item 5).

A certificate PDF opened by a volunteer, the merge comparison, a roster page and its
search, the care pages, the admin's user list and user edit, and imports (one entry
per person created). Each must be in the person's own data download, which is how a
resident learns who looked at them.
"""

import json

import pytest
from django.urls import reverse

from certificates.services import certificate_issue
from community.roles import Role
from teams.importing import job_run
from teams.models import ImportJob
from teams.services import import_job_confirm, import_job_create
from tests.learning.factories import make_course

from .factories import login

DATA_JSON = "/accounts/me/data.json"


def _my_log(client, user) -> list[tuple[str, str]]:
    """What the person reads in their own data download: (who, what) pairs."""
    login(client, user)
    sections = json.loads(client.get(DATA_JSON).content)["sections"]
    return [(item["who"], item["detail"]) for item in sections["access_log"]["items"]]


def test_a_roster_page_is_one_entry_naming_everyone_it_showed(client, team):
    volunteer, r1 = team["volunteer"], team["r1"]
    login(client, volunteer)
    client.get(reverse("teams:roster", args=[team["n1"].pk]))
    client.get(reverse("teams:roster", args=[team["n1"].pk]), {"q": "an"})
    log = _my_log(client, r1)
    assert (volunteer.full_name, "roster") in log
    assert (volunteer.full_name, "roster, searched or filtered") in log
    # Not the query itself: a search may be a name.
    assert not any("an" == detail.split()[-1] for _who, detail in log)


def test_a_resident_not_shown_by_the_roster_is_not_named(client, team):
    login(client, team["volunteer"])
    client.get(reverse("teams:roster", args=[team["n1"].pk]), {"q": "zzz"})
    assert _my_log(client, team["r1"]) == []


def test_the_care_pages_and_the_merge_comparison_are_logged(
    client, team, make_resident
):
    volunteer, r1 = team["volunteer"], team["r1"]
    twin = make_resident(team["n1"], full_name=r1.full_name, phone=None)
    login(client, volunteer)
    p1, p2 = r1.resident_profile.pk, twin.resident_profile.pk
    assert client.get(reverse("teams:resident_details", args=[p1])).status_code == 200
    assert client.get(reverse("teams:resident_merge", args=[p2, p1])).status_code == 200
    log = _my_log(client, r1)
    assert (volunteer.full_name, "care page: resident_details") in log
    assert (volunteer.full_name, "merge comparison") in log


def test_a_certificate_pdf_opened_by_staff_is_logged_not_by_its_holder(
    client, team, make_staff
):
    course, _lessons = make_course(lessons=1)
    certificate = certificate_issue(user=team["r1"], course=course)
    url = reverse("certificates:pdf", args=[certificate.code])
    login(client, team["r1"])
    assert client.get(url).status_code == 200
    login(client, team["officer"])
    assert client.get(url).status_code == 200
    log = _my_log(client, team["r1"])
    assert log == [(team["officer"].full_name, "certificate PDF")]


def test_the_admins_user_list_and_user_edit_are_logged(client, team, make_staff):
    admin = make_staff(Role.CITY_ADMIN, full_name="Lê Thu Hà")
    login(client, admin)
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
    edit = reverse("wagtailusers_users:edit", args=[team["r2"].pk])
    assert client.get(edit).status_code == 200
    log = _my_log(client, team["r2"])
    assert ("Lê Thu Hà", "admin: user list") in log
    assert ("Lê Thu Hà", "admin: user edit page") in log


@pytest.mark.django_db(transaction=True)
def test_an_import_logs_one_entry_per_person_it_created(client, team):
    job = import_job_create(
        uploaded_by=team["volunteer"],
        ward=team["ward"],
        neighbourhood=team["n1"],
        filename="list.csv",
        data="Họ và tên;Năm sinh;Điện thoại\nLê Thị Mai;1960;0912 000 111\n"
        "Phan Văn Tư;1955;0912 000 222\n".encode(),
    )
    import_job_confirm(job=job, mode=ImportJob.Mode.GOOD_ROWS, confirmed_by=None)
    job_run(job_id=job.pk)
    from accounts.models import User
    from community.models import AccessLogEntry

    created = User.objects.filter(phone__in=["+84912000111", "+84912000222"])
    assert created.count() == 2
    for person in created:
        entries = AccessLogEntry.objects.filter(subject=person)
        assert [(e.actor, e.action, e.detail) for e in entries] == [
            (team["volunteer"], "changed", "imported from a list")
        ]
