"""HTTP for quizzes: parse the form, call one service or selector, render.

Answers arrive as plain form fields `q-<question id>` holding choice ids; any other
field is refused, and everything else (which ids belong where, grading) is the
services' business.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import Quiz, QuizAttempt
from .selectors import (
    attempt_questions,
    attempt_result,
    attempt_saved_answers,
    attempt_screen,
    live_quiz_for_lesson,
    quiz_overview,
)
from .services import attempt_start, attempt_take

FORM_FIELDS = {"csrfmiddlewaretoken", "screen"}


def _parse_answers(post) -> dict[int, list[int]]:
    """`q-12=34&q-12=35` -> {12: [34, 35]}; unknown fields or non-numbers refused."""
    answers: dict[int, list[int]] = {}
    for key in post:
        if key in FORM_FIELDS:
            continue
        prefix, _sep, question_id = key.partition("-")
        values = post.getlist(key)
        if (
            prefix != "q"
            or not question_id.isdecimal()
            or not all(v.isdecimal() for v in values)
        ):
            raise ValidationError(
                _("The answers do not match this quiz. Please start again."),
                code="bad_field",
            )
        answers[int(question_id)] = [int(v) for v in values]
    return answers


def _quiz(lesson_id: int) -> Quiz:
    quiz = live_quiz_for_lesson(lesson_id=lesson_id)
    if quiz is None:
        raise Http404
    return quiz


def _attempt(request, attempt_id: int) -> QuizAttempt:
    return get_object_or_404(
        QuizAttempt.objects.select_related("quiz__lesson"),
        pk=attempt_id,
        user=request.user,
    )


@login_required
def quiz_view(request, lesson_id: int):
    quiz = _quiz(lesson_id)
    return render(
        request,
        "quizzes/quiz.html",
        {"overview": quiz_overview(quiz=quiz, user=request.user), "quiz": quiz},
    )


@require_POST
@login_required
def quiz_start_view(request, lesson_id: int):
    quiz = _quiz(lesson_id)
    try:
        attempt = attempt_start(user=request.user, quiz=quiz)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("quizzes:lesson_quiz", lesson_id=lesson_id)
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


@login_required
def attempt_view(request, attempt_id: int):
    """Take the quiz: every question on one page, or one per screen."""
    attempt = _attempt(request, attempt_id)
    if attempt.is_submitted:
        return redirect("quizzes:result", attempt_id=attempt.pk)
    one_per_screen = attempt.quiz.layout == Quiz.Layout.ONE
    url = reverse("quizzes:attempt", args=[attempt.pk])
    chosen = None
    if request.method == "POST":
        answers: dict[int, list[int]] = {}
        try:
            answers = _parse_answers(request.POST)
            progress = attempt_take(
                attempt=attempt, answers=answers, screen=request.POST.get("screen")
            )
        except ValidationError as error:
            if error.code == "submitted":
                messages.info(request, " ".join(error.messages))
                return redirect("quizzes:result", attempt_id=attempt.pk)
            messages.error(request, " ".join(error.messages))
            if one_per_screen and error.code == "missing":
                return redirect(url)  # to the first screen left unanswered
            # Keep what the person ticked that still makes sense: nothing is lost.
            chosen = {**attempt_saved_answers(attempt=attempt), **answers}
        else:
            if progress.submitted:
                return redirect("quizzes:result", attempt_id=attempt.pk)
            return redirect(f"{url}?q={progress.next_screen}")
    items = attempt_questions(attempt=attempt, chosen=chosen)
    context = {"attempt": attempt, "quiz": attempt.quiz, "total": len(items)}
    if one_per_screen and items:
        number = attempt_screen(attempt=attempt, requested=request.GET.get("q"))
        context.update(items=[items[number - 1]], screen=number)
    else:
        context.update(items=items, screen=None)
    return render(request, "quizzes/attempt.html", context)


@login_required
def attempt_result_view(request, attempt_id: int):
    attempt = _attempt(request, attempt_id)
    if not attempt.is_submitted:
        return redirect("quizzes:attempt", attempt_id=attempt.pk)
    return render(
        request, "quizzes/result.html", {"result": attempt_result(attempt=attempt)}
    )
