"""Every staff action in the workspace on personal data leaves one access-log entry
(issue #9, item 5): the right actor, action and resident, nothing personal in it.

The care pages (corrections, move, phone, mark gone, erase, merge) are tested in
test_care.py; here: opening, enrolling, confirming VNeID, printing cards, and the
two lists with personal data (certificates to hand out, the roster export).
"""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from community.models import AccessLogEntry, ResidentProfile
from learning.services import lesson_complete
from tests.learning.factories import make_course

from .factories import login

Action = AccessLogEntry.Action


def _one_entry(actor, action, subject=None, neighbourhood=None):
    entry = AccessLogEntry.objects.get()
    assert entry.actor == actor
    assert entry.action == action
    assert entry.subject == subject
    if neighbourhood is not None:
        assert entry.neighbourhood == neighbourhood
    return entry


def test_enrolling_a_neighbour_is_logged(client, team):
    login(client, team["volunteer"])
    response = client.post(
        reverse("teams:enrol"),
        {
            "full_name": "Lê Thị Mai",
            "birth_year": "1958",
            "neighbourhood": team["n1"].pk,
            "phone": "",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    mai = ResidentProfile.objects.get(user__full_name="Lê Thị Mai")
    entry = _one_entry(team["volunteer"], Action.CHANGED, mai.user, team["n1"])
    assert "Mai" not in entry.detail


def test_confirming_vneid_is_logged(client, team):
    login(client, team["volunteer"])
    profile = team["r1"].resident_profile
    client.post(
        reverse("teams:vneid_confirm", args=[profile.pk]),
        {"activated_on": "2026-01-05", "seen": "on"},
    )
    _one_entry(team["volunteer"], Action.CHANGED, team["r1"], team["n1"])


def test_printing_a_card_is_logged_per_person(client, team):
    login(client, team["volunteer"])
    profile = team["r1"].resident_profile
    response = client.post(reverse("teams:card", args=[profile.pk]), {"layout": "a4"})
    assert response.status_code == 200
    _one_entry(team["volunteer"], Action.CARD_PRINTED, team["r1"], team["n1"])


def test_a_refused_view_or_print_leaves_nothing(client, team):
    login(client, team["volunteer"])
    r3 = team["r3"].resident_profile
    assert client.get(reverse("teams:resident", args=[r3.pk])).status_code == 404
    assert client.post(reverse("teams:card", args=[r3.pk])).status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_certificates_handout_is_logged_as_one_export(
    client, team, django_capture_on_commit_callbacks
):
    course, lessons = make_course(lessons=1, slug="handout")
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=team["r1"], lesson=lessons[0])
    login(client, team["officer"])
    response = client.get(reverse("teams:certificates_handout", args=[team["n1"].pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    _one_entry(team["officer"], Action.EXPORTED, None, team["n1"])


# --- The roster export ---------------------------------------------------------------


@pytest.fixture
def roster_people(team, make_resident, django_capture_on_commit_callbacks):
    course, lessons = make_course(lessons=2, slug="export")
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=team["r1"], lesson=lessons[0])
    evil = make_resident(team["n1"], full_name='=HYPERLINK("http://x","Bấm")')
    gone = make_resident(team["n1"], full_name="Phan Văn Đi")
    ResidentProfile.objects.filter(user=gone).update(
        status=ResidentProfile.Status.MOVED_AWAY
    )
    return {"course": course, "evil": evil, "gone": gone}


def test_roster_csv_has_the_active_residents_neutralised(client, team, roster_people):
    login(client, team["volunteer"])
    response = client.get(reverse("teams:roster_csv", args=[team["n1"].pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    assert "Course export" in header
    names = [row[0] for row in body]
    assert "Nguyễn Văn An" in names
    assert "Phan Văn Đi" not in names  # moved away: not on the list
    assert "Đỗ Thị Đào" not in names  # another neighbourhood
    assert '\'=HYPERLINK("http://x","Bấm")' in names
    assert not any(
        cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row
    )
    an = body[names.index("Nguyễn Văn An")]
    assert an[2] == team["r1"].phone_for_display
    _one_entry(team["volunteer"], Action.EXPORTED, None, team["n1"])


def test_roster_xlsx_writes_text_never_formulas(client, team, roster_people):
    login(client, team["officer"])
    response = client.get(reverse("teams:roster_xlsx", args=[team["n1"].pk]))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert all(
        cell.data_type == "s" for row in sheet.iter_rows() for cell in row if cell.value
    )
    names = [row[0] for row in values[1:]]
    assert "Nguyễn Văn An" in names and "Phan Văn Đi" not in names
    assert '\'=HYPERLINK("http://x","Bấm")' in names
    _one_entry(team["officer"], Action.EXPORTED, None, team["n1"])


def test_roster_export_permissions(client, team, roster_people):
    url = reverse("teams:roster_csv", args=[team["n1"].pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    for person, status in (
        (team["other_officer"], 404),
        (team["r1"], 403),
        (team["r3"], 403),
    ):
        login(client, person)
        assert client.get(url).status_code == status
    assert not AccessLogEntry.objects.exists()


def test_roster_export_takes_a_fixed_number_of_queries(
    client, team, make_resident, django_assert_max_num_queries
):
    make_course(lessons=2, slug="export")
    login(client, team["volunteer"])
    url = reverse("teams:roster_xlsx", args=[team["n1"].pk])
    for _ in range(5):
        make_resident(team["n1"])
    with django_assert_max_num_queries(20) as few:
        assert client.get(url).status_code == 200
    for _ in range(40):
        make_resident(team["n1"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
