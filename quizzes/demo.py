"""Demo quizzes: one per demo lesson, from `learning.demo_content`; idempotent.

A lesson is found by its slug under its course (both from the content); a lesson that
already has a quiz is left as it is, so a second run adds and changes nothing.
"""

from learning.demo import INDEX_SLUG
from learning.demo_content import COURSES
from learning.models import CourseIndexPage, CoursePage, LessonPage

from .models import Choice, Question, Quiz

KINDS = {
    "single": Question.Kind.SINGLE,
    "multiple": Question.Kind.MULTIPLE,
    "truefalse": Question.Kind.TRUE_FALSE,
    "picture": Question.Kind.PICTURE,
}


def _quiz(lesson: LessonPage, data: dict) -> Quiz:
    quiz = Quiz(lesson=lesson, pass_mark=data.get("pass_mark", 80))
    quiz.questions = [
        Question(
            kind=KINDS[question["kind"]],
            text=question["text"],
            explanation=question["explanation"],
            sort_order=number,
            choices=[
                Choice(text=choice["text"], is_correct=choice["correct"], sort_order=n)
                for n, choice in enumerate(question["choices"])
            ],
        )
        for number, question in enumerate(data["questions"])
    ]
    quiz.save()
    quiz.save_revision().publish()
    return quiz


def seed_demo(*, log) -> None:
    log("quizzes: a quiz for every demo lesson")
    index = CourseIndexPage.objects.filter(slug=INDEX_SLUG).first()
    if index is None:
        log("  no course catalogue: skipped")
        return
    for course_data in COURSES:
        course = (
            CoursePage.objects.child_of(index).filter(slug=course_data["slug"]).first()
        )
        if course is None:
            log(f"  no course {course_data['slug']}: skipped")
            continue
        lessons = {
            lesson.slug: lesson for lesson in LessonPage.objects.child_of(course)
        }
        existing = set(
            Quiz.objects.filter(lesson__in=lessons.values()).values_list(
                "lesson_id", flat=True
            )
        )
        for lesson_data in course_data["lessons"]:
            lesson = lessons.get(lesson_data["slug"])
            if lesson is None or not lesson_data.get("quiz"):
                continue
            if lesson.pk in existing:
                continue
            _quiz(lesson, lesson_data["quiz"])
            count = len(lesson_data["quiz"]["questions"])
            log(f"  created quiz for {lesson.title} ({count} questions)")
