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
