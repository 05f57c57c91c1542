import pytest
from django.core.exceptions import ValidationError

from learning import gates
from learning.models import CourseCompletion, LessonProgress
from learning.services import lesson_complete, lesson_start
from learning.signals import course_completed, lesson_completed, lesson_started

from .factories import make_course, make_lesson


@pytest.fixture
def resident(places, make_resident):
    return make_resident(places["n1"])


@pytest.fixture
def received():
    """Signals received, by name, as (user, page) pairs."""
    log = {"started": [], "completed": [], "course": []}

    def on_started(sender, user, lesson, **kwargs):
        log["started"].append((user.pk, lesson.pk))

    def on_completed(sender, user, lesson, **kwargs):
        log["completed"].append((user.pk, lesson.pk))

    def on_course(sender, user, course, **kwargs):
        log["course"].append((user.pk, course.pk))

    lesson_started.connect(on_started)
    lesson_completed.connect(on_completed)
    course_completed.connect(on_course)
    yield log
    lesson_started.disconnect(on_started)
    lesson_completed.disconnect(on_completed)
    course_completed.disconnect(on_course)


def test_start_is_idempotent_and_announced_once(
    resident, received, django_capture_on_commit_callbacks
):
    _course, (lesson, *_rest) = make_course(lessons=2)
    with django_capture_on_commit_callbacks(execute=True):
        first = lesson_start(user=resident, lesson=lesson)
        second = lesson_start(user=resident, lesson=lesson)
    assert first.pk == second.pk
    assert LessonProgress.objects.filter(user=resident).count() == 1
    assert received["started"] == [(resident.pk, lesson.pk)]


def test_complete_twice_records_one_completion_and_one_signal(
    resident, received, django_capture_on_commit_callbacks
):
    _course, (lesson, _other) = make_course(lessons=2)
    with django_capture_on_commit_callbacks(execute=True):
        first = lesson_complete(user=resident, lesson=lesson)
        second = lesson_complete(user=resident, lesson=lesson)
    assert first.completed_at == second.completed_at is not None
    assert LessonProgress.objects.get(user=resident, lesson=lesson).completed_at
    assert received["completed"] == [(resident.pk, lesson.pk)]
    assert received["started"] == [(resident.pk, lesson.pk)]
    assert received["course"] == []


def test_in_order_course_refuses_a_later_lesson_and_records_nothing(
    resident, received, django_capture_on_commit_callbacks
):
    _course, (first, second) = make_course(lessons=2, unlock_in_order=True)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValidationError) as error:
            lesson_complete(user=resident, lesson=second)
    assert error.value.code == "locked"
    assert not LessonProgress.objects.filter(user=resident).exists()
    assert received == {"started": [], "completed": [], "course": []}

    lesson_complete(user=resident, lesson=first)
    assert lesson_complete(user=resident, lesson=second).completed_at


def test_any_order_course_accepts_a_later_lesson_first(resident):
    _course, (_first, second) = make_course(lessons=2)
    assert lesson_complete(user=resident, lesson=second).completed_at


def test_course_completes_once_and_stays_complete_after_a_new_lesson(
    resident, received, django_capture_on_commit_callbacks
):
    course, lessons = make_course(lessons=3)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons[:2]:
            lesson_complete(user=resident, lesson=lesson)
        assert not CourseCompletion.objects.exists()
        lesson_complete(user=resident, lesson=lessons[2])
        lesson_complete(user=resident, lesson=lessons[2])
    assert CourseCompletion.objects.filter(user=resident, course=course).count() == 1
    assert received["course"] == [(resident.pk, course.pk)]

    newer = make_lesson(course, 4)
    assert CourseCompletion.objects.filter(user=resident, course=course).exists()
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=resident, lesson=newer)
    assert CourseCompletion.objects.filter(user=resident, course=course).count() == 1
    assert received["course"] == [(resident.pk, course.pk)]


def test_unpublished_lessons_do_not_count(resident):
    course, (lesson, draft) = make_course(lessons=2)
    draft.unpublish()
    lesson_complete(user=resident, lesson=lesson)
    assert CourseCompletion.objects.filter(user=resident, course=course).exists()


def test_a_gated_lesson_is_completed_only_through_its_gate(resident, monkeypatch):
    _course, (lesson, _other) = make_course(lessons=2)
    monkeypatch.setattr(gates, "completion_gates", [lambda page: page.pk == lesson.pk])
    with pytest.raises(ValidationError) as error:
        lesson_complete(user=resident, lesson=lesson)
    assert error.value.code == "gated"
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    assert lesson_complete(user=resident, lesson=lesson, via_gate=True).completed_at


def test_register_completion_gate_adds_once(monkeypatch):
    monkeypatch.setattr(gates, "completion_gates", [])

    def has_quiz(lesson):
        return True

    gates.register_completion_gate(has_quiz)
    gates.register_completion_gate(has_quiz)
    assert gates.completion_gates == [has_quiz]
