"""The write side of the access module, through every door (issue #16).

Actors x actions x targets, over HTTP: each allowed write must have happened, each
refused one must have changed nothing. Targets all have a resident record; five live
in n1 (a plain resident, a fellow volunteer, an officer, an editor, a city admin),
one in n2 (other neighbourhood of the ward), one in n3 (other ward).

The expected answer is written here as plain rules (the oracle), independently of
`community.access`:
- officers, editors and residents never write;
- the volunteer of n1 acts only on the plain resident of n1;
- a city admin acts on everyone, except that no sign-in card is ever printed for a
  staff account and a staff account is not erased while it holds a role.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import SignInCard, User
from community.models import ResidentProfile
from community.roles import Role
from community.services import (
    resident_details_update,
    resident_erase,
    resident_mark_gone,
    resident_move,
    resident_phone_change,
    role_grant,
    role_revoke,
)
from teams.cards import cards_issue
from teams.models import GroupSession, Nudge, VneidLevel2
from teams.services import (
    neighbour_enrol,
    nudge_send,
    residents_merge,
    session_log,
    vneid_confirm,
)
from tests.community.factories import NeighbourhoodFactory
from tests.teams.factories import login

TARGETS = [
    "resident",
    "fellow_volunteer",
    "officer_next_door",
    "editor_next_door",
    "admin_next_door",
    "resident_n2",
    "resident_other_ward",
]
STAFF_TARGETS = {
    "fellow_volunteer",
    "officer_next_door",
    "editor_next_door",
    "admin_next_door",
}
ACTORS = ["volunteer", "officer", "other_officer", "editor", "city_admin", "resident"]
ACTIONS = [
    "details",
    "move",
    "gone",
    "phone",
    "card",
    "erase",
    "merge",
    "vneid",
    "attend",
    "remind",
]


def allowed(actor: str, action: str, target: str) -> bool:
    if actor == "city_admin":
        if target in STAFF_TARGETS and action in {"card", "erase"}:
            return False
        return True
    if actor == "volunteer":
        return target == "resident"
    return False


@pytest.fixture
def world(places, make_resident, make_staff):
    n4 = NeighbourhoodFactory(ward=places["other_ward"], number=2)
    long_ago = timezone.now() - timedelta(days=60)

    def living(home, role=None, **scope):
        user = make_resident(home)
        if role:
            role_grant(user=user, role=role, **scope)
        # Registered long ago and idle: due a reminder.
        ResidentProfile.objects.filter(user=user).update(created_at=long_ago)
        return user

    ward = places["ward"]
    return {
        **places,
        "n4": n4,
        "actors": {
            "volunteer": make_staff(Role.VOLUNTEER, neighbourhood=places["n1"]),
            "officer": make_staff(Role.OFFICER, ward=ward),
            "other_officer": make_staff(Role.OFFICER, ward=places["other_ward"]),
            "editor": make_staff(Role.EDITOR),
            "city_admin": make_staff(Role.CITY_ADMIN),
            "resident": living(places["n1"]),
        },
        "targets": {
            "resident": living(places["n1"]),
            "fellow_volunteer": living(
                places["n1"], Role.VOLUNTEER, neighbourhood=places["n1"]
            ),
            "officer_next_door": living(places["n1"], Role.OFFICER, ward=ward),
            "editor_next_door": living(places["n1"], Role.EDITOR),
            "admin_next_door": living(places["n1"], Role.CITY_ADMIN),
            "resident_n2": living(places["n2"]),
            "resident_other_ward": living(places["n3"]),
        },
    }


def _other_neighbourhood(world, profile):
    return {
        world["n1"].pk: world["n2"],
        world["n2"].pk: world["n1"],
        world["n3"].pk: world["n4"],
    }[profile.neighbourhood_id]


def _do(client, world, action, user):
    """Send the request a person would send for this action; return a check that
    says whether the write happened."""
    profile = ResidentProfile.objects.get(user=user)
    pk = profile.pk
    if action == "details":
        client.post(
            reverse("teams:resident_details", args=[pk]),
            {"full_name": "Tên Đã Sửa", "birth_year": "1950"},
        )
        return lambda: User.objects.get(pk=user.pk).full_name == "Tên Đã Sửa"
    if action == "move":
        new = _other_neighbourhood(world, profile)
        client.post(
            reverse("teams:resident_move", args=[pk]), {"neighbourhood": new.pk}
        )
        return lambda: ResidentProfile.objects.get(pk=pk).neighbourhood_id == new.pk
    if action == "gone":
        client.post(
            reverse("teams:resident_gone", args=[pk]),
            {"status": "moved_away", "reason": "Gia đình báo"},
        )
        return lambda: ResidentProfile.objects.get(pk=pk).status == "moved_away"
    if action == "phone":
        new_number = f"+8498765{pk:04d}"  # a free number for each target
        client.post(
            reverse("teams:resident_phone", args=[pk]),
            {"phone": new_number, "seen": "on"},
        )
        return lambda: User.objects.get(pk=user.pk).phone == new_number
    if action == "card":
        client.post(reverse("teams:card", args=[pk]), {"layout": "a6"})
        return lambda: SignInCard.objects.filter(user=user).exists()
    if action == "erase":
        client.post(
            reverse("teams:resident_erase", args=[pk]),
            {"reason": "Nói trực tiếp", "confirm": "on"},
        )
        return lambda: not User.objects.get(pk=user.pk).is_active
    if action == "merge":
        duplicate = User.objects.create_user(phone=None, full_name=user.full_name)
        ResidentProfile.objects.create(
            user=duplicate,
            neighbourhood=profile.neighbourhood,
            consent_given_at=timezone.now(),
        )
        other = ResidentProfile.objects.get(user=duplicate)
        client.post(
            reverse("teams:resident_merge", args=[pk, other.pk]),
            {"keep": str(pk), "confirm": "on"},
        )
        return lambda: not User.objects.filter(pk=duplicate.pk).exists()
    if action == "vneid":
        client.post(
            reverse("teams:vneid_confirm", args=[pk]),
            {"activated_on": "2026-01-05", "seen": "on"},
        )
        return lambda: VneidLevel2.objects.filter(
            user=user, status="confirmed"
        ).exists()
    if action == "attend":
        client.post(
            reverse("teams:session_new"),
            {
                "neighbourhood": profile.neighbourhood_id,
                "held_on": timezone.localdate().isoformat(),
                "place": "Nhà văn hóa",
                "attendees": [pk],
            },
        )
        return lambda: GroupSession.objects.filter(attendees=user).exists()
    if action == "remind":
        client.post(
            reverse("teams:nudges"),
            {"neighbourhood": profile.neighbourhood_id, "days": "14"},
        )
        return lambda: Nudge.objects.filter(resident=user).exists()
    raise AssertionError(action)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("actor", ACTORS)
def test_write_matrix(client, world, actor, action):
    login(client, world["actors"][actor])
    wrong = []
    for target in TARGETS:
        user = world["targets"][target]
        happened = _do(client, world, action, user)
        if happened() != allowed(actor, action, target):
            wrong.append((target, "written" if happened() else "refused"))
    assert wrong == []


def test_the_oracle_allows_and_refuses_something():
    """The matrix is not vacuous: each actor kind has both outcomes somewhere."""
    outcomes = {
        actor: {allowed(actor, a, t) for a in ACTIONS for t in TARGETS}
        for actor in ("volunteer", "city_admin")
    }
    assert outcomes == {"volunteer": {True, False}, "city_admin": {True, False}}


def test_the_city_admin_is_told_why_a_staff_account_is_not_erased(client, world):
    login(client, world["actors"]["city_admin"])
    officer = world["targets"]["officer_next_door"]
    pk = ResidentProfile.objects.get(user=officer).pk
    response = client.post(
        reverse("teams:resident_erase", args=[pk]),
        {"reason": "Nói trực tiếp", "confirm": "on"},
    )
    assert response.status_code == 200
    assert "gỡ vai trò trước" in response.text
    officer.refresh_from_db()
    assert officer.is_active


# --- Services check too, so that a future view cannot forget (issue #16) ------------


def _service_calls(world, actor, user):
    profile = ResidentProfile.objects.get(user=user)
    n1 = world["n1"]
    return {
        "details": lambda: resident_details_update(
            profile=profile, full_name="Tên Mới", birth_year=None, by=actor
        ),
        "move": lambda: resident_move(
            profile=profile, neighbourhood=world["n2"], by=actor
        ),
        "gone": lambda: resident_mark_gone(
            profile=profile, status="deceased", reason="báo", by=actor
        ),
        "phone": lambda: resident_phone_change(
            profile=profile, phone="0987654321", by=actor, seen_in_person=True
        ),
        "erase": lambda: resident_erase(profile=profile, by=actor, reason="nói"),
        "vneid": lambda: vneid_confirm(
            volunteer=actor, profile=profile, activated_on=timezone.localdate()
        ),
        "attend": lambda: session_log(
            volunteer=actor,
            date=timezone.localdate(),
            place="Nhà văn hóa",
            course=None,
            neighbourhood=n1,
            attendees=[user],
        ),
        "card": lambda: cards_issue(profiles=[profile], issued_by=actor),
    }


@pytest.mark.parametrize(
    "action", ["details", "move", "gone", "phone", "erase", "vneid", "attend", "card"]
)
def test_services_refuse_a_volunteer_acting_on_staff(world, action):
    actor = world["actors"]["volunteer"]
    target = world["targets"]["officer_next_door"]
    before = User.objects.filter(pk=target.pk).values().get()
    # An attendee the volunteer may not change is a bad list, not a bad door.
    refusal = ValidationError if action == "attend" else PermissionDenied
    with pytest.raises(refusal):
        _service_calls(world, actor, target)[action]()
    assert User.objects.filter(pk=target.pk).values().get() == before
    assert not GroupSession.objects.exists()
    assert not SignInCard.objects.filter(user=target).exists()
    assert not VneidLevel2.objects.filter(user=target).exists()


def test_the_reminder_service_skips_staff_whatever_list_it_is_given(world):
    everyone = ResidentProfile.objects.filter(neighbourhood=world["n1"])
    result = nudge_send(
        volunteer=world["actors"]["volunteer"], residents=everyone, days=14
    )
    reminded = set(Nudge.objects.values_list("resident_id", flat=True))
    # The two plain residents of n1; none of the four staff living there.
    assert reminded == {
        world["targets"]["resident"].pk,
        world["actors"]["resident"].pk,
    }
    assert result.sent == 2


def test_merge_service_refuses_a_staff_survivor_for_a_volunteer(world, make_resident):
    officer = world["targets"]["officer_next_door"]
    duplicate = make_resident(world["n1"], phone=None)
    with pytest.raises(PermissionDenied):
        residents_merge(
            keeper=officer.resident_profile,
            duplicate=duplicate.resident_profile,
            by=world["actors"]["volunteer"],
        )
    assert User.objects.filter(pk=duplicate.pk).exists()


def test_only_city_admins_grant_and_revoke_roles(world):
    target = world["targets"]["resident"]
    for actor in ("volunteer", "officer", "editor", "resident"):
        with pytest.raises(PermissionDenied):
            role_grant(
                user=target,
                role=Role.VOLUNTEER,
                neighbourhood=world["n1"],
                granted_by=world["actors"][actor],
            )
    assert not target.role_assignments.exists()
    assignment = role_grant(
        user=target,
        role=Role.VOLUNTEER,
        neighbourhood=world["n1"],
        granted_by=world["actors"]["city_admin"],
    )
    with pytest.raises(PermissionDenied):
        role_revoke(assignment=assignment, by=world["actors"]["volunteer"])
    role_revoke(assignment=assignment, by=world["actors"]["city_admin"])
    assert not target.role_assignments.exists()


def test_granting_a_role_voids_the_persons_unused_cards(world):
    from accounts.services import signin_card_issue

    target = world["targets"]["resident"]
    card, _token = signin_card_issue(user=target, issued_by=None)
    role_grant(user=target, role=Role.VOLUNTEER, neighbourhood=world["n1"])
    card.refresh_from_db()
    assert card.revoked_at is not None


def test_enrolling_only_where_the_volunteer_serves(world):
    with pytest.raises(PermissionDenied):
        neighbour_enrol(
            volunteer=world["actors"]["volunteer"],
            full_name="Lê Thị Mai",
            birth_year=1958,
            neighbourhood=world["n2"],
        )
    with pytest.raises(PermissionDenied):
        neighbour_enrol(
            volunteer=world["actors"]["officer"],
            full_name="Lê Thị Mai",
            birth_year=1958,
            neighbourhood=world["n1"],
        )
    assert not User.objects.filter(full_name="Lê Thị Mai").exists()
