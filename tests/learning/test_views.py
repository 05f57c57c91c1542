import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.models import CourseCompletion, LessonProgress
from learning.services import lesson_complete, lesson_start

from .factories import make_course, make_index


@pytest.fixture
def resident(places, make_resident):
    return make_resident(places["n1"])


def test_anonymous_visitor_reads_a_lesson_and_is_invited_to_sign_up(client, db):
    _course, (first, second, _third) = make_course(lessons=3)
    response = client.get(second.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "2/3" in html
    assert f'href="{first.url}"' in html  # previous
    assert "/accounts/signup/" in html
    assert f"/learning/lessons/{second.pk}/complete/" not in html
    assert not LessonProgress.objects.exists()


def test_opening_a_lesson_signed_in_starts_it_once(client, resident):
    _course, (lesson, _other) = make_course(lessons=2)
    client.force_login(resident)
    for _ in range(2):
        html = client.get(lesson.url).content.decode()
    assert f'action="/learning/lessons/{lesson.pk}/complete/"' in html
    progress = LessonProgress.objects.get(user=resident)
    assert progress.lesson_id == lesson.pk and progress.completed_at is None


def test_done_button_completes_and_leads_to_the_next_lesson(client, resident):
    course, (first, second) = make_course(lessons=2)
    client.force_login(resident)
    url = f"/learning/lessons/{first.pk}/complete/"
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == second.url
    assert client.post(url)["Location"] == second.url  # double press: same place
    assert LessonProgress.objects.filter(completed_at__isnull=False).count() == 1

    response = client.post(f"/learning/lessons/{second.pk}/complete/")
    assert response["Location"] == course.url
    assert CourseCompletion.objects.filter(user=resident, course=course).count() == 1
    html = client.get(course.url).content.decode()
    assert 'value="2"' in html and "2/2" in html


def test_done_button_needs_post_and_sign_in(client, resident):
    _course, (lesson,) = make_course(lessons=1)
    url = f"/learning/lessons/{lesson.pk}/complete/"
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not LessonProgress.objects.exists()


def test_locked_lesson_is_refused_with_a_message(client, resident):
    course, (_first, second) = make_course(lessons=2, unlock_in_order=True)
    client.force_login(resident)
    response = client.post(f"/learning/lessons/{second.pk}/complete/", follow=True)
    assert response.redirect_chain[0][0] == second.url
    assert list(response.context["messages"])
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    html = client.get(course.url).content.decode()
    assert "lesson-list__item--locked" in html


def test_visitors_see_no_locks(client, db):
    course, (_first, second) = make_course(lessons=2, unlock_in_order=True)
    response = client.get(course.url)
    assert [item.status for item in response.context["outline"].items] == [
        "new",
        "new",
    ]
    assert f'href="{second.url}"' in response.content.decode()


def test_course_page_shows_each_lesson_status(client, resident):
    course, (first, second, third) = make_course(lessons=3, unlock_in_order=True)
    lesson_complete(user=resident, lesson=first)
    client.force_login(resident)
    response = client.get(course.url)
    statuses = [item.status for item in response.context["outline"].items]
    assert statuses == ["done", "new", "locked"]
    html = response.content.decode()
    assert "1/3" in html
    assert f'href="{second.url}"' in html and f'href="{third.url}"' not in html


def test_my_learning_continue_button_targets_the_next_unfinished_lesson(
    client, resident
):
    _course, (first, second, third) = make_course(lessons=3)
    _other_course, (other_lesson,) = make_course(lessons=1, slug="other")
    lesson_complete(user=resident, lesson=first)
    lesson_complete(user=resident, lesson=third)
    lesson_start(user=resident, lesson=other_lesson)
    client.force_login(resident)
    response = client.get("/learning/my/")
    assert response.status_code == 200
    cards = response.context["courses"]
    assert {card.course.slug for card in cards} == {"course", "other"}
    html = response.content.decode()
    assert f'class="button button--primary continue-button" href="{second.url}"' in html
    assert "2/3" in html


def test_my_learning_needs_sign_in(client, db):
    response = client.get("/learning/my/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_catalogue_lists_courses_and_has_a_stable_address(client, db):
    index = make_index()
    make_course(lessons=2, slug="first")
    make_course(lessons=1, slug="second")
    assert client.get("/learning/")["Location"] == index.url
    html = client.get(index.url).content.decode()
    assert "Course first" in html and "Course second" in html


PAGE_BUDGETS = {"catalogue": 14, "course": 16, "lesson": 22, "my": 12}


def _page_queries(client, resident, lessons):
    """Queries per page for a course of `lessons` lessons, all but the last done."""
    index = make_index()
    course, pages = make_course(lessons=lessons, slug=f"c{lessons}")
    for page in pages[:-1]:
        lesson_complete(user=resident, lesson=page)
    client.get(pages[1].url)  # warm the session, site and started rows
    urls = {
        "catalogue": index.url,
        "course": course.url,
        "lesson": pages[1].url,
        "my": "/learning/my/",
    }
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[name] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_lessons(
    client, resident, django_assert_max_num_queries
):
    client.force_login(resident)
    small = _page_queries(client, resident, 2)
    large = _page_queries(client, resident, 6)
    assert small == large
    for name, budget in PAGE_BUDGETS.items():
        assert large[name] <= budget, (name, large[name])
    with django_assert_max_num_queries(PAGE_BUDGETS["my"]):
        client.get("/learning/my/")
