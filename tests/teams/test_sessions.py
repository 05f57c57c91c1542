"""Group sessions: logged from the roster, announced once."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from teams.models import GroupSession
from teams.services import session_log
from teams.signals import session_logged
from tests.learning.factories import make_course

from .factories import login


@pytest.fixture
def heard():
    received = []

    def listener(sender, *, session, **kwargs):
        received.append(session)

    session_logged.connect(listener, dispatch_uid="tests.teams.heard")
    yield received
    session_logged.disconnect(dispatch_uid="tests.teams.heard")


def test_logged_through_the_form_and_announced_once(
    client, team, make_resident, heard, django_capture_on_commit_callbacks
):
    course, _lessons = make_course(lessons=1, slug="pay")
    neighbour = make_resident(team["n1"], full_name="Bùi Thị Lan")
    login(client, team["volunteer"])
    form = client.get(reverse("teams:session_new"))
    # One neighbourhood served: the form opens on it, with its residents to tick.
    choices = {str(c.choice_label) for c in form.context["form"]["attendees"]}
    assert choices == {"Nguyễn Văn An", "Bùi Thị Lan"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("teams:session_new"),
            {
                "neighbourhood": team["n1"].pk,
                "held_on": "2026-03-02",
                "place": "Nhà văn hóa tổ 1",
                "course": course.pk,
                "attendees": [
                    team["r1"].resident_profile.pk,
                    neighbour.resident_profile.pk,
                ],
            },
        )
    assert response.status_code == 302
    session = GroupSession.objects.get()
    assert session.volunteer == team["volunteer"]
    assert session.course.pk == course.pk
    assert set(session.attendees.all()) == {team["r1"], neighbour}
    assert heard == [session]
    listing = client.get(reverse("teams:sessions"))
    assert "Nhà văn hóa tổ 1" in listing.text


def test_attendees_from_elsewhere_are_refused(client, team):
    login(client, team["volunteer"])
    response = client.post(
        reverse("teams:session_new"),
        {
            "neighbourhood": team["n1"].pk,
            "held_on": "2026-03-02",
            "place": "Nhà văn hóa",
            "attendees": [team["r3"].resident_profile.pk],
        },
    )
    assert response.status_code == 200
    assert "attendees" in response.context["form"].errors
    assert not GroupSession.objects.exists()
    with pytest.raises(ValidationError):
        session_log(
            volunteer=team["volunteer"],
            date=date(2026, 3, 2),
            place="x",
            course=None,
            neighbourhood=team["n1"],
            attendees=[team["r2"]],
        )


def test_a_rolled_back_session_announces_nothing(team, heard):
    with pytest.raises(PermissionDenied):
        session_log(
            volunteer=team["volunteer"],
            date=date(2026, 3, 2),
            place="x",
            course=None,
            neighbourhood=team["n3"],
            attendees=[],
        )
    assert heard == []
    assert not GroupSession.objects.exists()


def test_officer_reads_sessions_of_the_ward_only(client, team, make_staff, roles):
    volunteer_elsewhere = make_staff(roles.VOLUNTEER, neighbourhood=team["n3"])
    for volunteer, neighbourhood, place in (
        (team["volunteer"], team["n1"], "Tổ 1 hall"),
        (volunteer_elsewhere, team["n3"], "Ngô Quyền hall"),
    ):
        session_log(
            volunteer=volunteer,
            date=date(2026, 3, 2),
            place=place,
            course=None,
            neighbourhood=neighbourhood,
            attendees=[],
        )
    login(client, team["officer"])
    text = client.get(reverse("teams:sessions")).text
    assert "Tổ 1 hall" in text
    assert "Ngô Quyền hall" not in text
    assert reverse("teams:session_new") not in text
