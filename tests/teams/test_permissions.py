"""Who may open and use every /team/ view (Kolibri's permission matrix).

Actors: the volunteer of n1, the officer of the ward (reads everything in the ward,
writes nothing), the officer of another ward, a resident of n1, a resident of n3
(another ward), anonymous. Refusals: 302 to login (anonymous), 403 (no role for the
page), 404 (a person, place or import the actor may not see, by URL guessing).
"""

import pytest
from django.urls import reverse

from accounts.models import SignInCard, User
from teams.models import GroupSession, ImportJob, Nudge, VneidLevel2
from teams.services import import_job_create

from .factories import login

ANON, VOLUNTEER, OFFICER, OTHER_OFFICER, RESIDENT, RESIDENT_ELSEWHERE = (
    "anonymous",
    "volunteer",
    "officer",
    "other_officer",
    "resident",
    "resident_elsewhere",
)
ACTORS = [ANON, VOLUNTEER, OFFICER, OTHER_OFFICER, RESIDENT, RESIDENT_ELSEWHERE]


def _actor(team, actor):
    return {
        ANON: None,
        VOLUNTEER: team["volunteer"],
        OFFICER: team["officer"],
        OTHER_OFFICER: team["other_officer"],
        RESIDENT: team["r1"],
        RESIDENT_ELSEWHERE: team["r3"],
    }[actor]


def _job(team):
    return import_job_create(
        uploaded_by=team["volunteer"],
        ward=team["ward"],
        neighbourhood=team["n1"],
        filename="list.csv",
        data="Họ và tên;Năm sinh\nLê Thị Mai;1960\n".encode(),
    )


# (name, method, url maker, data maker, expected per actor)
def _views(team):
    p1 = team["r1"].resident_profile.pk
    job = _job(team)
    return [
        ("home", "get", reverse("teams:home"), None),
        ("roster n1", "get", reverse("teams:roster", args=[team["n1"].pk]), None),
        ("resident r1", "get", reverse("teams:resident", args=[p1]), None),
        ("sessions", "get", reverse("teams:sessions"), None),
        ("enrol form", "get", reverse("teams:enrol"), None),
        (
            "enrol",
            "post",
            reverse("teams:enrol"),
            {
                "full_name": "Lê Thị Mai",
                "birth_year": "1958",
                "neighbourhood": team["n1"].pk,
                "phone": "",
                "consent": "on",
            },
        ),
        ("session form", "get", reverse("teams:session_new"), None),
        (
            "session",
            "post",
            reverse("teams:session_new"),
            {
                "neighbourhood": team["n1"].pk,
                "held_on": "2026-01-10",
                "place": "Nhà văn hóa",
                "attendees": [p1],
            },
        ),
        ("nudge form", "get", reverse("teams:nudges"), None),
        (
            "nudge",
            "post",
            reverse("teams:nudges"),
            {"neighbourhood": team["n1"].pk, "days": "1"},
        ),
        ("import form", "get", reverse("teams:import"), None),
        ("import job", "get", reverse("teams:import_job", args=[job.pk]), None),
        ("card", "post", reverse("teams:card", args=[p1]), {"layout": "a6"}),
        (
            "vneid confirm",
            "post",
            reverse("teams:vneid_confirm", args=[p1]),
            {"activated_on": "2026-01-05", "seen": "on"},
        ),
    ]


READS = {"home", "roster n1", "resident r1", "sessions"}
# What each actor gets; anything not listed for a view is 403.
EXPECTED = {
    VOLUNTEER: {
        "home": 200,
        "roster n1": 200,
        "resident r1": 200,
        "sessions": 200,
        "enrol form": 200,
        "enrol": 302,
        "session form": 200,
        "session": 302,
        "nudge form": 200,
        "nudge": 200,
        "import form": 200,
        "import job": 200,
        "vneid confirm": 302,
        "card": 200,
    },
    OFFICER: {"home": 200, "roster n1": 200, "resident r1": 200, "sessions": 200},
    # Follows another ward: the workspace opens, n1 and its people do not exist.
    OTHER_OFFICER: {"home": 200, "roster n1": 404, "resident r1": 404, "sessions": 200},
    RESIDENT: {},
    RESIDENT_ELSEWHERE: {},
}


def _counts():
    return (
        User.objects.count(),
        GroupSession.objects.count(),
        Nudge.objects.count(),
        VneidLevel2.objects.count(),
        ImportJob.objects.exclude(status=ImportJob.Status.UPLOADED).count(),
        SignInCard.objects.count(),
    )


@pytest.mark.parametrize("actor", ACTORS)
def test_every_team_view_for_every_actor(client, team, actor):
    views = _views(team)
    person = _actor(team, actor)
    if person is not None:
        login(client, person)
    for name, method, url, data in views:
        before = _counts()
        response = getattr(client, method)(url, data or {})
        if actor == ANON:
            assert response.status_code == 302, name
            assert response.url.startswith(reverse("account_login")), name
            assert _counts() == before, name
            continue
        expected = EXPECTED[actor].get(name, 403)
        assert response.status_code == expected, (actor, name, response.status_code)
        if method == "post" and expected >= 400:
            assert _counts() == before, (actor, name)


def test_volunteer_guessing_ids_of_people_elsewhere_gets_404(client, team):
    login(client, team["volunteer"])
    r2, r3 = team["r2"].resident_profile, team["r3"].resident_profile
    for profile in (r2, r3):
        assert (
            client.get(reverse("teams:resident", args=[profile.pk])).status_code == 404
        )
        response = client.post(
            reverse("teams:vneid_confirm", args=[profile.pk]),
            {"activated_on": "2026-01-05", "seen": "on"},
        )
        assert response.status_code == 404
    for neighbourhood in (team["n2"], team["n3"]):
        url = reverse("teams:roster", args=[neighbourhood.pk])
        assert client.get(url).status_code == 404
    assert client.get(reverse("teams:resident", args=[999999])).status_code == 404
    assert not VneidLevel2.objects.exists()


def test_officer_sees_the_whole_ward_but_not_the_other(client, team):
    login(client, team["officer"])
    for key, status in (("r1", 200), ("r2", 200), ("r3", 404)):
        url = reverse("teams:resident", args=[team[key].resident_profile.pk])
        assert client.get(url).status_code == status, key
    assert client.get(reverse("teams:roster", args=[team["n2"].pk])).status_code == 200
    assert client.get(reverse("teams:roster", args=[team["n3"].pk])).status_code == 404


def test_import_jobs_of_someone_else_are_404(client, team, make_staff, roles):
    job = _job(team)
    colleague = make_staff(roles.VOLUNTEER, neighbourhood=team["n1"])
    login(client, colleague)
    url = reverse("teams:import_job", args=[job.pk])
    assert client.get(url).status_code == 404
    response = client.post(url, {"mode": "good_rows", "consent": "on"})
    assert response.status_code == 404
    job.refresh_from_db()
    assert job.status == ImportJob.Status.UPLOADED


def test_nav_link_only_for_staff(client, team):
    login(client, team["r1"])
    assert reverse("teams:home") not in client.get(reverse("learning:my")).text
    login(client, team["volunteer"])
    assert reverse("teams:home") in client.get(reverse("learning:my")).text
    login(client, team["officer"])
    assert reverse("teams:home") in client.get(reverse("learning:my")).text


def test_vneid_declaration_page_is_for_any_signed_in_person(client, team):
    url = reverse("teams:vneid_declare")
    assert client.get(url).status_code == 302
    login(client, team["r3"])
    assert client.get(url).status_code == 200
