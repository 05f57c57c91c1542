"""Writes for learning: progress and course completion.

The only place these rows are made.

Each event is announced once (`learning.signals`), after the transaction commits.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .gates import lesson_is_gated
from .models import CourseCompletion, CoursePage, LessonPage, LessonProgress
from .selectors import completed_lesson_ids, live_lessons_by_course
from .signals import course_completed, lesson_completed, lesson_started


def _announce(signal, **kwargs) -> None:
    transaction.on_commit(lambda: signal.send(sender=LessonPage, **kwargs))


@transaction.atomic
def lesson_start(*, user: User, lesson: LessonPage) -> LessonProgress:
    """Note that the user opened the lesson; the first time announces it."""
    progress, created = LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    if created:
        _announce(lesson_started, user=user, lesson=lesson, progress=progress)
    return progress


@transaction.atomic
def lesson_complete(
    *, user: User, lesson: LessonPage, via_gate: bool = False
) -> LessonProgress:
    """Mark the lesson finished; finish the course when it was the last one left.

    Pressing twice records one completion. A gated lesson (`learning.gates`, e.g. one
    with a quiz) is finished only by its gate, which passes `via_gate=True`. When the
    course unlocks in order, every earlier lesson must be finished first.
    """
    if not via_gate and lesson_is_gated(lesson):
        raise ValidationError(
            _("This lesson is finished by passing its quiz."), code="gated"
        )
    course = CoursePage.objects.get(path=lesson.path[: -LessonPage.steplen])
    lessons = live_lessons_by_course([course])[course.pk]
    lesson_ids = [x.pk for x in lessons]
    if course.unlock_in_order and lesson.pk in lesson_ids:
        earlier = lesson_ids[: lesson_ids.index(lesson.pk)]
        if set(earlier) - completed_lesson_ids(user=user, lesson_ids=earlier):
            raise ValidationError(
                _("Please finish the earlier lessons of this course first."),
                code="locked",
            )

    lesson_start(user=user, lesson=lesson)
    # The row lock makes a second, simultaneous press wait and then see the first.
    progress = LessonProgress.objects.select_for_update().get(user=user, lesson=lesson)
    if progress.completed_at is not None:
        return progress
    progress.completed_at = timezone.now()
    progress.save(update_fields=["completed_at"])
    _announce(lesson_completed, user=user, lesson=lesson, progress=progress)

    done = completed_lesson_ids(user=user, lesson_ids=lesson_ids)
    if lesson_ids and done >= set(lesson_ids):
        completion, created = CourseCompletion.objects.get_or_create(
            user=user, course=course
        )
        if created:
            transaction.on_commit(
                lambda: course_completed.send(
                    sender=CoursePage, user=user, course=course, completion=completion
                )
            )
    return progress


def _earliest(*values):
    present = [value for value in values if value is not None]
    return min(present) if present else None


@transaction.atomic
def progress_merge(*, keeper: User, duplicate: User) -> list[CourseCompletion]:
    """Give `keeper` the union of both people's progress (two records, one person).

    One LessonProgress per lesson: the earliest start and the earliest completion of
    the two. Course completions are deduplicated, the earliest kept. A course whose
    lessons are all finished only in the union (some done under each record) is
    completed now, dated by its last lesson. Returns those new completions, so the
    caller can issue their certificates. Nothing is announced: the merge as a whole
    is (`community.signals.residents_merged`), and listeners re-count from it.
    """
    theirs = {
        progress.lesson_id: progress
        for progress in LessonProgress.objects.select_for_update().filter(
            user=duplicate
        )
    }
    mine = {
        progress.lesson_id: progress
        for progress in LessonProgress.objects.select_for_update().filter(
            user=keeper, lesson_id__in=list(theirs)
        )
    }
    for lesson_id, other in theirs.items():
        own = mine.get(lesson_id)
        if own is None:
            continue
        own.started_at = min(own.started_at, other.started_at)
        own.completed_at = _earliest(own.completed_at, other.completed_at)
        own.save(update_fields=["started_at", "completed_at"])
        other.delete()
    LessonProgress.objects.filter(user=duplicate).update(user=keeper)

    kept = {
        completion.course_id: completion
        for completion in CourseCompletion.objects.select_for_update().filter(
            user=keeper
        )
    }
    for other in CourseCompletion.objects.select_for_update().filter(user=duplicate):
        own = kept.get(other.course_id)
        if own is None:
            continue
        if other.completed_at < own.completed_at:
            own.completed_at = other.completed_at
            own.save(update_fields=["completed_at"])
        other.delete()
    CourseCompletion.objects.filter(user=duplicate).update(user=keeper)

    # Courses the union finished: every live lesson done, no completion yet.
    done = dict(
        LessonProgress.objects.filter(
            user=keeper, completed_at__isnull=False
        ).values_list("lesson_id", "completed_at")
    )
    completed_ids = set(
        CourseCompletion.objects.filter(user=keeper).values_list("course_id", flat=True)
    )
    course_paths = {
        path[: -LessonPage.steplen]
        for path in LessonPage.objects.filter(pk__in=list(theirs)).values_list(
            "path", flat=True
        )
    }
    courses = (
        CoursePage.objects.filter(path__in=course_paths)
        .exclude(pk__in=completed_ids)
        .defer_streamfields()
    )
    new = []
    for course_id, lessons in live_lessons_by_course(courses).items():
        ids = [lesson.pk for lesson in lessons]
        if ids and all(lesson_id in done for lesson_id in ids):
            new.append(
                CourseCompletion.objects.create(
                    user=keeper,
                    course_id=course_id,
                    completed_at=max(done[lesson_id] for lesson_id in ids),
                )
            )
    return new
