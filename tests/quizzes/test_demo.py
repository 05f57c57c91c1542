"""Demo quizzes: made once by seed_demo, and their pages give nothing away."""

import re

import pytest
from django.core.management import call_command

from learning.demo import demo_courses, demo_images
from learning.models import LessonPage
from quizzes.demo import demo_quiz_parts
from quizzes.forms import question_problem
from quizzes.models import Choice, Question, Quiz
from quizzes.services import attempt_start
from tests.community.factories import UserFactory


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def snapshot():
    return (
        list(Quiz.objects.order_by("pk").values_list("pk", "lesson_id", "live")),
        list(Question.objects.order_by("pk").values_list("pk", "quiz_id", "text")),
        list(Choice.objects.order_by("pk").values_list("pk", "text", "is_correct")),
    )


def test_seed_demo_makes_every_quiz_once(seeded):
    first = snapshot()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert snapshot() == first

    for course in demo_courses():
        final = course.lessons[-1]
        for lesson_data in course.lessons:
            quiz = Quiz.objects.get(lesson__slug=lesson_data.slug)
            assert quiz.live and quiz.pass_mark == lesson_data.quiz["pass_mark"]
            questions = list(quiz.questions.order_by("sort_order"))
            assert [q.text for q in questions] == [
                q["text"] for q in lesson_data.quiz["questions"]
            ]
            expected = (8, 10) if lesson_data is final else (3, 6)
            assert expected[0] <= len(questions) <= expected[1]
            for question, data in zip(
                questions, lesson_data.quiz["questions"], strict=True
            ):
                assert question.explanation == data["explanation"]
                assert [
                    (c.text, c.is_correct)
                    for c in question.choices.order_by("sort_order")
                ] == [(c["text"], c.get("is_correct", False)) for c in data["choices"]]
    # Every demo lesson is now finished by its quiz.
    assert Quiz.objects.count() == LessonPage.objects.count()


def test_no_demo_quiz_page_holds_correctness_before_submission(seeded, client):
    resident = UserFactory()
    client.force_login(resident)
    for quiz in Quiz.objects.select_related("lesson"):
        for url in (f"/quizzes/lessons/{quiz.lesson_id}/",):
            html = client.get(url).content.decode()
            assert "correct" not in html.lower()
        attempt = attempt_start(user=resident, quiz=quiz)
        response = client.get(f"/quizzes/attempts/{attempt.pk}/")
        assert response.status_code == 200
        html = response.content.decode()
        questions = Question.objects.filter(quiz=quiz).prefetch_related("choices")
        assert len(questions) == len(attempt.question_ids)
        for question in questions:
            assert question.text in html.replace("&#x27;", "'").replace("&quot;", '"')
            assert question.explanation not in html
        for marker in ("correct", "explanation"):  # also catches is_correct
            assert marker not in html.lower(), marker
        # The quiz form: no data attributes, no hidden values beyond its own.
        form = re.search(r'<form class="quiz-form".*?</form>', html, flags=re.S)[0]
        assert "data-" not in form
        for marker in ("true", "false"):
            assert marker not in form.lower(), marker
        hidden = re.findall(r'type="hidden" name="([^"]+)"', form)
        assert set(hidden) <= {"csrfmiddlewaretoken", "screen"}
        # Every choice appears exactly as a plain radio/checkbox value, nothing more.
        for question in questions:
            for choice in question.choices.all():
                assert f'name="q-{question.pk}" value="{choice.pk}"' in html


QUIZZED = [
    lesson for course in demo_courses() for lesson in course.lessons if lesson.quiz
]


@pytest.mark.parametrize(
    "lesson", QUIZZED, ids=lambda lesson: f"{lesson.path.parent.name}/{lesson.slug}"
)
def test_every_demo_quiz_is_valid_for_the_quiz_models(db, lesson):
    fields, questions = demo_quiz_parts(
        lesson.quiz, images=demo_images(), where=str(lesson.path)
    )
    Quiz(**fields).full_clean(exclude=["lesson"])
    assert questions
    for question in questions:
        question.full_clean(exclude=["quiz"])
        choices = list(question.choices.all())
        for choice in choices:
            choice.full_clean(exclude=["question"])
        written = [
            {"text": c.text, "image": c.image, "is_correct": c.is_correct}
            for c in choices
        ]
        assert question_problem(question.kind, written) == "", question.text
