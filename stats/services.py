"""Rebuild the summary rows from the raw rows, reporting any drift."""

from collections import Counter

from django.db import transaction
from django.utils import timezone

from certificates.models import Certificate
from community.models import ResidentProfile
from learning.models import CourseCompletion, CoursePage, LessonProgress
from teams.models import GroupSession

from .models import COUNTERS, DailySummary
from .receivers import course_path_of

Key = tuple  # (day, neighbourhood_id, course_id)


def _raw_counts() -> dict[Key, Counter]:
    """Every counter of every row, counted from the raw tables."""
    counts: dict[Key, Counter] = {}

    def add(key, name):
        counts.setdefault(key, Counter())[name] += 1

    home = dict(ResidentProfile.objects.values_list("user_id", "neighbourhood_id"))
    for neighbourhood_id, created_at in ResidentProfile.objects.values_list(
        "neighbourhood_id", "created_at"
    ):
        add((timezone.localdate(created_at), neighbourhood_id, None), "registered")

    course_by_path = dict(CoursePage.objects.values_list("path", "pk"))
    first_start = {}
    for user_id, path, started_at, pk in LessonProgress.objects.values_list(
        "user_id", "lesson__path", "started_at", "pk"
    ):
        course_id = course_by_path.get(course_path_of(path))
        if course_id is None or user_id not in home:
            continue
        key = (user_id, course_id)
        if key not in first_start or (started_at, pk) < first_start[key]:
            first_start[key] = (started_at, pk)
    for (user_id, course_id), (started_at, _pk) in first_start.items():
        add((timezone.localdate(started_at), home[user_id], course_id), "started")

    for user_id, course_id, at in CourseCompletion.objects.values_list(
        "user_id", "course_id", "completed_at"
    ):
        if user_id in home:
            add((timezone.localdate(at), home[user_id], course_id), "completed")
    for user_id, course_id, at in Certificate.objects.values_list(
        "user_id", "course_id", "issued_at"
    ):
        if user_id in home:
            add((timezone.localdate(at), home[user_id], course_id), "certificates")
    for held_on, neighbourhood_id, course_id in GroupSession.objects.values_list(
        "held_on", "neighbourhood_id", "course_id"
    ):
        add((held_on, neighbourhood_id, course_id), "sessions")
    return counts


def _stored_counts() -> dict[Key, Counter]:
    return {
        (row["day"], row["neighbourhood_id"], row["course_id"]): Counter(
            {name: row[name] for name in COUNTERS if row[name]}
        )
        for row in DailySummary.objects.values(
            "day", "neighbourhood_id", "course_id", *COUNTERS
        )
    }


@transaction.atomic
def stats_rebuild() -> list[str]:
    """Recompute every summary row from the raw rows; return the differences found."""
    raw = _raw_counts()
    stored = _stored_counts()
    differences = []
    for key in sorted(set(raw) | set(stored), key=lambda k: (k[0], k[1], k[2] or 0)):
        want, have = raw.get(key, Counter()), stored.get(key, Counter())
        for name in COUNTERS:
            if want[name] != have[name]:
                day, neighbourhood_id, course_id = key
                differences.append(
                    f"{day} neighbourhood {neighbourhood_id} "
                    f"course {course_id or '-'}: {name} stored {have[name]}, "
                    f"counted {want[name]}"
                )
    if differences:
        DailySummary.objects.all().delete()
        DailySummary.objects.bulk_create(
            DailySummary(
                day=day,
                neighbourhood_id=neighbourhood_id,
                course_id=course_id,
                **{name: counts[name] for name in COUNTERS},
            )
            for (day, neighbourhood_id, course_id), counts in raw.items()
        )
    return differences
