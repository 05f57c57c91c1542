"""After seed_demo every demo lesson is at most two taps from the home page."""

import pytest
from django.core.management import call_command

from learning.models import CoursePage, LessonPage


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def links(client, url):
    return client.get(url).content.decode()


def test_every_demo_lesson_is_two_taps_from_home(client, demo):
    home = links(client, "/")
    courses = CoursePage.objects.live()
    assert courses.count() == 4
    for course in courses:
        assert f'href="{course.url}"' in home, course.title
        course_html = links(client, course.url)
        lessons = LessonPage.objects.live().child_of(course)
        assert lessons.count() >= 4  # at least 3 lessons and a final test
        for lesson in lessons:
            assert f'href="{lesson.url}"' in course_html, lesson.title


def test_home_page_queries_do_not_grow_with_courses(
    client, demo, django_assert_max_num_queries
):
    client.get("/")  # the first visit makes the cover renditions once
    with django_assert_max_num_queries(10):
        response = client.get("/")
    assert response.status_code == 200
