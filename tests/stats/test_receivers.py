"""The announcements of the apps below keep the new counters and dimensions right:
birth cohort, first completions, VNeID, removals, moves, corrections and merges."""

from datetime import timedelta

import pytest
from django.db.models import Sum
from django.utils import timezone

from community.models import ResidentProfile
from community.roles import Role
from community.services import (
    resident_details_update,
    resident_erase,
    resident_mark_gone,
    resident_move,
)
from learning.services import lesson_complete
from stats.cohorts import cohort_of
from stats.models import DailySummary
from stats.selectors import ward_dashboard
from stats.services import stats_rebuild
from teams.services import residents_merge, vneid_confirm, vneid_declare
from tests.learning.factories import make_course


def _sum(name, **filters):
    return DailySummary.objects.filter(**filters).aggregate(n=Sum(name))["n"] or 0


@pytest.fixture
def live(django_capture_on_commit_callbacks):
    """Run a call with its announcements delivered, as after a real commit."""

    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return run


@pytest.fixture
def volunteer(places, make_staff):
    from community.services import role_grant

    user = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    role_grant(user=user, role=Role.VOLUNTEER, neighbourhood=places["n2"])
    return user


def _resident(make_resident, neighbourhood, live, **kwargs):
    from community.services import resident_register
    from tests.community.factories import UserFactory

    user = UserFactory(**kwargs)
    live(
        resident_register,
        user=user,
        full_name=user.full_name,
        birth_year=user.birth_year,
        neighbourhood=neighbourhood,
    )
    return user


def test_registration_is_counted_in_the_birth_cohort(places, make_resident, live):
    _resident(make_resident, places["n1"], live, birth_year=1958)
    _resident(make_resident, places["n1"], live, birth_year=None)
    assert _sum("registered", birth_cohort=cohort_of(1958)) == 1
    assert _sum("registered", birth_cohort=cohort_of(None)) == 1


def test_first_completion_counts_each_person_once(places, make_resident, live):
    person = _resident(make_resident, places["n1"], live)
    for slug in ("a", "b"):
        _course, lessons = make_course(lessons=1, slug=slug)
        live(lesson_complete, user=person, lesson=lessons[0])
    assert _sum("completed") == 2
    assert _sum("first_completed") == 1
    assert _sum("first_started") == 1
    assert _sum("started") == 2
    assert stats_rebuild() == []


def test_vneid_declared_then_confirmed_moves_not_doubles(
    places, make_resident, live, volunteer
):
    person = _resident(make_resident, places["n1"], live)
    today = timezone.localdate()
    live(vneid_declare, user=person, activated_on=today - timedelta(days=3))
    assert (_sum("vneid_declared"), _sum("vneid_confirmed")) == (1, 0)
    live(
        vneid_confirm,
        volunteer=volunteer,
        profile=person.resident_profile,
        activated_on=today,
    )
    assert (_sum("vneid_declared"), _sum("vneid_confirmed")) == (0, 1)
    live(vneid_declare, user=person, activated_on=today)  # never overrides
    assert (_sum("vneid_declared"), _sum("vneid_confirmed")) == (0, 1)
    assert stats_rebuild() == []


def test_moving_counts_the_person_where_they_live_now(
    places, make_resident, live, volunteer
):
    person = _resident(make_resident, places["n1"], live)
    _course, lessons = make_course(lessons=1, slug="a")
    live(lesson_complete, user=person, lesson=lessons[0])
    live(
        resident_move,
        profile=person.resident_profile,
        neighbourhood=places["n2"],
        by=volunteer,
    )
    assert _sum("registered", neighbourhood=places["n1"]) == 0
    assert _sum("completed", neighbourhood=places["n1"]) == 0
    assert _sum("registered", neighbourhood=places["n2"]) == 1
    assert _sum("certificates", neighbourhood=places["n2"]) == 1
    assert stats_rebuild() == []


def test_a_corrected_birth_year_moves_the_person_to_their_cohort(
    places, make_resident, live, volunteer
):
    person = _resident(make_resident, places["n1"], live, birth_year=1965)
    live(
        resident_details_update,
        profile=person.resident_profile,
        full_name=person.full_name,
        birth_year=1995,
        by=volunteer,
    )
    assert _sum("registered", birth_cohort=cohort_of(1965)) == 0
    assert _sum("registered", birth_cohort=cohort_of(1995)) == 1
    assert stats_rebuild() == []


@pytest.mark.parametrize("how", ["moved_away", "deceased", "erase"])
def test_removed_residents_leave_the_registered(
    places, make_resident, live, volunteer, make_staff, how
):
    stays = _resident(make_resident, places["n1"], live)
    leaves = _resident(make_resident, places["n1"], live, birth_year=1950)
    profile = leaves.resident_profile
    if how == "erase":
        live(resident_erase, profile=profile, by=volunteer, reason="asked on paper")
    else:
        live(resident_mark_gone, profile=profile, status=how, reason="", by=volunteer)
    today = timezone.localdate()
    dashboard = ward_dashboard(
        make_staff(Role.OFFICER, ward=places["ward"]), places["ward"], today, today
    )
    n1 = next(row for row in dashboard.rows if row.pk == places["n1"].pk)
    assert (n1.registered, n1.removed) == (1, 1)
    assert n1.week_registered == 1  # two joined, one left
    assert stats_rebuild() == []
    assert stays.resident_profile.is_active
    assert not ResidentProfile.objects.get(pk=profile.pk).is_active


def test_a_merge_recounts_both_neighbourhoods(places, make_resident, live, volunteer):
    keeper = _resident(make_resident, places["n1"], live, birth_year=None)
    duplicate = _resident(make_resident, places["n2"], live, birth_year=1970)
    _course, lessons = make_course(lessons=1, slug="a")
    live(lesson_complete, user=duplicate, lesson=lessons[0])
    live(
        residents_merge,
        keeper=keeper.resident_profile,
        duplicate=duplicate.resident_profile,
        by=volunteer,
    )
    assert _sum("registered", neighbourhood=places["n2"]) == 0
    assert _sum("completed", neighbourhood=places["n2"]) == 0
    assert _sum("registered", neighbourhood=places["n1"]) == 1
    # The keeper's birth year came from the duplicate, and so did the course.
    assert (
        _sum("completed", neighbourhood=places["n1"], birth_cohort=cohort_of(1970)) == 1
    )
    assert stats_rebuild() == []


def test_a_certificate_counts_once_per_person_and_course(
    places, make_resident, live, volunteer
):
    """Neither a re-issue nor a merged duplicate adds a second certificate."""
    from certificates.models import Certificate
    from certificates.services import certificate_reissue

    keeper = _resident(make_resident, places["n1"], live)
    duplicate = _resident(make_resident, places["n2"], live)
    _course, lessons = make_course(lessons=1, slug="a")
    for person in (keeper, duplicate):
        live(lesson_complete, user=person, lesson=lessons[0])
    assert _sum("certificates") == 2
    live(
        residents_merge,
        keeper=keeper.resident_profile,
        duplicate=duplicate.resident_profile,
        by=volunteer,
    )
    assert Certificate.objects.filter(user=keeper).count() == 2  # one revoked
    assert _sum("certificates") == 1
    valid = Certificate.objects.get(user=keeper, revoked_at=None)
    live(certificate_reissue, certificate=valid)
    assert Certificate.objects.filter(user=keeper).count() == 3
    assert _sum("certificates") == 1
    assert stats_rebuild() == []


def test_a_neighbourhood_rebuild_leaves_the_others_alone(places, make_resident, live):
    _resident(make_resident, places["n1"], live)
    _resident(make_resident, places["n3"], live)
    DailySummary.objects.filter(neighbourhood=places["n3"]).update(registered=9)
    differences = stats_rebuild(neighbourhood_ids=[places["n1"].pk])
    assert differences == []
    assert _sum("registered", neighbourhood=places["n3"]) == 9
    [line] = stats_rebuild(neighbourhood_ids=[places["n3"].pk])
    assert "registered stored 9, counted 1" in line


def test_a_neighbourhood_where_nobody_lives_rebuilds_to_nothing(places):
    assert stats_rebuild(neighbourhood_ids=[places["n2"].pk]) == []
    assert stats_rebuild(neighbourhood_ids=[]) == []
