"""Grading on the server, retries, and the gate that makes a quiz finish its lesson."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from learning.models import CourseCompletion, LessonProgress
from learning.services import lesson_complete
from quizzes.models import Choice, Question, QuizAttempt
from quizzes.selectors import attempt_rule, lesson_has_quiz
from quizzes.services import attempt_answer, attempt_start, attempt_submit
from tests.learning.factories import make_course

from .factories import make_quiz, many_questions, right_answers, wrong_answers


@pytest.fixture
def resident(places, make_resident):
    return make_resident(places["n1"])


def completed(user, lesson) -> bool:
    return LessonProgress.objects.filter(
        user=user, lesson=lesson, completed_at__isnull=False
    ).exists()


def test_all_right_passes_and_completes_the_lesson_through_learning(resident):
    _course, (lesson, _other) = make_course(lessons=2)
    quiz = make_quiz(lesson)
    attempt = attempt_start(user=resident, quiz=quiz)
    assert len(attempt.question_ids) == 3
    attempt = attempt_submit(attempt=attempt, answers=right_answers(attempt))
    assert (attempt.correct_count, attempt.score, attempt.passed) == (3, 100, True)
    assert attempt.submitted_at is not None
    assert completed(resident, lesson)


@pytest.mark.parametrize(
    ("kind", "ticked", "right"),
    [
        ("single", ["A"], True),
        ("single", ["B"], False),
        ("truefalse", ["B"], True),
        ("truefalse", ["A"], False),
        ("picture", ["A"], True),
        ("picture", ["C"], False),
        ("multiple", ["A", "B"], True),
        ("multiple", ["A"], False),  # half the right answers is not right
        ("multiple", ["A", "B", "C"], False),  # a wrong one ticked too
    ],
)
def test_grading_per_kind(resident, kind, ticked, right):
    _course, (lesson,) = make_course(lessons=1)
    correct = {"single": "A", "truefalse": "B", "picture": "A", "multiple": "AB"}[kind]
    choices = [(label, label in correct) for label in "ABC"]
    quiz = make_quiz(lesson, questions=[(kind, "Câu hỏi", choices)])
    attempt = attempt_start(user=resident, quiz=quiz)
    question_id = attempt.question_ids[0]
    ids = {c.text: c.pk for c in Choice.objects.filter(question_id=question_id)}
    attempt = attempt_submit(
        attempt=attempt, answers={question_id: [ids[t] for t in ticked]}
    )
    assert attempt.passed is right
    assert attempt.correct_count == int(right)
    assert completed(resident, lesson) is right


@pytest.mark.parametrize(("right", "passed"), [(8, True), (7, False), (10, True)])
def test_pass_mark_is_compared_exactly(resident, right, passed):
    _course, (lesson,) = make_course(lessons=1)
    quiz = make_quiz(lesson, questions=many_questions(10), pass_mark=80)
    attempt = attempt_start(user=resident, quiz=quiz)
    good, bad = right_answers(attempt), wrong_answers(attempt)
    answers = {
        q: (good[q] if n < right else bad[q])
        for n, q in enumerate(attempt.question_ids)
    }
    attempt = attempt_submit(attempt=attempt, answers=answers)
    assert attempt.score == right * 10
    assert attempt.passed is passed


def test_three_of_four_fails_an_80_percent_mark(resident):
    _course, (lesson,) = make_course(lessons=1)
    quiz = make_quiz(lesson, questions=many_questions(4))
    attempt = attempt_start(user=resident, quiz=quiz)
    good, bad = right_answers(attempt), wrong_answers(attempt)
    first = attempt.question_ids[0]
    attempt = attempt_submit(attempt=attempt, answers={**good, first: bad[first]})
    assert (attempt.score, attempt.passed) == (75, False)
    assert not completed(resident, lesson)


def test_the_done_button_refuses_a_lesson_with_a_quiz(resident):
    _course, (lesson,) = make_course(lessons=1)
    assert not lesson_has_quiz(lesson)
    make_quiz(lesson)
    assert lesson_has_quiz(lesson)
    with pytest.raises(ValidationError):
        lesson_complete(user=resident, lesson=lesson)
    assert not completed(resident, lesson)


def test_a_draft_quiz_or_one_without_questions_does_not_gate(resident):
    _course, (draft_lesson, empty_lesson) = make_course(lessons=2)
    make_quiz(draft_lesson, live=False)
    make_quiz(empty_lesson, questions=[])
    assert not lesson_has_quiz(draft_lesson)
    assert not lesson_has_quiz(empty_lesson)
    lesson_complete(user=resident, lesson=draft_lesson)
    assert completed(resident, draft_lesson)


def test_passing_the_final_test_completes_the_course(resident):
    course, (first, final) = make_course(lessons=2)
    lesson_complete(user=resident, lesson=first)
    quiz = make_quiz(final, questions=many_questions(9))
    attempt = attempt_start(user=resident, quiz=quiz)
    attempt_submit(attempt=attempt, answers=wrong_answers(attempt))
    assert not CourseCompletion.objects.filter(user=resident).exists()
    attempt = attempt_start(user=resident, quiz=quiz)
    attempt_submit(attempt=attempt, answers=right_answers(attempt))
    assert CourseCompletion.objects.filter(user=resident, course=course).count() == 1
    assert QuizAttempt.objects.filter(user=resident, quiz=quiz).count() == 2


def test_start_twice_resumes_the_open_attempt(resident):
    _course, (lesson,) = make_course(lessons=1)
    quiz = make_quiz(lesson)
    first = attempt_start(user=resident, quiz=quiz)
    assert attempt_start(user=resident, quiz=quiz).pk == first.pk
    assert QuizAttempt.objects.count() == 1


def test_a_second_submit_changes_nothing(resident):
    _course, (lesson,) = make_course(lessons=1)
    quiz = make_quiz(lesson)
    attempt = attempt_start(user=resident, quiz=quiz)
    stale = QuizAttempt.objects.get(pk=attempt.pk)
    attempt_submit(attempt=attempt, answers=wrong_answers(attempt))
    before = QuizAttempt.objects.values().get(pk=attempt.pk)
    with pytest.raises(ValidationError) as error:
        attempt_submit(attempt=stale, answers=right_answers(stale))
    assert error.value.code == "submitted"
    assert QuizAttempt.objects.values().get(pk=attempt.pk) == before
    assert QuizAttempt.objects.count() == 1
    assert not completed(resident, lesson)


@pytest.mark.parametrize("tamper", ["foreign", "unknown", "missing", "several", "dup"])
def test_tampered_answers_are_refused_and_nothing_is_recorded(resident, tamper):
    _course, (lesson, other_lesson) = make_course(lessons=2)
    quiz = make_quiz(lesson)
    other = make_quiz(other_lesson)
    attempt = attempt_start(user=resident, quiz=quiz)
    answers = right_answers(attempt)
    single = attempt.question_ids[0]
    if tamper == "foreign":  # a right choice of the next question, and of another quiz
        answers[single] = answers[attempt.question_ids[1]][:1]
    elif tamper == "unknown":
        answers[other.questions.first().pk] = [
            other.questions.first().choices.first().pk
        ]
    elif tamper == "missing":
        del answers[attempt.question_ids[2]]
    elif tamper == "several":
        answers[single] = attempt.choice_order[str(single)]
    elif tamper == "dup":
        answers[single] = answers[single] * 2
    with pytest.raises(ValidationError):
        attempt_submit(attempt=attempt, answers=answers)
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.score is None
    assert attempt.answers == {}
    assert not completed(resident, lesson)


def test_question_count_draws_from_the_pool_and_choices_can_be_shuffled(resident):
    _course, (lesson,) = make_course(lessons=1)
    quiz = make_quiz(
        lesson, questions=many_questions(10), question_count=4, shuffle_choices=True
    )
    attempt = attempt_start(user=resident, quiz=quiz)
    pool = list(Question.objects.filter(quiz=quiz).values_list("pk", flat=True))
    assert len(attempt.question_ids) == 4 and set(attempt.question_ids) <= set(pool)
    assert attempt.question_ids == sorted(attempt.question_ids, key=pool.index)
    for question_id in attempt.question_ids:
        shown = attempt.choice_order[str(question_id)]
        assert sorted(shown) == sorted(
            Choice.objects.filter(question_id=question_id).values_list("pk", flat=True)
        )
    attempt = attempt_submit(attempt=attempt, answers=right_answers(attempt))
    assert attempt.passed


def test_max_attempts_and_the_wait_after_a_failure(resident):
    _course, (lesson,) = make_course(lessons=1)
    quiz = make_quiz(lesson, max_attempts=2, wait_minutes=10)
    attempt = attempt_start(user=resident, quiz=quiz)
    attempt_submit(attempt=attempt, answers=wrong_answers(attempt))
    with pytest.raises(ValidationError) as error:
        attempt_start(user=resident, quiz=quiz)
    assert error.value.code == "retry" and "10" in error.value.messages[0]
    assert QuizAttempt.objects.count() == 1

    later = timezone.now() + timedelta(minutes=11)
    assert attempt_rule(user=resident, quiz=quiz, now=later).allowed
    QuizAttempt.objects.update(submitted_at=timezone.now() - timedelta(minutes=11))
    attempt = attempt_start(user=resident, quiz=quiz)
    attempt_submit(attempt=attempt, answers=wrong_answers(attempt))
    QuizAttempt.objects.update(submitted_at=timezone.now() - timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        attempt_start(user=resident, quiz=quiz)
    assert "2" in error.value.messages[0]
    assert QuizAttempt.objects.count() == 2


def test_a_locked_lesson_quiz_cannot_be_started(resident):
    _course, (_first, second) = make_course(lessons=2, unlock_in_order=True)
    quiz = make_quiz(second)
    with pytest.raises(ValidationError) as error:
        attempt_start(user=resident, quiz=quiz)
    assert error.value.code == "locked"
    assert not QuizAttempt.objects.exists()


def test_answers_saved_screen_by_screen_are_graded_only_at_the_end(resident):
    _course, (lesson,) = make_course(lessons=1)
    quiz = make_quiz(lesson, layout="one")
    attempt = attempt_start(user=resident, quiz=quiz)
    good = right_answers(attempt)
    for question_id in attempt.question_ids:
        attempt = attempt_answer(
            attempt=attempt, question_id=question_id, choice_ids=good[question_id]
        )
    assert attempt.score is None and not attempt.passed
    assert not completed(resident, lesson)
    with pytest.raises(ValidationError):
        attempt_answer(
            attempt=attempt, question_id=attempt.question_ids[0], choice_ids=[0]
        )
    attempt = attempt_submit(
        attempt=attempt, answers={int(k): v for k, v in attempt.answers.items()}
    )
    assert attempt.passed and completed(resident, lesson)
