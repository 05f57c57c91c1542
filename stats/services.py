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
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Min, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, Length, Substr, TruncDate
from django.utils.dateparse import parse_date

from certificates.models import Certificate
from cms.models import PosterVisit
from community.models import ResidentProfile
from learning.models import CourseCompletion, CoursePage, LessonPage, LessonProgress
from teams.models import GroupSession, VneidLevel2

from .cohorts import NO_PERSON, cohort_expression
from .models import COUNTERS, DailySummary

Key = tuple  # (day, neighbourhood_id, course_id or None, birth_cohort)
BATCH = 5000


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


def _per_day_of_first(inner: QuerySet, *, at: str, keys: tuple[str, ...]):
    """Rows of `inner` (one per person, with the time `at` of their first event)
    counted per local day of that time and `keys`: a GROUP BY over a GROUP BY."""
    sql, params = inner.query.sql_with_params()
    day_sql, day_params = connection.ops.datetime_cast_date_sql(
        f"t.{at}", (), settings.TIME_ZONE
    )
    columns = ", ".join(f"t.{key}" for key in keys)
    positions = ", ".join(str(i) for i in range(1, len(keys) + 2))
    query = f"SELECT {day_sql}, {columns}, COUNT(*) FROM ({sql}) t GROUP BY {positions}"
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
    course_by_path = dict(CoursePage.objects.values_list("path", "pk"))
    progress = residents_of(LessonProgress.objects.all())
    firsts_per_course = progress.values(
        "user_id",
        cp=Substr(
            "lesson__path", 1, Length("lesson__path") - Value(LessonPage.steplen)
        ),
        **home,
    ).annotate(first_at=Min("started_at"))
    for day, nb, path, cohort, n in _per_day_of_first(
        firsts_per_course, at="first_at", keys=("nb", "cp", "cohort")
    ):
        if path in course_by_path:
            add(day, nb, course_by_path[path], cohort, "started", n)
    firsts = progress.values("user_id", **home).annotate(first_at=Min("started_at"))
    for day, nb, cohort, n in _per_day_of_first(
        firsts, at="first_at", keys=("nb", "cohort")
    ):
        add(day, nb, None, cohort, "first_started", n)

    completions = residents_of(CourseCompletion.objects.all())
    for row in completions.values(
        "course_id", d=TruncDate("completed_at", tzinfo=tz), **home
    ).annotate(n=Count("pk")):
        add(row["d"], row["nb"], row["course_id"], row["cohort"], "completed", row["n"])
    first_completions = completions.values("user_id", **home).annotate(
        first_at=Min("completed_at")
    )
    for day, nb, cohort, n in _per_day_of_first(
        first_completions, at="first_at", keys=("nb", "cohort")
    ):
        add(day, nb, None, cohort, "first_completed", n)

    for row in (
        residents_of(Certificate.objects.all())
        .values("course_id", d=TruncDate("issued_at", tzinfo=tz), **home)
        .annotate(n=Count("pk"))
    ):
        add(
            row["d"],
            row["nb"],
            row["course_id"],
            row["cohort"],
            "certificates",
            row["n"],
        )

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
