"""Keep the summary rows current from the announcements of the apps below.

The announcements are sent after their transaction commits; each receiver adds to one
row with an atomic `F()` update, creating the row when it is missing.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from community.models import ResidentProfile
from learning.models import CoursePage, LessonPage, LessonProgress

from .models import DailySummary


def summary_add(
    *, day: date, neighbourhood_id: int, course_id: int | None, **counts: int
) -> None:
    """Add `counts` to one row: update it, or create it, settling a race on insert."""
    lookup = {"day": day, "neighbourhood_id": neighbourhood_id, "course_id": course_id}
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


def _neighbourhood_id(user_id: int) -> int | None:
    return (
        ResidentProfile.objects.filter(user_id=user_id)
        .values_list("neighbourhood_id", flat=True)
        .first()
    )


def course_path_of(lesson_path: str) -> str:
    return lesson_path[: -LessonPage.steplen]


def on_resident_registered(sender, profile, **kwargs):
    summary_add(
        day=timezone.localdate(profile.created_at),
        neighbourhood_id=profile.neighbourhood_id,
        course_id=None,
        registered=1,
    )


def on_lesson_started(sender, user, lesson, progress, **kwargs):
    """Counted once per resident and course: only their first lesson there."""
    neighbourhood_id = _neighbourhood_id(user.pk)
    course_path = course_path_of(lesson.path)
    course_id = (
        CoursePage.objects.filter(path=course_path).values_list("pk", flat=True).first()
    )
    if neighbourhood_id is None or course_id is None:
        return
    earlier = (
        LessonProgress.objects.filter(
            user_id=user.pk, lesson__path__startswith=course_path
        )
        .exclude(pk=progress.pk)
        .filter(
            Q(started_at__lt=progress.started_at)
            | Q(started_at=progress.started_at, pk__lt=progress.pk)
        )
    )
    if earlier.exists():
        return
    summary_add(
        day=timezone.localdate(progress.started_at),
        neighbourhood_id=neighbourhood_id,
        course_id=course_id,
        started=1,
    )


def on_course_completed(sender, user, course, completion, **kwargs):
    """A re-sent announcement without its completion row counts nothing."""
    if completion is None:
        return
    neighbourhood_id = _neighbourhood_id(user.pk)
    if neighbourhood_id is None:
        return
    summary_add(
        day=timezone.localdate(completion.completed_at),
        neighbourhood_id=neighbourhood_id,
        course_id=course.pk,
        completed=1,
    )


def on_certificate_issued(sender, certificate, **kwargs):
    neighbourhood_id = _neighbourhood_id(certificate.user_id)
    if neighbourhood_id is None:
        return
    summary_add(
        day=timezone.localdate(certificate.issued_at),
        neighbourhood_id=neighbourhood_id,
        course_id=certificate.course_id,
        certificates=1,
    )


def on_session_logged(sender, session, **kwargs):
    summary_add(
        day=session.held_on,
        neighbourhood_id=session.neighbourhood_id,
        course_id=session.course_id,
        sessions=1,
    )
