"""Writes for quizzes: starting, answering and submitting attempts.

The only place `QuizAttempt` rows are made or changed. Grading happens here, on the
server, from the database; the browser only ever sends choice ids. Passing a quiz
completes its lesson through `learning.services.lesson_complete` in the same
transaction, so a pass and its completion are recorded together or not at all.
"""

import random
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from learning.selectors import LOCKED, lesson_position
from learning.services import lesson_complete

from .models import Choice, Question, Quiz, QuizAttempt
from .selectors import attempt_rule, attempt_saved_answers, attempt_screen

Answers = dict[int, list[int]]


@transaction.atomic
def attempt_start(*, user: User, quiz: Quiz) -> QuizAttempt:
    """Start an attempt, or return the one already open (a reload never makes two).

    Draws the questions (all, or `question_count` of them, kept in the editor's
    order) and fixes the order of each question's choices (shuffled when asked).
    Refuses with a plain message when the retries are used up, the wait after a
    failed attempt has not passed, or the lesson is still locked.
    """
    rule = attempt_rule(user=user, quiz=quiz)
    if rule.open_attempt is not None:
        return rule.open_attempt
    if not rule.allowed:
        raise ValidationError(rule.refusal, code="retry")
    position = lesson_position(lesson=quiz.lesson, user=user)
    item = next(
        (i for i in position.progress.items if i.lesson.pk == quiz.lesson_id), None
    )
    if item is not None and item.status == LOCKED:
        raise ValidationError(
            _("Please finish the earlier lessons of this course first."),
            code="locked",
        )

    questions = list(
        Question.objects.filter(quiz=quiz)
        .prefetch_related("choices")
        .order_by("sort_order", "pk")
    )
    if not questions:
        raise ValidationError(_("This quiz has no questions yet."), code="empty")
    if quiz.question_count and quiz.question_count < len(questions):
        drawn = set(random.sample(range(len(questions)), quiz.question_count))
        questions = [q for n, q in enumerate(questions) if n in drawn]
    choice_order = {}
    for question in questions:
        ids = [c.pk for c in question.choices.all()]
        if quiz.shuffle_choices and question.kind != Question.Kind.TRUE_FALSE:
            random.shuffle(ids)
        choice_order[str(question.pk)] = ids
    try:
        # The partial unique constraint allows one open attempt per user and quiz:
        # two simultaneous starts end with the same attempt.
        with transaction.atomic():
            return QuizAttempt.objects.create(
                user=user,
                quiz=quiz,
                question_ids=[q.pk for q in questions],
                choice_order=choice_order,
            )
    except IntegrityError:
        return QuizAttempt.objects.get(user=user, quiz=quiz, submitted_at__isnull=True)


def _check_question(
    attempt: QuizAttempt, kinds: dict[int, str], question_id, choice_ids
) -> list[int]:
    """One question's answer, or ValidationError: never trust what the browser sent."""
    if not isinstance(question_id, int) or question_id not in kinds:
        raise ValidationError(
            _("The answers do not match this quiz. Please start again."),
            code="unknown_question",
        )
    if not isinstance(choice_ids, list | tuple) or not all(
        isinstance(c, int) for c in choice_ids
    ):
        raise ValidationError(
            _("The answers do not match this quiz. Please start again."),
            code="bad_choice",
        )
    allowed = set(attempt.choice_order.get(str(question_id), []))
    if not set(choice_ids) <= allowed or len(set(choice_ids)) != len(choice_ids):
        raise ValidationError(
            _("The answers do not match this quiz. Please start again."),
            code="foreign_choice",
        )
    number = attempt.question_ids.index(question_id) + 1
    if not choice_ids:
        raise ValidationError(
            _("Please answer question %(number)d.") % {"number": number},
            code="missing",
        )
    if kinds[question_id] != Question.Kind.MULTIPLE and len(choice_ids) != 1:
        raise ValidationError(
            _("Question %(number)d takes exactly one answer.") % {"number": number},
            code="several",
        )
    return list(choice_ids)


def _kinds(attempt: QuizAttempt) -> dict[int, str]:
    return dict(
        Question.objects.filter(pk__in=attempt.question_ids).values_list("pk", "kind")
    )


def _locked(attempt: QuizAttempt) -> QuizAttempt:
    """The attempt's row, locked: a second submit waits, then sees the first."""
    locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
    if locked.is_submitted:
        raise ValidationError(
            _("This attempt has already been submitted."), code="submitted"
        )
    return locked


@transaction.atomic
def attempt_answer(
    *, attempt: QuizAttempt, question_id: int, choice_ids: list[int]
) -> QuizAttempt:
    """Keep one answer of an unsubmitted attempt (one question per screen).

    Nothing is graded or shown as right or wrong: answers are locked and graded
    only by `attempt_submit`.
    """
    locked = _locked(attempt)
    answer = _check_question(locked, _kinds(locked), question_id, choice_ids)
    locked.answers = {**locked.answers, str(question_id): answer}
    locked.save(update_fields=["answers"])
    return locked


@transaction.atomic
def attempt_submit(*, attempt: QuizAttempt, answers: Answers) -> QuizAttempt:
    """Lock in the answers, grade them and, on a pass, complete the lesson.

    Refused (ValidationError, nothing recorded) when an answer names a question not
    in the attempt or a choice of another question, when a question has no answer,
    when a one-answer question gets several, or when the attempt was already
    submitted (a double submit or a replayed POST changes nothing).
    """
    locked = _locked(attempt)
    kinds = _kinds(locked)
    if not isinstance(answers, dict):
        raise ValidationError(_("No answers were sent."), code="missing")
    checked = {
        question_id: _check_question(locked, kinds, question_id, choice_ids)
        for question_id, choice_ids in answers.items()
    }
    missing = [q for q in locked.question_ids if q in kinds and q not in checked]
    if missing:
        numbers = ", ".join(str(locked.question_ids.index(q) + 1) for q in missing)
        raise ValidationError(
            _("Please answer every question (missing: %(numbers)s).")
            % {"numbers": numbers},
            code="missing",
        )

    correct_ids: dict[int, set[int]] = {q: set() for q in kinds}
    for question_id, choice_id in Choice.objects.filter(
        question_id__in=list(kinds), is_correct=True
    ).values_list("question_id", "pk"):
        correct_ids[question_id].add(choice_id)
    total = len(kinds)
    right = sum(1 for q in kinds if set(checked[q]) == correct_ids[q])
    quiz = locked.quiz
    locked.answers = {str(q): checked[q] for q in locked.question_ids if q in checked}
    locked.correct_count = right
    locked.score = 100 * right // total if total else 0
    # Compare in whole numbers: 8 right of 10 passes an 80 % mark, 3 of 4 does not.
    locked.passed = total > 0 and right * 100 >= quiz.pass_mark * total
    locked.submitted_at = timezone.now()
    fields = ["answers", "correct_count", "score", "passed", "submitted_at"]
    # Only an unsubmitted row is written: SQLite ignores the row lock above, so this
    # condition is what keeps a simultaneous second submit from grading twice there.
    written = QuizAttempt.objects.filter(
        pk=locked.pk, submitted_at__isnull=True
    ).update(**{name: getattr(locked, name) for name in fields})
    if not written:
        raise ValidationError(
            _("This attempt has already been submitted."), code="submitted"
        )
    if locked.passed:
        lesson_complete(user=locked.user, lesson=quiz.lesson, via_gate=True)
    return locked


@dataclass(frozen=True)
class AttemptProgress:
    """Where a post of the take page leaves the attempt: the next screen to show,
    or none when it was submitted (and graded)."""

    attempt: QuizAttempt
    next_screen: int | None = None

    @property
    def submitted(self) -> bool:
        return self.next_screen is None


def attempt_take(
    *, attempt: QuizAttempt, answers: Answers, screen: str | int | None = None
) -> AttemptProgress:
    """One post of the take page.

    All questions on one page: submit them. One question per screen: keep this
    screen's answer (only its own question may be answered) and move to the next;
    after the last screen, submit every kept answer. The kept answer survives a
    refused submit (ValidationError "missing": a screen was skipped), so nothing the
    person ticked is lost.
    """
    if attempt.quiz.layout != Quiz.Layout.ONE:
        return AttemptProgress(attempt=attempt_submit(attempt=attempt, answers=answers))
    question_ids = attempt.question_ids
    number = attempt_screen(attempt=attempt, requested=screen)
    question_id = question_ids[number - 1]
    if set(answers) - {question_id}:
        raise ValidationError(
            _("The answers do not match this quiz. Please start again."),
            code="unknown_question",
        )
    attempt = attempt_answer(
        attempt=attempt,
        question_id=question_id,
        choice_ids=answers.get(question_id, []),
    )
    if number < len(question_ids):
        return AttemptProgress(attempt=attempt, next_screen=number + 1)
    saved = attempt_saved_answers(attempt=attempt)
    return AttemptProgress(attempt=attempt_submit(attempt=attempt, answers=saved))


@transaction.atomic
def attempts_merge(*, keeper: User, duplicate: User) -> int:
    """Give `keeper` every quiz attempt of `duplicate` (two records, one person).

    Submitted attempts all move: they are the history. An unfinished attempt of the
    duplicate is dropped when the keeper has one open for the same quiz (only one
    may be open). Returns how many attempts moved.
    """
    open_quizzes = QuizAttempt.objects.filter(
        user=keeper, submitted_at__isnull=True
    ).values_list("quiz_id", flat=True)
    QuizAttempt.objects.filter(
        user=duplicate, submitted_at__isnull=True, quiz_id__in=list(open_quizzes)
    ).delete()
    return QuizAttempt.objects.filter(user=duplicate).update(user=keeper)
