"""The staff-account takeovers a security probe found (issue #16), through HTTP.

Officers, editors and city admins live in neighbourhoods too. A volunteer of that
neighbourhood must not print their sign-in card, change their phone, erase them, or
keep their record as the survivor of a merge: acting on a staff account is for city
admins only (and a card never signs a staff account in).
"""

import pytest
from django.urls import reverse

from accounts.models import SignInCard, User
from accounts.services import signin_card_issue
from community.models import ResidentProfile
from community.roles import Role
from community.services import role_grant

from .factories import login


@pytest.fixture
def staff_next_door(places, make_resident, make_staff):
    """A volunteer of n1 and, living in n1, a city admin, a second city admin, an
    officer and an editor, each with a resident record."""

    def living_in_n1(role, **kwargs):
        user = make_resident(places["n1"], **kwargs)
        role_grant(
            user=user, role=role, ward=places["ward"] if role == Role.OFFICER else None
        )
        return user

    return {
        **places,
        "volunteer": make_staff(Role.VOLUNTEER, neighbourhood=places["n1"]),
        "admin": living_in_n1(Role.CITY_ADMIN, full_name="Lê Thu Hà"),
        "admin2": living_in_n1(Role.CITY_ADMIN, full_name="Đặng Văn Hai"),
        "officer": living_in_n1(Role.OFFICER, full_name="Phạm Minh Tuấn"),
        "editor": living_in_n1(Role.EDITOR, full_name="Vũ Thị Biên"),
        "resident": make_resident(places["n1"], full_name="Nguyễn Văn An"),
    }


def _profile(user):
    return ResidentProfile.objects.get(user=user)


STAFF = ["admin", "officer", "editor"]


@pytest.mark.parametrize("target", STAFF)
def test_a_volunteer_cannot_print_a_card_for_staff(client, staff_next_door, target):
    login(client, staff_next_door["volunteer"])
    person = staff_next_door[target]
    response = client.post(
        reverse("teams:card", args=[_profile(person).pk]), {"layout": "a6"}
    )
    assert response.status_code in (403, 404)
    assert not SignInCard.objects.filter(user=person).exists()


def test_a_card_never_signs_in_a_staff_account(client, staff_next_door):
    admin = staff_next_door["admin"]
    _card, token = signin_card_issue(user=admin, issued_by=None)
    response = client.post(reverse("accounts:signin_card", args=[token]))
    assert "_auth_user_id" not in client.session
    assert response.status_code == 410


@pytest.mark.parametrize("target", STAFF)
def test_a_volunteer_cannot_change_the_phone_of_staff(client, staff_next_door, target):
    login(client, staff_next_door["volunteer"])
    person = staff_next_door[target]
    before = person.phone
    response = client.post(
        reverse("teams:resident_phone", args=[_profile(person).pk]),
        {"phone": "0987 654 321", "seen": "on"},
    )
    assert response.status_code in (403, 404)
    person.refresh_from_db()
    assert person.phone == before


def test_a_volunteer_cannot_erase_a_city_admin(client, staff_next_door):
    login(client, staff_next_door["volunteer"])
    admin2 = staff_next_door["admin2"]
    response = client.post(
        reverse("teams:resident_erase", args=[_profile(admin2).pk]),
        {"reason": "Nói trực tiếp", "confirm": "on"},
    )
    assert response.status_code in (403, 404)
    admin2.refresh_from_db()
    assert admin2.is_active and admin2.is_superuser
    assert admin2.full_name == "Đặng Văn Hai"


def test_a_staff_record_cannot_be_the_survivor_of_a_volunteers_merge(
    client, staff_next_door, make_resident
):
    volunteer, officer = staff_next_door["volunteer"], staff_next_door["officer"]
    duplicate = make_resident(staff_next_door["n1"], full_name="Phạm Minh Tuấn")
    login(client, volunteer)
    keeper_id, duplicate_id = _profile(officer).pk, _profile(duplicate).pk
    response = client.post(
        reverse("teams:resident_merge", args=[duplicate_id, keeper_id]),
        {"keep": str(keeper_id), "confirm": "on"},
    )
    assert response.status_code in (403, 404)
    assert User.objects.filter(pk=duplicate.pk).exists()


def test_the_volunteer_still_cares_for_the_plain_resident(client, staff_next_door):
    """The refusals above are about staff, not about the neighbourhood."""
    login(client, staff_next_door["volunteer"])
    resident = staff_next_door["resident"]
    response = client.post(
        reverse("teams:card", args=[_profile(resident).pk]), {"layout": "a6"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert SignInCard.objects.filter(user=resident).count() == 1
