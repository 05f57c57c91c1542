"""The demo fills the demo volunteer's neighbourhoods, once."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from community.models import ResidentProfile
from learning.models import CourseCompletion, LessonProgress
from teams.models import GroupSession, VneidLevel2


def _seed():
    with open("/dev/null", "w") as sink:
        call_command("seed_demo", stdout=sink)


def _snapshot():
    return (
        User.objects.count(),
        ResidentProfile.objects.count(),
        LessonProgress.objects.count(),
        CourseCompletion.objects.count(),
        GroupSession.objects.count(),
        VneidLevel2.objects.count(),
    )


@pytest.mark.django_db(transaction=True)
def test_seed_demo_fills_every_stage_once(client):
    _seed()
    first = _snapshot()
    _seed()
    assert _snapshot() == first

    volunteer = User.objects.get(phone="+84900000002")
    # The residents the volunteer enrolled or imported in his neighbourhoods: not
    # community's demo accounts, nor the history stats' demo adds (self sign-ups).
    served = ResidentProfile.objects.filter(
        neighbourhood__in=volunteer.role_assignments.values("neighbourhood"),
        enrolled_by=volunteer,
    )
    how = ResidentProfile.EnrolledHow
    assert served.filter(enrolled_how=how.ASSISTED).count() == 10
    assert served.filter(enrolled_how=how.IMPORTED).count() == 2
    assert served.filter(user__phone=None).count() == 2
    users = served.values("user")
    assert CourseCompletion.objects.filter(user__in=users).count() == 2
    started = LessonProgress.objects.filter(user__in=users)
    assert started.values("user").distinct().count() == 6
    assert VneidLevel2.objects.filter(user__in=users, status="confirmed").count() == 2
    sessions = GroupSession.objects.filter(attendees__in=users).distinct()
    assert [s.attendees.filter(pk__in=users).count() for s in sessions] == [3]

    client.force_login(volunteer)
    neighbourhood = served.first().neighbourhood
    roster = client.get(reverse("teams:roster", args=[neighbourhood.pk]))
    assert roster.status_code == 200
    statuses = {item.status for row in roster.context["rows"] for item in row.courses}
    assert {"not_started", "learning"} <= statuses
