"""Courses and lessons built as an editor builds them: published pages in the tree."""

from cms.models import HomePage
from learning.models import CourseIndexPage, CoursePage, LessonPage


def make_index(*, slug="khoa-hoc") -> CourseIndexPage:
    existing = CourseIndexPage.objects.filter(slug=slug).first()
    if existing:
        return existing
    index = CourseIndexPage(title="Khóa học", slug=slug)
    HomePage.objects.get().add_child(instance=index)
    index.save_revision().publish()
    return index


def make_lesson(course: CoursePage, number: int, **fields) -> LessonPage:
    lesson = LessonPage(
        title=f"Lesson {number}", slug=f"{course.slug}-lesson-{number}", **fields
    )
    course.add_child(instance=lesson)
    lesson.save_revision().publish()
    return lesson


def make_course(
    *, lessons=3, slug="course", unlock_in_order=False, index=None
) -> tuple[CoursePage, list[LessonPage]]:
    index = index or make_index()
    course = CoursePage(
        title=f"Course {slug}",
        slug=slug,
        promise="You will be able to do it.",
        unlock_in_order=unlock_in_order,
    )
    index.add_child(instance=course)
    course.save_revision().publish()
    return course, [make_lesson(course, n) for n in range(1, lessons + 1)]
