"""The permission matrix: for each role, which residents `residents_visible_to` returns.

Scopes: `own` lives in neighbourhood n1 (ward A), `other_nbh` in n2 (ward A),
`other_ward` in n3 (ward B). The staff member under test also has their own resident
profile in n2: a volunteer also learns.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from community.access import (
    can_change_resident,
    can_enter_admin,
    can_view_resident,
    neighbourhoods_visible_to,
    residents_visible_to,
    wards_visible_to,
)
from community.roles import Role
from community.services import role_grant, role_revoke


@pytest.fixture
def people(places, make_resident):
    return {
        "own": make_resident(places["n1"]).resident_profile,
        "other_nbh": make_resident(places["n2"]).resident_profile,
        "other_ward": make_resident(places["n3"]).resident_profile,
    }


def viewer(kind, places, make_resident):
    """A person holding `kind`, who also lives in n2 as a resident."""
    user = make_resident(places["n2"])
    if kind == "volunteer":
        role_grant(user=user, role=Role.VOLUNTEER, neighbourhood=places["n1"])
    elif kind == "officer":
        role_grant(user=user, role=Role.OFFICER, ward=places["ward"])
    elif kind == "editor":
        role_grant(user=user, role=Role.EDITOR)
    elif kind == "city_admin":
        role_grant(user=user, role=Role.CITY_ADMIN)
    elif kind == "volunteer+officer_other_ward":
        role_grant(user=user, role=Role.VOLUNTEER, neighbourhood=places["n1"])
        role_grant(user=user, role=Role.OFFICER, ward=places["other_ward"])
    return user


# role -> (sees own, sees other neighbourhood, sees other ward, may change own,
#          may enter the Wagtail admin)
MATRIX = {
    "resident": (False, False, False, False, False),
    "volunteer": (True, False, False, True, False),
    "officer": (True, True, False, False, False),
    "editor": (False, False, False, False, True),
    "city_admin": (True, True, True, True, True),
    "volunteer+officer_other_ward": (True, False, True, True, False),
}


@pytest.mark.parametrize("kind", MATRIX)
def test_permission_matrix(kind, places, people, make_resident):
    user = viewer(kind, places, make_resident)
    sees_own, sees_other_nbh, sees_other_ward, changes_own, enters_admin = MATRIX[kind]

    visible = set(residents_visible_to(user))
    assert (people["own"] in visible) is sees_own
    assert (people["other_nbh"] in visible) is sees_other_nbh
    assert (people["other_ward"] in visible) is sees_other_ward
    # Everyone may see their own record.
    assert user.resident_profile in visible
    for name, profile in people.items():
        assert can_view_resident(user, profile) is (profile in visible), name
    assert can_change_resident(user, people["own"]) is changes_own
    assert can_change_resident(user, people["other_ward"]) is (kind == "city_admin")
    assert can_enter_admin(user) is enters_admin
    # The Wagtail admin agrees with the access module.
    assert user.has_perm("wagtailadmin.access_admin") is enters_admin


def test_anonymous_sees_no_one(people):
    anonymous = AnonymousUser()
    assert not residents_visible_to(anonymous).exists()
    assert not neighbourhoods_visible_to(anonymous).exists()
    assert not can_view_resident(anonymous, people["own"])
    assert not can_enter_admin(anonymous)


def test_inactive_staff_see_no_one(places, people, make_staff):
    officer = make_staff(Role.OFFICER, ward=places["ward"])
    officer.is_active = False
    officer.save()
    assert not residents_visible_to(officer).exists()


def test_neighbourhoods_and_wards_follow_the_scope(places, make_staff):
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    officer = make_staff(Role.OFFICER, ward=places["ward"])
    admin = make_staff(Role.CITY_ADMIN)

    assert set(neighbourhoods_visible_to(volunteer)) == {places["n1"]}
    assert set(neighbourhoods_visible_to(officer)) == {places["n1"], places["n2"]}
    assert set(neighbourhoods_visible_to(admin)) == {
        places["n1"],
        places["n2"],
        places["n3"],
    }
    assert not wards_visible_to(volunteer).exists()
    assert set(wards_visible_to(officer)) == {places["ward"]}
    assert set(wards_visible_to(admin)) == {places["ward"], places["other_ward"]}


def test_revoking_a_role_removes_the_scope(places, people, make_staff):
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    assert people["own"] in residents_visible_to(volunteer)

    role_revoke(assignment=volunteer.role_assignments.get())

    assert people["own"] not in residents_visible_to(volunteer)


def test_a_volunteer_of_two_neighbourhoods_sees_both(places, people, make_staff):
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    role_grant(user=volunteer, role=Role.VOLUNTEER, neighbourhood=places["n2"])
    visible = set(residents_visible_to(volunteer))
    assert {people["own"], people["other_nbh"]} <= visible
    assert people["other_ward"] not in visible


def test_a_scope_must_match_its_role(places, make_staff):
    from django.core.exceptions import ValidationError

    user = make_staff(Role.EDITOR)
    with pytest.raises(ValidationError):
        role_grant(user=user, role=Role.OFFICER)
    with pytest.raises(ValidationError):
        role_grant(user=user, role=Role.VOLUNTEER, ward=places["ward"])
    with pytest.raises(ValidationError):
        role_grant(user=user, role=Role.EDITOR, neighbourhood=places["n1"])


def test_listing_is_one_query(places, people, make_staff, django_assert_num_queries):
    officer = make_staff(Role.OFFICER, ward=places["ward"])
    officer = type(officer).objects.get(pk=officer.pk)
    with django_assert_num_queries(2):  # the scope, then the joined listing
        names = [
            p.user.full_name + p.neighbourhood.ward.name
            for p in residents_visible_to(officer)
        ]
    assert len(names) == 2


def test_the_last_city_admin_cannot_be_revoked(make_staff):
    from django.core.exceptions import ValidationError

    first = make_staff(Role.CITY_ADMIN)
    with pytest.raises(ValidationError):
        role_revoke(assignment=first.role_assignments.get())
    second = make_staff(Role.CITY_ADMIN)
    role_revoke(assignment=first.role_assignments.get())
    first.refresh_from_db()
    assert not first.is_superuser
    assert second.role_assignments.filter(role=Role.CITY_ADMIN).exists()
