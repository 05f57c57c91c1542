"""Volunteers' care of a resident's record (issue #9, item 4), through HTTP.

Every care page for every actor: the volunteer of the resident's neighbourhood (n1)
and city admins may; the volunteer of the neighbourhood they may be moved to (n2)
does not see them (404); officers only read (403 on pages that write); the other
ward's officer, a resident and anonymous are refused. Each action a volunteer
completes leaves exactly one access-log entry naming them, the action and the
resident.
"""

import pytest
from django.urls import reverse

from accounts.models import User
from community.models import AccessLogEntry, ResidentProfile
from community.roles import Role

from .factories import login

Action = AccessLogEntry.Action

ANON, VOLUNTEER, NEW_VOLUNTEER, CITY_ADMIN = (
    "anonymous",
    "volunteer of n1",
    "volunteer of n2",
    "city admin",
)
OFFICER, OTHER_OFFICER, RESIDENT, ELSEWHERE = (
    "officer",
    "other ward's officer",
    "the resident",
    "resident elsewhere",
)
ACTORS = [
    ANON,
    VOLUNTEER,
    NEW_VOLUNTEER,
    CITY_ADMIN,
    OFFICER,
    OTHER_OFFICER,
    RESIDENT,
    ELSEWHERE,
]
MAY_CHANGE = {VOLUNTEER, CITY_ADMIN}


@pytest.fixture
def care(team, make_staff, make_resident):
    return {
        **team,
        "new_volunteer": make_staff(
            Role.VOLUNTEER, neighbourhood=team["n2"], full_name="Vũ Thị Mới"
        ),
        "city_admin": make_staff(Role.CITY_ADMIN, full_name="Trần Thị Quản Trị"),
        "twin": make_resident(
            team["n1"], full_name="Nguyễn Văn An", phone=None, birth_year=None
        ),
    }


def _actor(care, actor):
    return {
        ANON: None,
        VOLUNTEER: care["volunteer"],
        NEW_VOLUNTEER: care["new_volunteer"],
        CITY_ADMIN: care["city_admin"],
        OFFICER: care["officer"],
        OTHER_OFFICER: care["other_officer"],
        RESIDENT: care["r1"],
        ELSEWHERE: care["r3"],
    }[actor]


def _care_views(care):
    """name: (url, POST data); the merge search only reads (no POST)."""
    p1 = care["r1"].resident_profile.pk
    twin = care["twin"].resident_profile.pk
    return {
        "details": (
            reverse("teams:resident_details", args=[p1]),
            {"full_name": "Nguyễn Văn Ân", "birth_year": "1960"},
        ),
        "move": (
            reverse("teams:resident_move", args=[p1]),
            {"neighbourhood": care["n2"].pk},
        ),
        "phone": (
            reverse("teams:resident_phone", args=[p1]),
            {"phone": "0987 654 321", "seen": "on"},
        ),
        "gone": (
            reverse("teams:resident_gone", args=[p1]),
            {"status": "moved_away", "reason": "Gia đình báo tin"},
        ),
        "erase": (
            reverse("teams:resident_erase", args=[p1]),
            {"reason": "Bà nói trực tiếp ở nhà văn hóa", "confirm": "on"},
        ),
        "merge": (
            reverse("teams:resident_merge", args=[p1, twin]),
            {"keep": str(p1), "confirm": "on"},
        ),
        "merge search": (
            reverse("teams:resident_merge_search", args=[p1]) + "?q=nguyen",
            None,
        ),
    }


def _state(care):
    r1 = User.objects.filter(pk=care["r1"].pk).values_list(
        "full_name", "phone", "birth_year"
    )
    profile = ResidentProfile.objects.filter(user=care["r1"]).values_list(
        "neighbourhood_id", "status"
    )
    return (
        list(r1),
        list(profile),
        User.objects.count(),
        AccessLogEntry.objects.filter(action=Action.CHANGED).count(),
    )


WRITES = ["details", "move", "phone", "gone", "erase", "merge"]
VIEWS = [*WRITES, "merge search"]


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("view", VIEWS)
def test_care_page_for_every_actor(
    client, care, actor, view, django_capture_on_commit_callbacks
):
    url, data = _care_views(care)[view]
    person = _actor(care, actor)
    if person is not None:
        login(client, person)
    before = _state(care)
    get = client.get(url)
    post = get
    if data is not None:
        with django_capture_on_commit_callbacks(execute=True):
            post = client.post(url, data)
    if actor == ANON:
        assert get.status_code == post.status_code == 302
        assert post.url.startswith(reverse("account_login"))
    elif actor in MAY_CHANGE:
        assert get.status_code == 200
        if data is not None:
            assert post.status_code == 302, post.content.decode()[:2000]
    elif actor == NEW_VOLUNTEER:
        # Not theirs (yet): the person does not exist for them.
        assert get.status_code == post.status_code == 404
    else:
        assert get.status_code == post.status_code == 403
    if actor not in MAY_CHANGE:
        assert _state(care) == before


@pytest.mark.parametrize("view", WRITES)
def test_each_care_action_leaves_one_access_log_entry(
    client, care, view, django_capture_on_commit_callbacks
):
    url, data = _care_views(care)[view]
    login(client, care["volunteer"])
    client.get(url)  # the form shows the person's data: a view (issue #16)
    viewed = list(AccessLogEntry.objects.all())
    # One view of the record; the merge comparison shows (and logs) both records.
    assert len(viewed) == (2 if view == "merge" else 1)
    assert {(e.actor, e.action) for e in viewed} == {(care["volunteer"], Action.VIEWED)}
    assert care["r1"].pk in {e.subject_id for e in viewed}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    entry = AccessLogEntry.objects.exclude(pk__in=[e.pk for e in viewed]).get()
    assert entry.actor == care["volunteer"]
    assert entry.action == Action.CHANGED
    assert entry.subject_id == care["r1"].pk
    assert care["r1"].full_name not in entry.detail


def test_opening_a_resident_is_logged_once_but_not_ones_own_record(
    client, care, make_resident
):
    profile = care["r1"].resident_profile
    login(client, care["officer"])
    assert client.get(reverse("teams:resident", args=[profile.pk])).status_code == 200
    entry = AccessLogEntry.objects.get()
    assert (entry.actor, entry.action, entry.subject) == (
        care["officer"],
        Action.VIEWED,
        care["r1"],
    )
    assert entry.neighbourhood == care["n1"]
    # A volunteer who also learns, opening their own record: not logged.
    volunteer = care["volunteer"]
    own = make_resident(care["n1"]).resident_profile
    own.user = volunteer
    ResidentProfile.objects.filter(pk=own.pk).update(user=volunteer)
    login(client, volunteer)
    assert client.get(reverse("teams:resident", args=[own.pk])).status_code == 200
    assert AccessLogEntry.objects.count() == 1


def test_move_hands_the_resident_to_the_new_neighbourhoods_volunteer(
    client, care, django_capture_on_commit_callbacks
):
    profile = care["r1"].resident_profile
    resident_url = reverse("teams:resident", args=[profile.pk])
    login(client, care["new_volunteer"])
    assert client.get(resident_url).status_code == 404
    login(client, care["volunteer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("teams:resident_move", args=[profile.pk]),
            {"neighbourhood": care["n2"].pk},
        )
    # The old volunteer no longer sees them: back to their roster.
    assert response.url == reverse("teams:roster", args=[care["n1"].pk])
    assert client.get(resident_url).status_code == 404
    roster = client.get(reverse("teams:roster", args=[care["n1"].pk]))
    assert care["r1"].pk not in [r.user.pk for r in roster.context["rows"]]
    login(client, care["new_volunteer"])
    assert client.get(resident_url).status_code == 200
    roster = client.get(reverse("teams:roster", args=[care["n2"].pk]), {"q": "van an"})
    assert [r.user.pk for r in roster.context["rows"]] == [care["r1"].pk]


def test_move_offers_only_the_neighbourhoods_of_the_ward(client, care):
    login(client, care["volunteer"])
    url = reverse("teams:resident_move", args=[care["r1"].resident_profile.pk])
    choices = list(client.get(url).context["form"].fields["neighbourhood"].queryset)
    assert choices == [care["n2"]]
    response = client.post(url, {"neighbourhood": care["n3"].pk})
    assert response.status_code == 200
    assert care["r1"].resident_profile.neighbourhood == care["n1"]


def test_phone_change_after_a_lost_sim(client, care):
    profile = care["r1"].resident_profile
    url = reverse("teams:resident_phone", args=[profile.pk])
    login(client, care["volunteer"])
    # Without the in-person check: refused.
    response = client.post(url, {"phone": "0987 654 321"})
    assert response.status_code == 200
    assert "field__error" in response.text
    # A number someone else holds: refused, with a clear message.
    client.cookies["django_language"] = "en"
    response = client.post(url, {"phone": care["r2"].phone, "seen": "on"})
    assert response.status_code == 200
    assert "already registered to another person" in response.text
    assert not AccessLogEntry.objects.exists()
    # Written as people write it, stored as E.164.
    response = client.post(url, {"phone": "0987.654.321", "seen": "on"})
    assert response.status_code == 302
    person = User.objects.get(pk=care["r1"].pk)
    assert person.phone == "+84987654321"
    assert not person.phone_verified
    entry = AccessLogEntry.objects.get()
    assert (entry.action, entry.subject, entry.actor) == (
        Action.CHANGED,
        person,
        care["volunteer"],
    )
    assert "987" not in entry.detail


def test_mark_gone_needs_a_reason_and_leaves_the_roster(client, care):
    profile = care["r1"].resident_profile
    url = reverse("teams:resident_gone", args=[profile.pk])
    login(client, care["volunteer"])
    assert client.post(url, {"status": "deceased", "reason": ""}).status_code == 200
    assert client.post(url, {"status": "withdrawn", "reason": "x"}).status_code == 200
    response = client.post(url, {"status": "deceased", "reason": "Con gái báo tin"})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == ResidentProfile.Status.DECEASED
    assert profile.status_reason == "Con gái báo tin"
    roster = client.get(reverse("teams:roster", args=[care["n1"].pk]))
    assert care["r1"].pk not in [r.user.pk for r in roster.context["rows"]]
    assert [p.pk for p in roster.context["gone"]] == [profile.pk]
    # Marking twice is refused (no longer active).
    response = client.post(url, {"status": "moved_away", "reason": "again"})
    assert response.status_code == 200
    assert AccessLogEntry.objects.filter(action=Action.CHANGED).count() == 1


def test_erase_needs_the_reason_and_removes_the_search_key(
    client, care, django_capture_on_commit_callbacks
):
    profile = care["r1"].resident_profile
    url = reverse("teams:resident_erase", args=[profile.pk])
    login(client, care["volunteer"])
    response = client.post(url, {"reason": "", "confirm": "on"})
    assert response.status_code == 200
    assert ResidentProfile.objects.get(pk=profile.pk).search_name == " nguyen van an"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"reason": "Giấy đề nghị có chữ ký", "confirm": "on"}
        )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == ResidentProfile.Status.WITHDRAWN
    assert profile.status_reason == "Giấy đề nghị có chữ ký"
    assert profile.user.full_name == "" and profile.user.phone is None
    assert ResidentProfile.objects.get(pk=profile.pk).search_name == ""
    roster = client.get(reverse("teams:roster", args=[care["n1"].pk]))
    assert profile.pk not in [r.profile.pk for r in roster.context["rows"]]
    assert profile.pk not in [p.pk for p in roster.context["gone"]]


def test_merge_search_finds_only_people_the_volunteer_may_change(client, care):
    url = reverse("teams:resident_merge_search", args=[care["r1"].resident_profile.pk])
    login(client, care["volunteer"])
    found = client.get(url, {"q": "nguyen van an"}).context["candidates"]
    assert [p.user for p in found] == [care["twin"]]
    assert client.get(url, {"q": "do thi dao"}).context["candidates"] == []
    assert client.get(url, {"q": "hoang van cuong"}).context["candidates"] == []


def test_merge_confirmation_shows_both_and_refuses_people_out_of_reach(client, care):
    p1 = care["r1"].resident_profile.pk
    login(client, care["volunteer"])
    response = client.get(
        reverse("teams:resident_merge", args=[p1, care["twin"].resident_profile.pk])
    )
    assert response.status_code == 200
    assert [f.profile.user for f in response.context["files"]] == [
        care["r1"],
        care["twin"],
    ]
    for other in (care["r2"], care["r3"]):
        url = reverse("teams:resident_merge", args=[p1, other.resident_profile.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"keep": str(p1), "confirm": "on"}).status_code == 404
    assert client.get(reverse("teams:resident_merge", args=[p1, p1])).status_code == 404
    assert User.objects.filter(pk=care["r2"].pk).exists()


def test_an_erased_record_has_nothing_left_to_change(
    client, care, django_capture_on_commit_callbacks
):
    profile = care["r1"].resident_profile
    login(client, care["volunteer"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("teams:resident_erase", args=[profile.pk]),
            {"reason": "Giấy đề nghị", "confirm": "on"},
        )
    for view, (url, data) in _care_views(care).items():
        assert client.get(url).status_code == 404, view
        if data is not None:
            assert client.post(url, data).status_code == 404, view
    assert client.post(reverse("teams:card", args=[profile.pk])).status_code == 404
    person = User.objects.get(pk=care["r1"].pk)
    assert (person.full_name, person.phone, person.birth_year) == ("", None, None)


def test_someone_who_moved_away_can_still_be_erased_on_request(
    client, care, django_capture_on_commit_callbacks
):
    profile = care["r1"].resident_profile
    ResidentProfile.objects.filter(pk=profile.pk).update(
        status=ResidentProfile.Status.MOVED_AWAY
    )
    login(client, care["volunteer"])
    page = client.get(reverse("teams:resident", args=[profile.pk]))
    assert reverse("teams:resident_erase", args=[profile.pk]) in page.text
    assert reverse("teams:resident_gone", args=[profile.pk]) not in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("teams:resident_erase", args=[profile.pk]),
            {"reason": "Con trai gửi giấy đề nghị", "confirm": "on"},
        )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == ResidentProfile.Status.WITHDRAWN
    assert profile.user.full_name == ""
