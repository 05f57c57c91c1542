from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from learning.demo_content import COURSES
from learning.models import CourseIndexPage, CoursePage, LessonPage


def snapshot():
    return (
        list(Page.objects.order_by("pk").values_list("pk", "path", "live", "title")),
        list(get_image_model().objects.order_by("pk").values_list("pk", "title")),
        Revision.objects.count(),
    )


def test_seed_demo_makes_the_courses_once(db, client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    first = snapshot()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert snapshot() == first

    index = CourseIndexPage.objects.get(slug="khoa-hoc")
    assert index.live and index.title == "Khóa học"
    assert CoursePage.objects.child_of(index).live().count() == len(COURSES)
    expected = sum(len(course["lessons"]) for course in COURSES)
    assert LessonPage.objects.live().count() == expected
    images = get_image_model().objects.values_list("title", flat=True)
    assert len(images) == len(set(images))

    course = CoursePage.objects.get(slug=COURSES[0]["slug"])
    assert course.cover is not None
    assert client.get("/learning/").status_code == 302
    assert client.get(index.url).status_code == 200
    assert client.get(course.url).status_code == 200
    lesson = LessonPage.objects.child_of(course).first()
    html = client.get(lesson.url).content.decode()
    assert "checkbox" in html and ".svg" in html
