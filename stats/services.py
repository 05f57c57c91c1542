"""Writes of the statistics: one summary row at a time, or a rebuild from the raw rows.

The rebuild counts with SQL GROUP BY (at city scale: 200,000 residents, 2,000,000
lesson-progress rows), never by loading raw rows into Python: only the grouped
counts, one per summary row, come back. Days are local days (settings.TIME_ZONE),
computed by the database the way `TruncDate` does, so they equal
`timezone.localdate()` of the same timestamp.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import IntegrityError, connection, transaction
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Min,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils.dateparse import parse_date

from certificates.models import Certificate
from cms.models import PosterVisit
from community.models import ResidentProfile
from learning.models import CourseCompletion, CoursePage, LessonPage, LessonProgress
from teams.models import GroupSession, VneidLevel2

from .cohorts import NO_PERSON, cohort_expression, cohort_sql
from .models import COUNTERS, DailySummary

Key = tuple  # (day, neighbourhood_id, course_id or None, birth_cohort)
BATCH = 5000
PEOPLE_AS_LIST = 20000


def course_path_of(lesson_path: str) -> str:
    return lesson_path[: -LessonPage.steplen]


def summary_add(
    *,
    day: date,
    neighbourhood_id: int,
    course_id: int | None,
    birth_cohort: int,
    **counts: int,
) -> None:
    """Add `counts` to one row: update it, or create it, settling a race on insert."""
    lookup = {
        "day": day,
        "neighbourhood_id": neighbourhood_id,
        "course_id": course_id,
        "birth_cohort": birth_cohort,
    }
    updates = {name: F(name) + value for name, value in counts.items()}
    with transaction.atomic():
        if DailySummary.objects.filter(**lookup).update(**updates):
            return
        try:
            with transaction.atomic():  # a savepoint: a lost race leaves us standing
                DailySummary.objects.create(**lookup, **counts)
                return
        except IntegrityError:
            pass
        DailySummary.objects.filter(**lookup).update(**updates)


# --- Counting from the raw rows ------------------------------------------------------


def _local_tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _day(value) -> date:
    return parse_date(value) if isinstance(value, str) else value


def _per_day_of_first(inner: QuerySet, *, keys: tuple[str, ...] = ()):
    """Count the rows of `inner` (one per person: `user_id`, the time `first_at` of
    their first event, and `keys`) per local day of that time, `keys`, and the
    person's neighbourhood and birth cohort now: a GROUP BY over a GROUP BY.

    The inner GROUP BY touches the big table alone; the person's home is joined
    afterwards, to one row per person (200,000, not 2,000,000)."""
    try:
        sql, params = inner.query.sql_with_params()
    except EmptyResultSet:  # e.g. a neighbourhood where nobody lives
        return
    day_sql, day_params = connection.ops.datetime_cast_date_sql(
        "t.first_at", (), settings.TIME_ZONE
    )
    qn = connection.ops.quote_name
    profiles = qn(ResidentProfile._meta.db_table)
    users = qn(ResidentProfile._meta.get_field("user").related_model._meta.db_table)
    columns = "".join(f", t.{key}" for key in keys)
    positions = ", ".join(str(i) for i in range(1, len(keys) + 4))
    query = (
        f"SELECT {day_sql}, p.neighbourhood_id{columns}, "
        f"{cohort_sql('u.birth_year')}, COUNT(*) "
        f"FROM ({sql}) t "
        f"INNER JOIN {profiles} p ON p.user_id = t.user_id "
        f"INNER JOIN {users} u ON u.id = t.user_id "
        f"GROUP BY {positions}"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, (*day_params, *params))
        for day, *rest in cursor.fetchall():
            yield (_day(day), *rest)


def _raw_counts(neighbourhood_ids: list[int] | None) -> dict[Key, Counter]:
    """Every counter of every row, counted from the raw tables by the database."""
    tz = _local_tz()
    counts: dict[Key, Counter] = {}

    def add(day, neighbourhood_id, course_id, cohort, name, n):
        if n:
            key = (_day(day), neighbourhood_id, course_id, cohort)
            counts.setdefault(key, Counter())[name] += n

    def residents_of(queryset, prefix="user__resident_profile__"):
        queryset = queryset.filter(**{f"{prefix}isnull": False}).order_by()
        if neighbourhood_ids is not None:
            queryset = queryset.filter(
                **{f"{prefix}neighbourhood_id__in": neighbourhood_ids}
            )
        return queryset

    home = {
        "nb": F("user__resident_profile__neighbourhood_id"),
        "cohort": cohort_expression("user__birth_year"),
    }
    profiles = ResidentProfile.objects.order_by()
    if neighbourhood_ids is not None:
        profiles = profiles.filter(neighbourhood_id__in=neighbourhood_ids)
    profile_keys = {
        "nb": F("neighbourhood_id"),
        "cohort": cohort_expression("user__birth_year"),
    }
    for row in profiles.values(
        d=TruncDate("created_at", tzinfo=tz), **profile_keys
    ).annotate(n=Count("pk")):
        add(row["d"], row["nb"], None, row["cohort"], "registered", row["n"])
    for row in (
        profiles.exclude(status=ResidentProfile.Status.ACTIVE)
        .values(
            d=TruncDate(Coalesce("status_changed_at", "created_at"), tzinfo=tz),
            **profile_keys,
        )
        .annotate(n=Count("pk"))
    ):
        add(row["d"], row["nb"], None, row["cohort"], "removed", row["n"])

    # Started: each person's first lesson in each course, and their first of all.
    # Lessons map to their course by a CASE over the few courses, so the GROUP BY
    # over the progress rows needs no join.
    course_by_path = dict(CoursePage.objects.values_list("path", "pk"))
    lessons_by_course: dict[int, list[int]] = {}
    for pk, path in LessonPage.objects.values_list("pk", "path"):
        course_id = course_by_path.get(course_path_of(path))
        if course_id is not None:
            lessons_by_course.setdefault(course_id, []).append(pk)
    progress = LessonProgress.objects.order_by()
    completions = CourseCompletion.objects.order_by()
    if neighbourhood_ids is not None:
        people = ResidentProfile.objects.filter(
            neighbourhood_id__in=neighbourhood_ids
        ).values_list("user_id", flat=True)
        if people.count() <= PEOPLE_AS_LIST:
            # A few neighbourhoods (a move, a removal): a list lets the database use
            # the index on the person, where a subquery makes it scan every row.
            people = list(people)
        progress = progress.filter(user_id__in=people)
        completions = completions.filter(user_id__in=people)
    if lessons_by_course:
        course_of_lesson = Case(
            *[
                When(lesson_id__in=lesson_ids, then=Value(course_id))
                for course_id, lesson_ids in lessons_by_course.items()
            ],
            output_field=IntegerField(),
        )
        firsts_per_course = (
            progress.filter(
                lesson_id__in=[pk for ids in lessons_by_course.values() for pk in ids]
            )
            .values("user_id", course=course_of_lesson)
            .annotate(first_at=Min("started_at"))
        )
        for day, nb, course_id, cohort, n in _per_day_of_first(
            firsts_per_course, keys=("course",)
        ):
            add(day, nb, course_id, cohort, "started", n)
    firsts = progress.values("user_id").annotate(first_at=Min("started_at"))
    for day, nb, cohort, n in _per_day_of_first(firsts):
        add(day, nb, None, cohort, "first_started", n)

    for row in (
        residents_of(completions)
        .values("course_id", d=TruncDate("completed_at", tzinfo=tz), **home)
        .annotate(n=Count("pk"))
    ):
        add(row["d"], row["nb"], row["course_id"], row["cohort"], "completed", row["n"])
    first_completions = completions.values("user_id").annotate(
        first_at=Min("completed_at")
    )
    for day, nb, cohort, n in _per_day_of_first(first_completions):
        add(day, nb, None, cohort, "first_completed", n)

    # Certificates: each person's first certificate of each course, so a re-issue
    # or a merged duplicate (both revoked, replaced) never counts twice.
    certificates = Certificate.objects.order_by()
    if neighbourhood_ids is not None:
        certificates = certificates.filter(user_id__in=people)
    first_certificates = certificates.values("user_id", "course_id").annotate(
        first_at=Min("issued_at")
    )
    for day, nb, course_id, cohort, n in _per_day_of_first(
        first_certificates, keys=("course_id",)
    ):
        add(day, nb, course_id, cohort, "certificates", n)

    for row in (
        residents_of(VneidLevel2.objects.all())
        .values("status", d=F("activated_on"), **home)
        .annotate(n=Count("pk"))
    ):
        name = (
            "vneid_confirmed"
            if row["status"] == VneidLevel2.Status.CONFIRMED
            else "vneid_declared"
        )
        add(row["d"], row["nb"], None, row["cohort"], name, row["n"])

    sessions = GroupSession.objects.order_by()
    visits = PosterVisit.objects.filter(poster__neighbourhood__isnull=False).order_by()
    if neighbourhood_ids is not None:
        sessions = sessions.filter(neighbourhood_id__in=neighbourhood_ids)
        visits = visits.filter(poster__neighbourhood_id__in=neighbourhood_ids)
    for row in sessions.values("held_on", "neighbourhood_id", "course_id").annotate(
        n=Count("pk")
    ):
        nb, course_id = row["neighbourhood_id"], row["course_id"]
        add(row["held_on"], nb, course_id, NO_PERSON, "sessions", row["n"])
    for row in visits.values("day", nb=F("poster__neighbourhood_id")).annotate(
        n=Sum("count")
    ):
        add(row["day"], row["nb"], None, NO_PERSON, "poster_visits", row["n"])
    return counts


def _stored(neighbourhood_ids: list[int] | None) -> dict[Key, tuple[int, Counter]]:
    rows = DailySummary.objects.order_by()
    if neighbourhood_ids is not None:
        rows = rows.filter(neighbourhood_id__in=neighbourhood_ids)
    stored = {}
    for row in rows.values(
        "pk", "day", "neighbourhood_id", "course_id", "birth_cohort", *COUNTERS
    ).iterator(chunk_size=BATCH):
        key = (
            row["day"],
            row["neighbourhood_id"],
            row["course_id"],
            row["birth_cohort"],
        )
        stored[key] = (row["pk"], Counter({n: row[n] for n in COUNTERS if row[n]}))
    return stored


def _sort_key(key: Key):
    day, neighbourhood_id, course_id, cohort = key
    return (day, neighbourhood_id, course_id or 0, cohort)


@transaction.atomic
def stats_rebuild(neighbourhood_ids: Iterable[int] | None = None) -> list[str]:
    """Recompute the summary rows (of the given neighbourhoods, or all) from the raw
    rows; return the differences found, one line per counter. Only the rows that
    differ are replaced, in bulk."""
    if neighbourhood_ids is not None:
        neighbourhood_ids = sorted(set(neighbourhood_ids))
    raw = _raw_counts(neighbourhood_ids)
    stored = _stored(neighbourhood_ids)
    differences, stale, fresh = [], [], []
    for key in sorted(set(raw) | set(stored), key=_sort_key):
        want = raw.get(key, Counter())
        pk, have = stored.get(key, (None, Counter()))
        changed = False
        for name in COUNTERS:
            if want[name] != have[name]:
                changed = True
                day, neighbourhood_id, course_id, cohort = key
                differences.append(
                    f"{day} neighbourhood {neighbourhood_id} "
                    f"course {course_id or '-'} cohort {cohort}: {name} stored "
                    f"{have[name]}, counted {want[name]}"
                )
        if not changed:
            continue
        if pk is not None:
            stale.append(pk)
        if +want:
            day, neighbourhood_id, course_id, cohort = key
            fresh.append(
                DailySummary(
                    day=day,
                    neighbourhood_id=neighbourhood_id,
                    course_id=course_id,
                    birth_cohort=cohort,
                    **{name: want[name] for name in COUNTERS},
                )
            )
    for start in range(0, len(stale), BATCH):
        DailySummary.objects.filter(pk__in=stale[start : start + BATCH]).delete()
    DailySummary.objects.bulk_create(fresh, batch_size=BATCH)
    return differences
