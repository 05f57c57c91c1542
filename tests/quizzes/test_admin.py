"""Editors build quizzes in the Wagtail admin: nested questions and choices, preview."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from community.roles import Role
from quizzes.models import Quiz
from tests.learning.factories import make_course

from .factories import make_quiz


def quiz_form(lesson, **extra):
    return nested_form_data(
        {
            "lesson": lesson.pk,
            "pass_mark": 80,
            "question_count": "",
            "layout": "one",
            "max_attempts": "",
            "wait_minutes": 0,
            "questions": inline_formset(
                [
                    {
                        "kind": "single",
                        "text": "Tải VNeID ở đâu?",
                        "explanation": "Chỉ tải từ kho ứng dụng chính thức.",
                        "choices": inline_formset(
                            [
                                {"text": "CH Play hoặc App Store", "is_correct": "on"},
                                {"text": "Đường link qua Zalo"},
                            ]
                        ),
                    },
                    {
                        "kind": "truefalse",
                        "text": "Công an xin mã OTP qua điện thoại.",
                        "explanation": "Sai: không ai được xin mã OTP.",
                        "choices": inline_formset(
                            [{"text": "Đúng"}, {"text": "Sai", "is_correct": "on"}]
                        ),
                    },
                ]
            ),
            **extra,
        }
    )


def test_an_editor_creates_and_publishes_a_quiz_with_questions(client, make_staff):
    _course, (lesson,) = make_course(lessons=1)
    client.force_login(make_staff(Role.EDITOR))
    assert client.get(reverse("wagtailsnippets_quizzes_quiz:add")).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_quizzes_quiz:add"),
        quiz_form(lesson, **{"action-publish": "publish"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz = Quiz.objects.get(lesson=lesson)
    assert quiz.live and quiz.layout == "one"
    questions = list(quiz.questions.order_by("sort_order"))
    assert [q.kind for q in questions] == ["single", "truefalse"]
    assert [(c.text, c.is_correct) for c in questions[1].choices.all()] == [
        ("Đúng", False),
        ("Sai", True),
    ]
    assert client.get(reverse("wagtailsnippets_quizzes_quiz:list")).status_code == 200


def test_an_editor_previews_a_quiz_with_its_answers(client, make_staff):
    _course, (lesson,) = make_course(lessons=1)
    client.force_login(make_staff(Role.EDITOR))
    url = reverse("wagtailsnippets_quizzes_quiz:preview_on_add")
    response = client.post(url, quiz_form(lesson))
    assert response.json()["is_valid"], response.content.decode()[:2000]
    html = client.get(url).content.decode()
    assert "Tải VNeID ở đâu?" in html and "Sai: không ai được xin mã OTP." in html


def test_an_editor_edits_a_quiz(client, make_staff):
    _course, (lesson,) = make_course(lessons=1)
    quiz = make_quiz(lesson)
    client.force_login(make_staff(Role.EDITOR))
    url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])
    assert client.get(url).status_code == 200


def test_a_volunteer_cannot_reach_quizzes_in_the_admin(client, places, make_staff):
    client.force_login(make_staff(Role.VOLUNTEER, neighbourhood=places["n1"]))
    response = client.get(reverse("wagtailsnippets_quizzes_quiz:add"))
    assert response.status_code in (302, 403)


def test_a_question_without_exactly_one_right_answer_is_refused(client, make_staff):
    _course, (lesson,) = make_course(lessons=1)
    client.force_login(make_staff(Role.EDITOR))
    data = quiz_form(lesson, **{"action-publish": "publish"})
    data["questions-0-choices-1-is_correct"] = "on"  # two right answers, single choice
    response = client.post(reverse("wagtailsnippets_quizzes_quiz:add"), data)
    assert response.status_code == 200
    assert not Quiz.objects.exists()
    data = quiz_form(lesson, **{"action-publish": "publish"})
    del data["questions-1-choices-1-is_correct"]  # true/false with no right answer
    response = client.post(reverse("wagtailsnippets_quizzes_quiz:add"), data)
    assert response.status_code == 200
    assert not Quiz.objects.exists()
    assert (
        client.post(
            reverse("wagtailsnippets_quizzes_quiz:add"),
            quiz_form(lesson, **{"action-publish": "publish"}),
        ).status_code
        == 302
    )


def test_a_quiz_learners_took_is_not_deleted_but_an_untaken_one_is(
    client, make_staff, places, make_resident
):
    from quizzes.models import QuizAttempt
    from quizzes.services import attempt_start

    course, (taken_lesson, fresh_lesson) = make_course(lessons=2)
    taken, fresh = make_quiz(taken_lesson), make_quiz(fresh_lesson)
    attempt_start(user=make_resident(places["n1"]), quiz=taken)
    client.force_login(make_staff(Role.CITY_ADMIN))

    response = client.post(
        reverse("wagtailsnippets_quizzes_quiz:delete", args=[taken.pk])
    )
    assert response.status_code == 302
    assert Quiz.objects.filter(pk=taken.pk).exists()
    assert QuizAttempt.objects.filter(quiz=taken).count() == 1
    message = client.get(response["Location"]).content.decode()
    assert "Unpublish it instead" in message or "Thu hồi xuất bản" in message

    # Deleting its lesson, or the whole course, is refused the same way.
    for page in (taken_lesson, course):
        response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        assert response.status_code == 302
        assert Quiz.objects.filter(pk=taken.pk).exists()

    response = client.post(
        reverse("wagtailsnippets_quizzes_quiz:delete", args=[fresh.pk])
    )
    assert response.status_code == 302
    assert not Quiz.objects.filter(pk=fresh.pk).exists()
