"""The demo ward's twelve weeks of history (`stats/demo.py`), through `seed_demo`."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import Count, Q, Sum
from django.utils import timezone

from accounts.models import User
from certificates.models import Certificate
from community.demo import DEMO_WARD
from community.models import Neighbourhood, ResidentProfile
from learning.models import CourseCompletion, LessonProgress
from stats.demo import PHONE_PREFIX, WEEKS
from stats.models import DailySummary
from stats.services import stats_rebuild
from teams.models import GroupSession, VneidLevel2

pytestmark = pytest.mark.django_db


def _seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            User,
            ResidentProfile,
            LessonProgress,
            CourseCompletion,
            Certificate,
            VneidLevel2,
            GroupSession,
            DailySummary,
        )
    }


def _demo_places():
    return Neighbourhood.objects.filter(
        ward__name=DEMO_WARD[0], ward__city=DEMO_WARD[1]
    ).order_by("number")


def test_seed_demo_twice_adds_nothing():
    output = _seed()
    assert "stats: twelve weeks of history" in output
    first = _counts()
    history = User.objects.filter(phone__startswith=PHONE_PREFIX).count()
    assert history >= 200  # "a few hundred residents"

    output = _seed()

    assert "history already there" in output
    assert _counts() == first
    # The demo accounts still sign in with the demo password.
    assert User.objects.get(phone="+84900000003").check_password("hocvuso-demo")


def test_history_is_uneven_back_dated_and_summaries_equal_raw_counts():
    _seed()
    places = {p.number: p for p in _demo_places()}
    active = Q(residents__status=ResidentProfile.Status.ACTIVE)
    registered = dict(
        _demo_places()
        .annotate(n=Count("residents", filter=active))
        .values_list("number", "n")
    )
    share = {
        number: registered[number] / places[number].adult_population
        for number in places
    }
    middle = sorted(share.values())[len(share) // 2]
    # Tổ 5 clearly leads, tổ 7 and 9 clearly lag: the story at first sight.
    assert share[5] == max(share.values())
    assert share[5] > 1.5 * middle
    assert share[7] < middle / 2
    assert share[9] < middle / 2
    assert sorted(share, key=share.get)[:2] == [7, 9] or sorted(share, key=share.get)[
        :2
    ] == [9, 7]

    # Spread over twelve weeks, in the past, not all on one day.
    history = ResidentProfile.objects.filter(user__phone__startswith=PHONE_PREFIX)
    days = {timezone.localtime(p.created_at).date() for p in history}
    today = timezone.localdate()
    assert min(days) >= today - timedelta(weeks=WEEKS)
    assert max(days) <= today
    assert len(days) > 30
    weeks = {(today - day).days // 7 for day in days}
    assert len(weeks) >= 10
    assert LessonProgress.objects.filter(started_at__gt=timezone.now()).count() == 0
    assert (
        LessonProgress.objects.filter(user__in=history.values("user"))
        .filter(started_at__lt=timezone.now() - timedelta(weeks=4))
        .exists()
    )
    leader = LessonProgress.objects.filter(
        user__resident_profile__neighbourhood=places[5]
    ).count()
    laggard = LessonProgress.objects.filter(
        user__resident_profile__neighbourhood=places[7]
    ).count()
    assert leader > 4 * max(1, laggard)

    # The summary rows equal the raw counts: a rebuild finds nothing to change,
    # and the registered residents of each place add up from the summary rows.
    assert stats_rebuild() == []
    for number, place in places.items():
        sums = DailySummary.objects.filter(neighbourhood=place).aggregate(
            registered=Sum("registered"), removed=Sum("removed")
        )
        net = (sums["registered"] or 0) - (sums["removed"] or 0)
        assert net == registered[number], number
    completions = CourseCompletion.objects.filter(
        user__resident_profile__neighbourhood__in=places.values()
    ).count()
    summed = DailySummary.objects.filter(neighbourhood__in=places.values()).aggregate(
        n=Sum("completed")
    )["n"]
    assert completions > 0
    assert summed == completions
