"""Reads for learning pages: a fixed number of queries, whatever the number of lessons.

Lessons are the live `LessonPage` children of a course, in the editor's order (the
tree path). Progress is counted in Python from one query per kind of row, never per
lesson or per course.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page

from .models import (
    CourseCompletion,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    LessonProgress,
)

DONE, NEW, LOCKED = "done", "new", "locked"


@dataclass
class LessonItem:
    lesson: LessonPage
    number: int
    status: str


@dataclass
class CourseProgress:
    """One course as one learner sees it: how far along, and where to go next."""

    course: CoursePage
    total: int
    done: int
    next_lesson: LessonPage | None
    completed: bool = False
    items: list[LessonItem] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class LessonPosition:
    """Where a lesson sits in its course: "Bài 2/5", previous and next."""

    course: CoursePage
    number: int
    total: int
    previous: LessonPage | None
    next: LessonPage | None
    progress: CourseProgress

    @property
    def done(self) -> bool:
        """The learner has completed this lesson (by its button or its quiz)."""
        index = self.number - 1
        items = self.progress.items
        return 0 <= index < len(items) and items[index].status == DONE


def _parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def live_lessons_by_course(courses) -> dict[int, list[LessonPage]]:
    """Live lessons of each course (by course id), in order: one query for all."""
    courses = list(courses)
    if not courses:
        return {}
    children = reduce(
        or_, (Q(path__startswith=c.path, depth=c.depth + 1) for c in courses)
    )
    by_path: dict[str, list[LessonPage]] = {c.path: [] for c in courses}
    lessons = LessonPage.objects.live().filter(children).defer_streamfields()
    for lesson in lessons.order_by("path"):
        by_path[_parent_path(lesson)].append(lesson)
    return {c.pk: by_path[c.path] for c in courses}


def completed_lesson_ids(*, user, lesson_ids) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        LessonProgress.objects.filter(
            user=user, lesson_id__in=list(lesson_ids), completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    )


def _progress(course, lessons, done_ids, completed, lock=True) -> CourseProgress:
    """Count and label lessons; `lock=False` for visitors, who may read every lesson."""
    items, next_lesson, blocked = [], None, False
    for number, lesson in enumerate(lessons, start=1):
        if lesson.pk in done_ids:
            status = DONE
        elif blocked and lock and course.unlock_in_order:
            status = LOCKED
        else:
            status = NEW
        if lesson.pk not in done_ids:
            next_lesson = next_lesson or lesson
            blocked = True
        items.append(LessonItem(lesson=lesson, number=number, status=status))
    return CourseProgress(
        course=course,
        total=len(lessons),
        done=sum(1 for lesson in lessons if lesson.pk in done_ids),
        next_lesson=next_lesson,
        completed=completed,
        items=items,
    )


def _completed_course_ids(*, user, course_ids) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        CourseCompletion.objects.filter(
            user=user, course_id__in=list(course_ids)
        ).values_list("course_id", flat=True)
    )


def course_outline(*, course: CoursePage, user) -> CourseProgress:
    """The course page: each lesson with its status (done / new / locked)."""
    lessons = live_lessons_by_course([course])[course.pk]
    done_ids = completed_lesson_ids(user=user, lesson_ids=[x.pk for x in lessons])
    completed = course.pk in _completed_course_ids(user=user, course_ids=[course.pk])
    return _progress(course, lessons, done_ids, completed, lock=user.is_authenticated)


def lesson_position(*, lesson: LessonPage, user) -> LessonPosition:
    course = CoursePage.objects.get(path=_parent_path(lesson))
    progress = course_outline(course=course, user=user)
    lessons = [item.lesson for item in progress.items]
    ids = [x.pk for x in lessons]
    index = ids.index(lesson.pk) if lesson.pk in ids else len(ids)
    return LessonPosition(
        course=course,
        number=index + 1,
        total=len(lessons),
        previous=lessons[index - 1] if 0 < index <= len(lessons) else None,
        next=lessons[index + 1] if index + 1 < len(lessons) else None,
        progress=progress,
    )


def course_cards(*, index: CourseIndexPage, user) -> list[CourseProgress]:
    """The catalogue: live courses with cover, lesson count and the user's progress."""
    courses = list(
        CoursePage.objects.live()
        .child_of(index)
        .select_related("cover")
        .prefetch_related("cover__renditions")
        .order_by("path")
    )
    lessons = live_lessons_by_course(courses)
    all_ids = [x.pk for course_lessons in lessons.values() for x in course_lessons]
    done_ids = completed_lesson_ids(user=user, lesson_ids=all_ids)
    return [_progress(c, lessons[c.pk], done_ids, False) for c in courses]


def my_learning(*, user) -> list[CourseProgress]:
    """Every course the user has started, most recently active first."""
    rows = list(
        LessonProgress.objects.filter(user=user)
        .select_related("lesson")
        .only("lesson__path", "started_at", "completed_at", "lesson_id")
    )
    last_active: dict[str, object] = {}
    for row in rows:
        when = row.completed_at or row.started_at
        path = _parent_path(row.lesson)
        last_active[path] = max(when, last_active.get(path, when))
    courses = list(CoursePage.objects.live().filter(path__in=list(last_active)))
    lessons = live_lessons_by_course(courses)
    done_ids = {row.lesson_id for row in rows if row.completed_at}
    completed = _completed_course_ids(user=user, course_ids=[c.pk for c in courses])
    result = [_progress(c, lessons[c.pk], done_ids, c.pk in completed) for c in courses]
    result.sort(key=lambda p: last_active[p.course.path], reverse=True)
    return result
