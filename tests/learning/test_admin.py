"""Editors build courses in the Wagtail admin; page types sit only where they belong."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import HomePage
from community.roles import Role
from learning.models import CourseIndexPage, CoursePage, LessonPage

from .factories import make_index


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )


def test_an_editor_writes_and_publishes_a_course(client, make_staff):
    index = make_index()
    client.force_login(make_staff(Role.EDITOR))
    response = client.post(
        add_url(CoursePage, index),
        nested_form_data(
            {
                "title": "Sử dụng VNeID",
                "slug": "vneid",
                "promise": "Tự cài VNeID.",
                "estimated_minutes": 20,
                "intro": rich_text("<p>Khóa học ngắn.</p>"),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302
    # The culture office writes and publishes (community.roles.EDITORS_GROUP).
    assert CoursePage.objects.child_of(index).get(slug="vneid").live


def test_a_city_admin_publishes_a_course_with_lessons_through_the_admin(
    client, make_staff
):
    index = make_index()
    client.force_login(make_staff(Role.CITY_ADMIN))
    response = client.post(
        add_url(CoursePage, index),
        nested_form_data(
            {
                "title": "Sử dụng VNeID",
                "slug": "vneid",
                "promise": "Tự cài VNeID.",
                "estimated_minutes": 20,
                "topic": "vneid",
                "unlock_in_order": "on",
                "intro": rich_text("<p>Khóa học ngắn.</p>"),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    course = CoursePage.objects.get(slug="vneid")
    assert course.live and course.unlock_in_order and course.get_parent().pk == index.pk

    response = client.post(
        add_url(LessonPage, course),
        nested_form_data(
            {
                "title": "Cài đặt VNeID",
                "slug": "cai-dat",
                "summary": "Tải đúng ứng dụng.",
                "minutes": 5,
                "body": streamfield(
                    [
                        ("text", rich_text("<p>Mở kho ứng dụng.</p>")),
                        (
                            "callout",
                            {"kind": "never", "text": rich_text("<p>Link lạ.</p>")},
                        ),
                    ]
                ),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson = LessonPage.objects.get(slug="cai-dat")
    assert lesson.live and lesson.get_parent().pk == course.pk
    assert [block.block_type for block in lesson.body] == ["text", "callout"]
    assert client.get(lesson.url).status_code == 200


def test_a_volunteer_cannot_add_courses(client, places, make_staff):
    index = make_index()
    client.force_login(make_staff(Role.VOLUNTEER, neighbourhood=places["n1"]))
    response = client.get(add_url(CoursePage, index))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
class TestPageTypeRules(WagtailPageTestCase):
    def test_parents(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedParentPageTypes(LessonPage, {CoursePage})

    def test_children(self):
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_a_lesson_cannot_sit_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, LessonPage)
        self.assertCanNotCreateAt(Page, CoursePage)
