"""Demo quizzes: made once by seed_demo, and their pages give nothing away."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.seeding import DemoDataError
from community.roles import Role
from learning import demo as learning_demo
from learning.demo import demo_courses, demo_images
from learning.models import LessonPage
from quizzes import demo as quizzes_demo
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


LESSON_FILE = "courses/su-dung-vneid/01-cai-dat-vneid.toml"
LESSON_TITLE = "Cài đặt ứng dụng VNeID"
NEW_QUESTION = """
[[quiz.questions]]
kind = "truefalse"
text = "Câu hỏi thêm vào sau."
choices = [{ text = "Đúng", is_correct = true }, { text = "Sai" }]
explanation = "Giải thích của câu mới."
"""


def seed() -> list[str]:
    """learning's and quizzes' demos alone (fast), with what they did."""
    lines = []
    learning_demo.seed_demo(log=lines.append)
    quizzes_demo.seed_demo(log=lines.append)
    return [line for line in lines if line.startswith("  ")]


def rows(quiz):
    return [
        (q.pk, q.text, [(c.pk, c.text) for c in q.choices.order_by("sort_order")])
        for q in quiz.questions.order_by("sort_order")
    ]


def test_a_changed_quiz_is_written_again_keeping_its_rows(db, demo_content, client):
    seed()
    quiz = Quiz.objects.get(lesson__slug="cai-dat-vneid")
    seeded, before = quiz.latest_revision_id, rows(quiz)
    first_question, (right, wrong, dropped) = before[0][1], before[0][2]
    demo_content.edit(LESSON_FILE, "pass_mark = 80", "pass_mark = 70")
    demo_content.edit(LESSON_FILE, first_question, "Tải VNeID ở đâu cho an toàn?")
    demo_content.edit(LESSON_FILE, f'    {{ text = "{dropped[1]}" }},\n', "")
    demo_content.append(LESSON_FILE, NEW_QUESTION)

    count = len(before) + 1
    assert seed() == [f"  updated quiz for {LESSON_TITLE} ({count} questions)"]

    quiz.refresh_from_db()
    assert quiz.pass_mark == 70 and quiz.live
    assert quiz.latest_revision_id != seeded
    assert quiz.live_revision_id == quiz.latest_revision_id
    after = rows(quiz)
    # Same rows, new text; the dropped choice is gone, the new question added.
    assert [q[0] for q in after[:-1]] == [q[0] for q in before]
    assert after[0][1:] == ("Tải VNeID ở đâu cho an toàn?", [right, wrong])
    assert after[1:-1] == before[1:]
    assert after[-1][1] == "Câu hỏi thêm vào sau."
    resident = UserFactory()
    client.force_login(resident)
    attempt = attempt_start(user=resident, quiz=quiz)
    html = client.get(f"/quizzes/attempts/{attempt.pk}/").content.decode()
    assert "Tải VNeID ở đâu cho an toàn?" in html and "Câu hỏi thêm vào sau." in html
    assert seed() == []


def quiz_form(quiz, **extra):
    """The quiz's admin form as the editor sends it back, first question reworded."""
    questions = list(quiz.questions.order_by("sort_order"))
    return nested_form_data(
        {
            "lesson": quiz.lesson_id,
            "pass_mark": quiz.pass_mark,
            "question_count": "",
            "layout": quiz.layout,
            "max_attempts": "",
            "wait_minutes": quiz.wait_minutes,
            "questions": inline_formset(
                [
                    {
                        "id": question.pk,
                        "kind": question.kind,
                        "text": "Biên tập viên hỏi lại." if n == 0 else question.text,
                        "explanation": question.explanation,
                        "choices": inline_formset(
                            [
                                {"id": choice.pk, "text": choice.text}
                                | ({"is_correct": "on"} if choice.is_correct else {})
                                for choice in question.choices.order_by("sort_order")
                            ],
                            initial=question.choices.count(),
                        ),
                    }
                    for n, question in enumerate(questions)
                ],
                initial=len(questions),
            ),
            **extra,
        }
    )


@pytest.mark.parametrize("action", ["publish", "draft", "unpublish"])
def test_a_quiz_an_editor_changed_is_left_alone(
    db, demo_content, client, make_staff, action
):
    seed()
    quiz = Quiz.objects.get(lesson__slug="cai-dat-vneid")
    client.force_login(make_staff(Role.EDITOR))
    if action == "unpublish":
        url = reverse("wagtailsnippets_quizzes_quiz:unpublish", args=[quiz.pk])
        response = client.post(url)
    else:
        extra = {"action-publish": "publish"} if action == "publish" else {}
        url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])
        response = client.post(url, quiz_form(quiz, **extra))
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz.refresh_from_db()
    edited = (quiz.live, quiz.latest_revision_id, quiz.pass_mark, rows(quiz))
    demo_content.edit(LESSON_FILE, "pass_mark = 80", "pass_mark = 70")

    assert seed() == [f"  left the quiz of {LESSON_TITLE}: an editor changed it"]

    quiz.refresh_from_db()
    assert (quiz.live, quiz.latest_revision_id, quiz.pass_mark, rows(quiz)) == edited
    if action == "publish":
        assert rows(quiz)[0][1] == "Biên tập viên hỏi lại."


def test_a_quiz_file_names_pictures_and_may_use_any_question_field(db):
    data = {
        "questions": [
            {
                "kind": "picture",
                "text": "Đâu là cách cài ứng dụng an toàn?",
                "explanation": "Chỉ cài từ kho ứng dụng.",
                "choices": [
                    {"image": "vneid-store.svg", "is_correct": True},
                    {"image": "safe-fake-app.svg"},
                ],
            }
        ]
    }
    _fields, (question,) = demo_quiz_parts(data, images=demo_images(), where="x")
    assert question.kind == "picture"
    assert [c.image.title for c in question.choices.all()] == [
        "vneid-store.svg",
        "safe-fake-app.svg",
    ]
    data["questions"][0]["explaination"] = "a typo"
    with pytest.raises(DemoDataError, match="unknown key.*explaination"):
        demo_quiz_parts(data, images=demo_images(), where="x")
    del data["questions"][0]["explaination"]
    data["questions"][0]["choices"][1] = {"text": "Đường link lạ"}
    problem = question_problem("picture", data["questions"][0]["choices"])
    with pytest.raises(DemoDataError, match=re.escape(f"[0]: {problem}")):
        demo_quiz_parts(data, images=demo_images(), where="x")
