"""quizzes' part of "download my data" (`community.privacy`): every attempt, with
the answers given and, once submitted, whether each was right."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from community.privacy import personal_data_register

from .models import Choice, Question, QuizAttempt


def attempts_of_person(user) -> list[dict]:
    attempts = list(
        QuizAttempt.objects.filter(user=user)
        .select_related("quiz__lesson")
        .order_by("started_at", "pk")
    )
    question_ids = {qid for attempt in attempts for qid in attempt.question_ids}
    questions = Question.objects.in_bulk(question_ids)
    choices = Choice.objects.in_bulk(
        {
            int(cid)
            for attempt in attempts
            for picked in attempt.answers.values()
            for cid in picked
        }
    )
    correct: dict[int, set[int]] = {}
    for question_id, choice_id in Choice.objects.filter(
        question_id__in=question_ids, is_correct=True
    ).values_list("question_id", "pk"):
        correct.setdefault(question_id, set()).add(choice_id)
    items = []
    for attempt in attempts:
        answers = []
        for question_id in attempt.question_ids:
            picked = [int(cid) for cid in attempt.answers.get(str(question_id), [])]
            question = questions.get(question_id)
            if question is None or not picked:
                continue
            chosen = ", ".join(
                choices[cid].text or gettext("(a picture)")
                for cid in picked
                if cid in choices
            )
            line = f"{question.text} → {chosen}"
            if attempt.is_submitted:
                right = set(picked) == correct.get(question_id, set())
                line += " (" + (gettext("right") if right else gettext("wrong")) + ")"
            answers.append(line)
        items.append(
            {
                "quiz": attempt.quiz.lesson.title,
                "started_at": attempt.started_at,
                "submitted_at": attempt.submitted_at,
                "score": attempt.score,
                "passed": attempt.passed,
                "answers": answers,
            }
        )
    return items


personal_data_register(
    "quiz_attempts",
    _("Your quiz attempts"),
    attempts_of_person,
    labels={
        "quiz": _("Quiz"),
        "started_at": _("Started on"),
        "submitted_at": _("Handed in on"),
        "score": _("Score (%)"),
        "passed": _("Passed"),
        "answers": _("Your answers"),
    },
    order=40,
)
