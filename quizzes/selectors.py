"""Reads for quizzes: a fixed number of queries, whatever the number of questions.

Nothing here that feeds the page before submission carries correctness: the take page
gets `QuestionItem`s (question text and choices to show), never `is_correct` nor the
explanation; only `attempt_result` reads them, and only for a submitted attempt.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.models import Page

from learning.selectors import LessonPosition, lesson_position

from .models import Choice, Question, Quiz, QuizAttempt


def lesson_has_quiz(lesson: Page) -> bool:
    """The completion gate: a lesson with a live quiz that has questions."""
    return Quiz.objects.filter(
        lesson_id=lesson.pk, live=True, questions__isnull=False
    ).exists()


def live_quiz_for_lesson(*, lesson_id: int) -> Quiz | None:
    return (
        Quiz.objects.filter(lesson_id=lesson_id, live=True, lesson__live=True)
        .select_related("lesson")
        .first()
    )


@dataclass
class ShownChoice:
    """A choice as the take page shows it: no `is_correct` on purpose."""

    id: int
    text: str
    image: object
    chosen: bool = False


@dataclass
class QuestionItem:
    number: int
    id: int
    kind: str
    text: str
    takes_several: bool
    choices: list[ShownChoice]


def _questions(attempt: QuizAttempt) -> dict[int, Question]:
    """The attempt's questions with choices and pictures: a fixed few queries."""
    questions = (
        Question.objects.filter(pk__in=attempt.question_ids)
        .prefetch_related("choices__image__renditions")
        .only("pk", "kind", "text", "explanation")
    )
    return {q.pk: q for q in questions}


def _ordered_choices(attempt: QuizAttempt, question: Question) -> list[Choice]:
    by_id = {c.pk: c for c in question.choices.all()}
    order = attempt.choice_order.get(str(question.pk), [])
    shown = [by_id[pk] for pk in order if pk in by_id]
    # A choice an editor added after the attempt began is not shown to it.
    return shown


def attempt_questions(
    *, attempt: QuizAttempt, chosen: dict[int, list[int]] | None = None
) -> list[QuestionItem]:
    """The questions of an attempt, in the order drawn, for the take page."""
    chosen = attempt_saved_answers(attempt=attempt) if chosen is None else chosen
    questions = _questions(attempt)
    items = []
    for question_id in attempt.question_ids:
        question = questions.get(question_id)
        if question is None:
            continue
        picked = set(chosen.get(question_id, []))
        items.append(
            QuestionItem(
                number=len(items) + 1,
                id=question.pk,
                kind=question.kind,
                text=question.text,
                takes_several=question.takes_several,
                choices=[
                    ShownChoice(
                        id=c.pk, text=c.text, image=c.image, chosen=c.pk in picked
                    )
                    for c in _ordered_choices(attempt, question)
                ],
            )
        )
    return items


def attempt_screen(*, attempt: QuizAttempt, requested: str | int | None = None) -> int:
    """The screen (1-based) of a one-question-per-screen quiz to show: the one asked
    for if it exists, else the first question not yet answered, else the last."""
    question_ids = attempt.question_ids
    total = len(question_ids)
    raw = str(requested or "")
    if raw.isdecimal() and 1 <= int(raw) <= total:
        return int(raw)
    saved = attempt.answers or {}
    for number, question_id in enumerate(question_ids, start=1):
        if str(question_id) not in saved:
            return number
    return total


def attempt_saved_answers(*, attempt: QuizAttempt) -> dict[int, list[int]]:
    return {int(k): list(v) for k, v in attempt.answers.items()}


@dataclass
class ResultChoice:
    text: str
    image: object
    chosen: bool
    correct: bool


@dataclass
class ResultItem:
    number: int
    text: str
    explanation: str
    right: bool
    choices: list[ResultChoice]


@dataclass
class AttemptResult:
    attempt: QuizAttempt
    quiz: Quiz
    total: int
    items: list[ResultItem]
    position: LessonPosition
    rule: "AttemptRule"


def attempt_result(*, attempt: QuizAttempt) -> AttemptResult:
    """The result page of a submitted attempt: each answer, the right one, why."""
    if not attempt.is_submitted:
        raise ValueError("only a submitted attempt has a result")
    questions = _questions(attempt)
    answers = attempt_saved_answers(attempt=attempt)
    items = []
    for question_id in attempt.question_ids:
        question = questions.get(question_id)
        if question is None:
            continue
        picked = set(answers.get(question_id, []))
        choices = [
            ResultChoice(
                text=c.text, image=c.image, chosen=c.pk in picked, correct=c.is_correct
            )
            for c in _ordered_choices(attempt, question)
        ]
        items.append(
            ResultItem(
                number=len(items) + 1,
                text=question.text,
                explanation=question.explanation,
                right=all(c.chosen == c.correct for c in choices),
                choices=choices,
            )
        )
    quiz = attempt.quiz
    return AttemptResult(
        attempt=attempt,
        quiz=quiz,
        total=len(attempt.question_ids),
        items=items,
        position=lesson_position(lesson=quiz.lesson, user=attempt.user),
        rule=attempt_rule(user=attempt.user, quiz=quiz),
    )


@dataclass
class AttemptRule:
    """May the user start (or resume) an attempt now? If not, why, in plain words."""

    open_attempt: QuizAttempt | None
    submitted: list[QuizAttempt] = field(default_factory=list)
    refusal: str = ""
    available_at: datetime | None = None

    @property
    def allowed(self) -> bool:
        return not self.refusal

    @property
    def passed(self) -> bool:
        return any(a.passed for a in self.submitted)


def attempt_rule(*, user, quiz: Quiz, now: datetime | None = None) -> AttemptRule:
    """Retries (default unlimited) and the wait after a failed attempt."""
    now = now or timezone.now()
    attempts = list(
        QuizAttempt.objects.filter(user=user, quiz=quiz).defer(
            "question_ids", "choice_order", "answers"
        )
    )
    open_attempt = next((a for a in attempts if not a.is_submitted), None)
    submitted = [a for a in attempts if a.is_submitted]
    rule = AttemptRule(open_attempt=open_attempt, submitted=submitted)
    if open_attempt is not None:
        return rule
    if quiz.max_attempts and len(submitted) >= quiz.max_attempts:
        rule.refusal = ngettext(
            "You have used the %(count)d attempt this quiz allows.",
            "You have used all %(count)d attempts this quiz allows.",
            quiz.max_attempts,
        ) % {"count": quiz.max_attempts}
        return rule
    last = max(submitted, key=lambda a: a.submitted_at, default=None)
    if quiz.wait_minutes and last is not None and not last.passed:
        available_at = last.submitted_at + timedelta(minutes=quiz.wait_minutes)
        if now < available_at:
            minutes = max(1, round((available_at - now).total_seconds() / 60))
            rule.available_at = available_at
            rule.refusal = ngettext(
                "You can try again in %(minutes)d minute. Meanwhile, read the "
                "lesson again.",
                "You can try again in %(minutes)d minutes. Meanwhile, read the "
                "lesson again.",
                minutes,
            ) % {"minutes": minutes}
    return rule


@dataclass
class QuizOverview:
    quiz: Quiz
    questions: int
    rule: AttemptRule


def quiz_overview(*, quiz: Quiz, user) -> QuizOverview:
    """The quiz's landing page: how many questions, the rules, the user's attempts."""
    pool = quiz.questions.count()
    count = min(pool, quiz.question_count) if quiz.question_count else pool
    return QuizOverview(
        quiz=quiz, questions=count, rule=attempt_rule(user=user, quiz=quiz)
    )
