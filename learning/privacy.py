"""learning's part of "download my data" (`community.privacy`): lessons and courses."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from community.privacy import personal_data_register

from .models import CourseCompletion, LessonProgress


def _titles(page_ids) -> dict[int, str]:
    return dict(Page.objects.filter(pk__in=set(page_ids)).values_list("pk", "title"))


def lessons_of_person(user) -> list[dict]:
    rows = list(LessonProgress.objects.filter(user=user).order_by("started_at", "pk"))
    titles = _titles(row.lesson_id for row in rows)
    return [
        {
            "lesson": titles.get(row.lesson_id, ""),
            "started_at": row.started_at,
            "completed_at": row.completed_at,
        }
        for row in rows
    ]


def courses_of_person(user) -> list[dict]:
    rows = list(
        CourseCompletion.objects.filter(user=user).order_by("completed_at", "pk")
    )
    titles = _titles(row.course_id for row in rows)
    return [
        {"course": titles.get(row.course_id, ""), "completed_at": row.completed_at}
        for row in rows
    ]


personal_data_register(
    "lessons",
    _("Lessons you started"),
    lessons_of_person,
    labels={
        "lesson": _("Lesson"),
        "started_at": _("Started on"),
        "completed_at": _("Finished on"),
    },
    order=30,
)
personal_data_register(
    "courses",
    _("Courses you finished"),
    courses_of_person,
    labels={"course": _("Course"), "completed_at": _("Finished on")},
    order=35,
)
