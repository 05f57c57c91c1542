"""Taking a quiz over HTTP: plain forms, tampered posts refused, nothing leaked."""

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from learning.demo import IMAGES
from learning.models import LessonProgress
from quizzes.models import Choice, Question, QuizAttempt
from quizzes.services import attempt_start
from tests.learning.factories import make_course

from .factories import (
    as_post,
    make_quiz,
    many_questions,
    right_answers,
    wrong_answers,
)


@pytest.fixture
def resident(places, make_resident):
    return make_resident(places["n1"])


@pytest.fixture
def signed_in(client, resident):
    client.force_login(resident)
    return client


def make_image(name: str):
    with open(IMAGES / name, "rb") as handle:
        image = get_image_model()(title=name, file=ImageFile(handle, name=name))
        image.save()
    return image


def start(client, lesson) -> QuizAttempt:
    response = client.post(f"/quizzes/lessons/{lesson.pk}/start/")
    assert response.status_code == 302
    attempt = QuizAttempt.objects.latest("pk")
    assert response["Location"] == f"/quizzes/attempts/{attempt.pk}/"
    return attempt


def snapshot():
    return (
        list(QuizAttempt.objects.order_by("pk").values()),
        list(LessonProgress.objects.filter(completed_at__isnull=False).values()),
    )


def test_lesson_page_links_to_its_quiz_instead_of_the_done_button(signed_in):
    _course, (lesson, plain) = make_course(lessons=2)
    make_quiz(lesson)
    html = signed_in.get(lesson.url).content.decode()
    assert f'href="/quizzes/lessons/{lesson.pk}/"' in html
    assert f"/learning/lessons/{lesson.pk}/complete/" not in html
    html = signed_in.get(plain.url).content.decode()
    assert "/quizzes/" not in html
    assert signed_in.post(f"/learning/lessons/{lesson.pk}/complete/").status_code == 302
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_fail_see_explanations_retry_pass_and_the_lesson_is_done(signed_in, resident):
    course, (lesson, following) = make_course(lessons=2)
    make_quiz(lesson)
    response = signed_in.get(f"/quizzes/lessons/{lesson.pk}/")
    assert response.status_code == 200
    assert f'action="/quizzes/lessons/{lesson.pk}/start/"' in response.content.decode()

    attempt = start(signed_in, lesson)
    html = signed_in.get(f"/quizzes/attempts/{attempt.pk}/").content.decode()
    assert html.count('type="radio"') == 2 + 2 and html.count('type="checkbox"') == 3
    response = signed_in.post(
        f"/quizzes/attempts/{attempt.pk}/", as_post(wrong_answers(attempt))
    )
    assert response["Location"] == f"/quizzes/attempts/{attempt.pk}/result/"
    html = signed_in.get(response["Location"]).content.decode()
    assert "Giải thích: Tải VNeID ở đâu?" in html
    assert "quiz-score--failed" in html
    assert f'action="/quizzes/lessons/{lesson.pk}/start/"' in html  # try again
    assert f'href="{lesson.url}"' in html  # "Học lại bài"

    second = start(signed_in, lesson)
    assert second.pk != attempt.pk
    signed_in.post(f"/quizzes/attempts/{second.pk}/", as_post(right_answers(second)))
    html = signed_in.get(f"/quizzes/attempts/{second.pk}/result/").content.decode()
    assert "quiz-score--passed" in html
    assert f'href="{following.url}"' in html  # "Bài tiếp theo"
    assert LessonProgress.objects.get(user=resident, lesson=lesson).completed_at
    html = signed_in.get(course.url).content.decode()
    assert "lesson-list__item--done" in html and 'value="1"' in html
    # History: both attempts are listed on the quiz page.
    html = signed_in.get(f"/quizzes/lessons/{lesson.pk}/").content.decode()
    assert html.count("/result/") == 2
    # The lesson page now says it is done, no longer "pass its quiz".
    html = signed_in.get(lesson.url).content.decode()
    assert "lesson-done" in html
    assert "Để hoàn thành bài này" not in html


def test_one_question_per_screen_keeps_answers_and_locks_only_at_the_end(signed_in):
    _course, (lesson,) = make_course(lessons=1)
    make_quiz(lesson, layout="one")
    attempt = start(signed_in, lesson)
    url = f"/quizzes/attempts/{attempt.pk}/"
    good = right_answers(attempt)
    first, second, third = attempt.question_ids
    html = signed_in.get(url).content.decode()
    assert f'name="q-{first}"' in html and f'name="q-{second}"' not in html

    response = signed_in.post(url, {"screen": "1", **as_post({first: good[first]})})
    assert response["Location"] == f"{url}?q=2"
    # Going back shows the answer kept on the server.
    html = signed_in.get(f"{url}?q=1").content.decode()
    assert f'value="{good[first][0]}" checked' in html
    signed_in.post(url, {"screen": "2", **as_post({second: good[second]})})
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and len(attempt.answers) == 2
    # A screen cannot carry another question's answer.
    before = snapshot()
    signed_in.post(url, {"screen": "3", **as_post({first: good[first]})})
    assert snapshot() == before
    response = signed_in.post(url, {"screen": "3", **as_post({third: good[third]})})
    assert response["Location"] == f"{url}result/"
    attempt.refresh_from_db()
    assert attempt.passed and attempt.score == 100


def tampered(attempt, kind: str, other_quiz) -> dict:
    answers = right_answers(attempt)
    first, second, third = attempt.question_ids
    post = as_post(answers)
    if kind == "foreign choice":
        post[f"q-{first}"] = [str(answers[second][0])]
    elif kind == "choice of another quiz":
        question = other_quiz.questions.first()
        post[f"q-{first}"] = [str(question.choices.first().pk)]
    elif kind == "missing question":
        del post[f"q-{third}"]
    elif kind == "unknown question":
        question = other_quiz.questions.first()
        post[f"q-{question.pk}"] = [str(question.choices.first().pk)]
    elif kind == "extra field":
        post["score"] = "100"
    elif kind == "not a number":
        post[f"q-{first}"] = ["1 OR 1=1"]
    elif kind == "two answers to a one-answer question":
        post[f"q-{first}"] = [str(c) for c in attempt.choice_order[str(first)]]
    return post


@pytest.mark.parametrize(
    "kind",
    [
        "foreign choice",
        "choice of another quiz",
        "missing question",
        "unknown question",
        "extra field",
        "not a number",
        "two answers to a one-answer question",
    ],
)
def test_tampered_posts_are_refused_with_nothing_recorded(signed_in, kind):
    _course, (lesson, other_lesson) = make_course(lessons=2)
    make_quiz(lesson)
    other_quiz = make_quiz(other_lesson)
    attempt = start(signed_in, lesson)
    before = snapshot()
    response = signed_in.post(
        f"/quizzes/attempts/{attempt.pk}/", tampered(attempt, kind, other_quiz)
    )
    assert response.status_code == 200  # the form again, with a message
    assert list(response.context["messages"])
    assert snapshot() == before


def test_a_second_submit_of_the_same_attempt_changes_nothing(signed_in):
    _course, (lesson,) = make_course(lessons=1)
    make_quiz(lesson)
    attempt = start(signed_in, lesson)
    url = f"/quizzes/attempts/{attempt.pk}/"
    signed_in.post(url, as_post(wrong_answers(attempt)))
    before = snapshot()
    response = signed_in.post(url, as_post(right_answers(attempt)))  # replayed, better
    assert response["Location"] == f"{url}result/"
    assert snapshot() == before
    assert QuizAttempt.objects.get().passed is False


def test_someone_elses_attempt_is_not_found(client, signed_in, places, make_resident):
    _course, (lesson,) = make_course(lessons=1)
    quiz = make_quiz(lesson)
    other = make_resident(places["n2"])
    attempt = attempt_start(user=other, quiz=quiz)
    assert signed_in.get(f"/quizzes/attempts/{attempt.pk}/").status_code == 404
    before = snapshot()
    response = signed_in.post(
        f"/quizzes/attempts/{attempt.pk}/", as_post(right_answers(attempt))
    )
    assert response.status_code == 404 and snapshot() == before
    assert signed_in.get(f"/quizzes/attempts/{attempt.pk}/result/").status_code == 404


def test_result_needs_a_submitted_attempt_and_pages_need_sign_in(client, resident):
    _course, (lesson,) = make_course(lessons=1)
    quiz = make_quiz(lesson)
    attempt = attempt_start(user=resident, quiz=quiz)
    for url in (
        f"/quizzes/lessons/{lesson.pk}/",
        f"/quizzes/attempts/{attempt.pk}/",
        f"/quizzes/attempts/{attempt.pk}/result/",
    ):
        assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(resident)
    response = client.get(f"/quizzes/attempts/{attempt.pk}/result/")
    assert response["Location"] == f"/quizzes/attempts/{attempt.pk}/"
    assert client.get(f"/quizzes/lessons/{lesson.pk}/start/").status_code == 405


def test_a_draft_quiz_is_not_found(signed_in):
    _course, (lesson,) = make_course(lessons=1)
    make_quiz(lesson, live=False)
    assert signed_in.get(f"/quizzes/lessons/{lesson.pk}/").status_code == 404
    assert signed_in.post(f"/quizzes/lessons/{lesson.pk}/start/").status_code == 404


def test_the_wait_after_a_failure_is_explained(signed_in):
    _course, (lesson,) = make_course(lessons=1)
    make_quiz(lesson, wait_minutes=30)
    attempt = start(signed_in, lesson)
    signed_in.post(f"/quizzes/attempts/{attempt.pk}/", as_post(wrong_answers(attempt)))
    response = signed_in.post(f"/quizzes/lessons/{lesson.pk}/start/", follow=True)
    assert "30" in " ".join(str(m) for m in response.context["messages"])
    assert QuizAttempt.objects.count() == 1


@pytest.mark.parametrize("count", [3, 10])
def test_query_counts_do_not_grow_with_questions(
    signed_in, django_assert_max_num_queries, count
):
    _course, lessons = make_course(lessons=3)
    quiz = make_quiz(lessons[1], questions=many_questions(count))
    # A picture question too: its pictures and their renditions come in two queries.
    question = Question.objects.filter(quiz=quiz).first()
    question.kind = Question.Kind.PICTURE
    question.save()
    question.choices.update(image=make_image("dvc-pay.svg"))
    attempt = start(signed_in, lessons[1])
    signed_in.get(f"/quizzes/attempts/{attempt.pk}/")  # renditions made once
    with django_assert_max_num_queries(11):
        assert signed_in.get(f"/quizzes/attempts/{attempt.pk}/").status_code == 200
    with django_assert_max_num_queries(8):
        assert signed_in.get(f"/quizzes/lessons/{lessons[1].pk}/").status_code == 200
    signed_in.post(f"/quizzes/attempts/{attempt.pk}/", as_post(right_answers(attempt)))
    with django_assert_max_num_queries(16):
        response = signed_in.get(f"/quizzes/attempts/{attempt.pk}/result/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("quiz-review__item--right") == count
    assert html.count("<img") == 3 + 1  # the picture choices and the site logo
    assert Choice.objects.filter(question__quiz=quiz).count() == 3 * count
