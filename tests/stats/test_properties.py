"""Property: over random histories, every dashboard figure equals the same figure
counted from the raw rows by a naive counter written here, independently of
stats.services; `rebuild_stats` then finds no drift, and finds and fixes drift.

A history is a random sequence of registrations, lesson starts and completions
(completions earn certificates), group sessions, VNeID confirmations and
declarations, poster visits, moves, removals (moved away, died, erased), birth-year
corrections and merges, on random days: a clock moves forward by 0–72 hours before
each step, so days cross local midnight (Asia/Ho_Chi_Minh) in every way. Each step
runs through the real services with its announcements delivered, as in production.
Each example runs in a savepoint that is rolled back, so examples never meet.
"""

from collections import Counter
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certificates.models import Certificate
from cms.models import Poster, PosterVisit
from cms.services import poster_create, poster_visit_record
from community.models import ResidentProfile
from community.roles import Role
from community.services import (
    resident_details_update,
    resident_erase,
    resident_mark_gone,
    resident_move,
    resident_register,
    role_grant,
)
from learning.models import CourseCompletion, CoursePage, LessonProgress
from learning.services import lesson_complete, lesson_start
from stats.cohorts import CHOICES, cohort_of
from stats.models import DailySummary
from stats.selectors import ward_dashboard
from stats.services import stats_rebuild
from teams.models import GroupSession, VneidLevel2
from teams.services import residents_merge, session_log, vneid_confirm, vneid_declare
from tests.community.factories import UserFactory
from tests.learning.factories import make_course

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime(2026, 3, 1, 15, 0, tzinfo=UTC)  # 22:00 local
PERSON = st.integers(0, 11)
BIRTH_YEAR = st.one_of(st.none(), st.integers(1935, 2006))
REGISTER = st.tuples(st.just("register"), st.integers(0, 2), BIRTH_YEAR)
STEP = st.one_of(
    REGISTER,
    st.tuples(st.just("start"), PERSON, st.integers(0, 3)),
    st.tuples(st.just("start"), PERSON, st.integers(0, 3)),
    st.tuples(st.just("complete"), PERSON, st.integers(0, 3)),
    st.tuples(st.just("finish_course"), PERSON, st.integers(0, 1)),
    st.tuples(st.just("finish_course"), PERSON, st.integers(0, 1)),
    st.tuples(st.just("session"), st.integers(0, 2), st.booleans()),
    st.tuples(st.just("confirm"), PERSON),
    st.tuples(st.just("declare"), PERSON),
    st.tuples(st.just("visit"), st.integers(0, 2)),
    st.tuples(st.just("move"), PERSON, st.integers(0, 2)),
    st.tuples(
        st.just("gone"), PERSON, st.sampled_from(["moved_away", "deceased", "erase"])
    ),
    st.tuples(st.just("birth_year"), PERSON, BIRTH_YEAR),
    st.tuples(st.just("merge"), PERSON, PERSON),
)
HOURS = st.integers(0, 72)
# A few people first, then anything, in any order.
HISTORY = st.tuples(
    st.lists(st.tuples(HOURS, REGISTER), min_size=2, max_size=5),
    st.lists(st.tuples(HOURS, STEP), min_size=4, max_size=24),
).map(lambda parts: parts[0] + parts[1])


def local_day(moment: datetime) -> date:
    return moment.astimezone(LOCAL).date()


@contextmanager
def clock_at(holder: dict):
    """timezone.now() (and the model defaults that call it) return holder["now"]."""

    def now():
        return holder["now"]

    started = LessonProgress._meta.get_field("started_at")
    completed = CourseCompletion._meta.get_field("completed_at")
    with (
        mock.patch("django.utils.timezone.now", now),
        mock.patch.dict(started.__dict__, {"_get_default": now}),
        mock.patch.dict(completed.__dict__, {"_get_default": now}),
        # The certificate PDF is rendered later, elsewhere: not needed here.
        mock.patch("certificates.tasks.certificate_render_task"),
    ):
        yield


@pytest.fixture
def world(places, make_staff):
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    for key in ("n2", "n3"):
        role_grant(user=volunteer, role=Role.VOLUNTEER, neighbourhood=places[key])
    admin = make_staff(Role.CITY_ADMIN)
    first, first_lessons = make_course(lessons=2, slug="vneid")
    second, second_lessons = make_course(lessons=2, slug="dich-vu-cong")
    neighbourhoods = [places["n1"], places["n2"], places["n3"]]
    posters = [
        poster_create(page=first, user=None),
        poster_create(page=second, user=None),
        poster_create(page=first, user=None),
    ]
    Poster.objects.filter(pk=posters[0].pk).update(neighbourhood=neighbourhoods[0])
    Poster.objects.filter(pk=posters[1].pk).update(neighbourhood=neighbourhoods[2])
    return {
        "volunteer": volunteer,
        "admin": admin,
        "courses": [first, second],
        "lessons": first_lessons + second_lessons,
        "neighbourhoods": neighbourhoods,
        "posters": [Poster.objects.get(pk=p.pk) for p in posters],
    }


def _step(world, people: list, step, now: datetime) -> None:
    """Run one step through the real services; steps that do not apply are skipped."""
    kind, *args = step
    volunteer = world["volunteer"]
    if kind == "register":
        user = UserFactory(birth_year=args[1])
        resident_register(
            user=user,
            full_name=user.full_name,
            birth_year=args[1],
            neighbourhood=world["neighbourhoods"][args[0]],
        )
        people.append(user.pk)
        return
    if kind == "session":
        session_log(
            volunteer=volunteer,
            date=local_day(now),
            place="Nhà văn hóa",
            course=world["courses"][0] if args[1] else None,
            neighbourhood=world["neighbourhoods"][args[0]],
            attendees=[],
        )
        return
    if kind == "visit":
        poster_visit_record(poster=world["posters"][args[0]], day=local_day(now))
        return
    if not people:
        return
    profile = ResidentProfile.objects.select_related("user", "neighbourhood").get(
        user_id=people[args[0] % len(people)]
    )
    if not profile.is_active:
        return
    user = profile.user
    if kind == "start":
        lesson_start(user=user, lesson=world["lessons"][args[1]])
    elif kind == "complete":
        lesson_complete(user=user, lesson=world["lessons"][args[1]])
    elif kind == "finish_course":
        for lesson in world["lessons"][2 * args[1] : 2 * args[1] + 2]:
            lesson_complete(user=user, lesson=lesson)
    elif kind == "confirm":
        vneid_confirm(volunteer=volunteer, profile=profile, activated_on=local_day(now))
    elif kind == "declare":
        vneid_declare(user=user, activated_on=local_day(now))
    elif kind == "move":
        resident_move(
            profile=profile,
            neighbourhood=world["neighbourhoods"][args[1]],
            by=volunteer,
        )
    elif kind == "gone" and args[1] == "erase":
        resident_erase(profile=profile, by=volunteer, reason="asked on paper")
    elif kind == "gone":
        resident_mark_gone(profile=profile, status=args[1], reason="", by=volunteer)
    elif kind == "birth_year":
        resident_details_update(
            profile=profile, full_name=user.full_name, birth_year=args[1], by=volunteer
        )
    elif kind == "merge":
        other = ResidentProfile.objects.get(user_id=people[args[1] % len(people)])
        if other.pk == profile.pk or not other.is_active:
            return
        residents_merge(keeper=profile, duplicate=other, by=volunteer)
        people.remove(other.user_id)


def naive_figures(
    neighbourhood_ids, date_from: date, date_to: date, course, cohort
) -> dict[int, Counter]:
    """The dashboard's figures counted row by row in Python from the raw tables."""
    course_id = course.pk if course else None
    week_from = date_to - timedelta(days=6)
    previous_from, previous_to = (
        date_to - timedelta(days=13),
        date_to - timedelta(days=7),
    )
    homes = {
        p.user_id: p
        for p in ResidentProfile.objects.select_related("user")
        if p.neighbourhood_id in neighbourhood_ids
        and (cohort is None or cohort_of(p.user.birth_year) == cohort)
    }
    figures = {pk: Counter() for pk in neighbourhood_ids}

    def of(user_id):
        return figures[homes[user_id].neighbourhood_id]

    for user_id, p in homes.items():
        f = of(user_id)
        joined = local_day(p.created_at)
        left = None if p.is_active else local_day(p.status_changed_at)
        f["registered"] += joined <= date_to
        f["registered"] -= left is not None and left <= date_to
        f["removed"] += left is not None and date_from <= left <= date_to
        f["week_registered"] += week_from <= joined <= date_to
        f["week_registered"] -= left is not None and week_from <= left <= date_to
        f["previous_week_registered"] += previous_from <= joined <= previous_to
        f["previous_week_registered"] -= (
            left is not None and previous_from <= left <= previous_to
        )

    course_of_path = {c.path: c.pk for c in CoursePage.objects.all()}
    first_any, first_in = {}, {}
    for row in LessonProgress.objects.select_related("lesson"):
        if row.user_id not in homes:
            continue
        day = local_day(row.started_at)
        first_any[row.user_id] = min(day, first_any.get(row.user_id, day))
        key = (row.user_id, course_of_path[row.lesson.path[:-4]])
        first_in[key] = min(day, first_in.get(key, day))
    if course_id is None:
        for user_id, day in first_any.items():
            of(user_id)["started"] += date_from <= day <= date_to
    else:
        for (user_id, pk), day in first_in.items():
            of(user_id)["started"] += pk == course_id and date_from <= day <= date_to

    first_completion = {}
    for row in CourseCompletion.objects.all():
        if row.user_id not in homes:
            continue
        day = local_day(row.completed_at)
        first_completion[row.user_id] = min(day, first_completion.get(row.user_id, day))
        f = of(row.user_id)
        if course_id is None or row.course_id == course_id:
            f["completed"] += date_from <= day <= date_to
            f["week_completed"] += week_from <= day <= date_to
            f["previous_week_completed"] += previous_from <= day <= previous_to
        if course_id is None and date_from <= day <= date_to:
            f[f"course {row.course_id}"] += 1
    for user_id, day in first_completion.items():
        of(user_id)["completed_any"] += day <= date_to

    first_certificate = {}  # (person, course): their first certificate's day
    for row in Certificate.objects.order_by("issued_at", "pk"):
        first_certificate.setdefault(
            (row.user_id, row.course_id), local_day(row.issued_at)
        )
    for (user_id, row_course_id), day in first_certificate.items():
        if user_id in homes and (course_id is None or row_course_id == course_id):
            of(user_id)["certificates"] += date_from <= day <= date_to
    for row in VneidLevel2.objects.all():
        if row.user_id in homes and row.activated_on <= date_to:
            of(row.user_id)[f"vneid_{row.status}"] += 1
    for row in GroupSession.objects.all():
        if row.neighbourhood_id in figures and (
            course_id is None or row.course_id == course_id
        ):
            figures[row.neighbourhood_id]["sessions"] += (
                date_from <= row.held_on <= date_to
            )
    for row in PosterVisit.objects.select_related("poster"):
        if row.poster.neighbourhood_id in figures and date_from <= row.day <= date_to:
            figures[row.poster.neighbourhood_id]["poster_visits"] += row.count
    return figures


NAMES = (
    "registered",
    "removed",
    "started",
    "completed",
    "completed_any",
    "certificates",
    "sessions",
    "poster_visits",
    "vneid_confirmed",
    "vneid_declared",
    "week_registered",
    "previous_week_registered",
    "week_completed",
    "previous_week_completed",
)


def shown_figures(dashboard) -> dict[int, Counter]:
    shown = {}
    for row in dashboard.rows:
        counts = Counter({name: getattr(row, name) for name in NAMES})
        for course_id, n in row.completed_by_course.items():
            counts[f"course {course_id}"] = n
        shown[row.pk] = +counts
    return shown


class _Rollback(Exception):
    pass


@pytest.mark.django_db
@settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=HISTORY, data=st.data())
def test_every_figure_equals_the_raw_count(
    world, django_capture_on_commit_callbacks, history, data
):
    holder = {"now": START}
    try:
        with clock_at(holder), transaction.atomic():
            people: list[int] = []
            for hours, step in history:
                holder["now"] += timedelta(hours=hours)
                with django_capture_on_commit_callbacks(execute=True):
                    try:
                        with transaction.atomic():
                            _step(world, people, step, holder["now"])
                    except (ValidationError, PermissionDenied):
                        pass  # e.g. a locked lesson: the service said no

            assert stats_rebuild() == []  # the announcements left no drift

            first, last = local_day(START), local_day(holder["now"])
            span = (last - first).days
            date_from = first + timedelta(days=data.draw(st.integers(0, span)))
            date_to = date_from + timedelta(days=data.draw(st.integers(0, span + 2)))
            course = data.draw(st.sampled_from([None, *world["courses"]]))
            cohort = data.draw(st.sampled_from([None, *CHOICES]))
            ids = [n.pk for n in world["neighbourhoods"]]
            for args in [
                (first, last, None, None),
                (date_from, date_to, course, cohort),
            ]:
                dashboard = ward_dashboard(
                    world["admin"],
                    None,
                    args[0],
                    args[1],
                    course=args[2],
                    birth_cohort=args[3],
                )
                want = {pk: +counts for pk, counts in naive_figures(ids, *args).items()}
                assert shown_figures(dashboard) == want, args
                total = dashboard.total
                assert dashboard.trend[-1].registered == total.registered
                assert dashboard.trend[-1].completed_any == total.completed_any
                assert sum(p.started for p in dashboard.trend) == total.started
                assert sum(p.completed for p in dashboard.trend) == total.completed
                # The trend's first week against the naive counter too, so that
                # where the trend starts from is checked, not only where it ends.
                week = dashboard.trend[0]
                naive = naive_figures(ids, args[0], week.week_end, args[2], args[3])
                for name in ("registered", "completed_any", "started", "completed"):
                    counted = sum(counts[name] for counts in naive.values())
                    assert getattr(week, name) == counted, (name, args)

            # Drift a test injects is found, reported and fixed.
            row = DailySummary.objects.order_by("?").first()
            if row is not None:
                DailySummary.objects.filter(pk=row.pk).update(
                    registered=row.registered + 3
                )
                differences = stats_rebuild()
                assert len(differences) == 1
                assert f"registered stored {row.registered + 3}" in differences[0]
                assert stats_rebuild() == []
            raise _Rollback
    except _Rollback:
        pass
