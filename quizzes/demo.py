"""Demo quizzes: the `[quiz]` table of each demo lesson file; idempotent.

The lesson files are read by `learning.demo` (`learning/demo_content/README.md` says
how a quiz is written). A lesson is found by its slug under its course. Its quiz is
made once, written again as a new published revision when the file's quiz changed
since, and left alone once an editor changed it (`cms.seeding.demo_state`), so a
second run adds and changes nothing.
"""

from django.core.exceptions import ValidationError
from wagtail.images import get_image_model

from cms.seeding import (
    CHANGED,
    EDITED,
    DemoDataError,
    DemoImages,
    demo_check_keys,
    demo_digest,
    demo_image,
    demo_publish,
    demo_state,
)
from learning.demo import INDEX_SLUG, demo_courses, demo_images
from learning.models import CourseIndexPage, CoursePage, LessonPage

from .forms import question_problem
from .models import Choice, Question, Quiz

QUIZ_FIELDS = {"pass_mark", "question_count", "shuffle_choices", "max_attempts"}
QUIZ_FIELDS |= {"wait_minutes", "layout"}


def _row_fields(model, parent: str) -> set[str]:
    """The fields a file may give a question or a choice: all the row's own.

    So a new field (say, where to tap) is written as data, with no change here.
    """
    return {
        field.name
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key
    } - {parent, "sort_order"}


QUESTION_FIELDS = _row_fields(Question, "quiz")
CHOICE_FIELDS = _row_fields(Choice, "question")


def _row(model, data: dict, *, images: DemoImages, where: str, **extra):
    """An unsaved `model` row from `data`, pictures named by their file name."""
    values = dict(data)
    for name, value in data.items():
        field = model._meta.get_field(name)
        if not field.is_relation:
            continue
        if field.related_model is not get_image_model():
            raise DemoDataError(f"{where}.{name}: demo files can name pictures only")
        picture = demo_image(images, value, where=f"{where}.{name}") if value else None
        values[name] = picture
    return model(**values, **extra)


def demo_quiz_parts(
    data: dict, *, images: DemoImages, where: str
) -> tuple[dict, list[Question]]:
    """The quiz's fields and its questions (with their choices, unsaved) from `data`.

    Each question is checked as the admin checks it (`question_problem`), each row
    by its model, so a file that could not be saved in the admin is refused.
    """
    demo_check_keys(
        data, keys=QUIZ_FIELDS | {"questions"}, required={"questions"}, where=where
    )
    fields = {name: value for name, value in data.items() if name != "questions"}
    questions = []
    for number, item in enumerate(data["questions"]):
        here = f"{where}: quiz.questions[{number}]"
        demo_check_keys(
            item,
            keys=QUESTION_FIELDS | {"choices"},
            required={"text", "choices"},
            where=here,
        )
        choices = []
        for n, choice in enumerate(item["choices"]):
            at = f"{here}.choices[{n}]"
            demo_check_keys(choice, keys=CHOICE_FIELDS, where=at)
            choices.append(_row(Choice, choice, images=images, where=at, sort_order=n))
        question = _row(
            Question,
            {name: value for name, value in item.items() if name != "choices"},
            images=images,
            where=here,
            sort_order=number,
        )
        problem = question_problem(
            question.kind,
            [
                {"text": c.text, "image": c.image, "is_correct": c.is_correct}
                for c in choices
            ],
        )
        if problem:
            raise DemoDataError(f"{here}: {problem}")
        _check(question, exclude=["quiz"], where=here)
        for choice in choices:
            _check(choice, exclude=["question"], where=here)
        question.choices = choices
        questions.append(question)
    _check(Quiz(**fields), exclude=["lesson"], where=where)
    return fields, questions


def _check(row, *, exclude: list[str], where: str) -> None:
    try:
        row.full_clean(exclude=exclude)
    except ValidationError as error:
        raise DemoDataError(f"{where}: {error.message_dict}") from error


def _write(quiz: Quiz, fields: dict, questions: list[Question]) -> None:
    """Give `quiz` the file's fields and questions, keeping the rows it already has.

    The n-th question (and choice) of the file updates the n-th row, so the ids that
    attempts refer to survive an edit of the text; rows beyond the file's go.
    """
    for name in QUIZ_FIELDS:
        default = Quiz._meta.get_field(name).get_default()
        setattr(quiz, name, fields.get(name, default))
    rows = list(quiz.questions.order_by("sort_order")) if quiz.pk else []
    for number, question in enumerate(questions):
        if number >= len(rows):
            continue
        row, choices = rows[number], list(question.choices.all())
        old = list(row.choices.order_by("sort_order"))
        for n, choice in enumerate(choices[: len(old)]):
            choice.pk = old[n].pk
        for name in QUESTION_FIELDS | {"sort_order"}:
            setattr(row, name, getattr(question, name))
        row.choices = choices
        questions[number] = row
    quiz.questions = questions
    quiz.save()


def seed_demo(*, log) -> None:
    log("quizzes: a quiz for every demo lesson")
    index = CourseIndexPage.objects.filter(slug=INDEX_SLUG).first()
    if index is None:
        log("  no course catalogue: skipped")
        return
    images = demo_images()
    for course_data in demo_courses():
        course = (
            CoursePage.objects.child_of(index).filter(slug=course_data.slug).first()
        )
        if course is None:
            log(f"  no course {course_data.slug}: skipped")
            continue
        lessons = {
            lesson.slug: lesson for lesson in LessonPage.objects.child_of(course)
        }
        quizzes = {
            quiz.lesson_id: quiz
            for quiz in Quiz.objects.filter(lesson__in=lessons.values())
        }
        for lesson_data in course_data.lessons:
            lesson = lessons.get(lesson_data.slug)
            if lesson is None or not lesson_data.quiz:
                continue
            digest = demo_digest(lesson_data.quiz)
            quiz = quizzes.get(lesson.pk)
            state = CHANGED if quiz is None else demo_state(quiz, digest=digest)
            if state == EDITED:
                log(f"  left the quiz of {lesson.title}: an editor changed it")
            if state != CHANGED:
                continue
            fields, questions = demo_quiz_parts(
                lesson_data.quiz, images=images, where=str(lesson_data.path)
            )
            verb = "created" if quiz is None else "updated"
            quiz = quiz or Quiz(lesson=lesson)
            _write(quiz, fields, questions)
            demo_publish(quiz, digest=digest)
            log(f"  {verb} quiz for {lesson.title} ({len(questions)} questions)")
