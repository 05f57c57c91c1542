"""Demo courses and lessons, read from the data files in `learning/demo_content/`.

One folder per course, `courses/<course-slug>/`, holding `course.toml` (the course
page's fields) and one `<NN>-<lesson-slug>.toml` per lesson (the lesson page's fields,
its body as StreamField blocks, its quiz); `learning/demo_content/README.md` says how
to write them. Pages are found by slug under their parent and pictures by file name.
A page is made once, written again (a new published revision) when its file changed
since the seed wrote it, and left alone once an editor changed it
(`cms.seeding.demo_child_page`); so a second run changes nothing. The lessons' "quiz"
tables belong to quizzes (`quizzes.demo`) and are ignored here.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from cms.models import HomePage
from cms.seeding import (
    DemoDataError,
    DemoImages,
    demo_child_page,
    demo_read,
    demo_stream,
)

from .models import CourseIndexPage, CoursePage, LessonPage

CONTENT = Path(__file__).parent / "demo_content"
IMAGES = CONTENT / "images"
INDEX_SLUG = "khoa-hoc"
LESSON_FILE = re.compile(r"(?P<number>\d+)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.toml")
COURSE_FIELDS = {"title", "promise", "topic", "estimated_minutes", "cover", "intro"}
COURSE_FIELDS |= {"unlock_in_order"}
LESSON_FIELDS = {"title", "summary", "minutes"}


@dataclass(frozen=True)
class DemoLesson:
    """One lesson file: the page's fields, its body blocks as written, its quiz."""

    slug: str
    path: Path
    fields: dict
    body: list
    quiz: dict | None


@dataclass(frozen=True)
class DemoCourse:
    """One course folder: the page's fields (the cover by file name), its lessons."""

    slug: str
    path: Path
    order: int
    fields: dict
    lessons: tuple[DemoLesson, ...]


def demo_courses() -> list[DemoCourse]:
    """Every demo course, in its `order`, each with its lessons in file-name order."""
    courses = []
    for folder in sorted((CONTENT / "courses").iterdir()):
        if not folder.is_dir():
            continue
        data = demo_read(
            folder / "course.toml",
            keys=COURSE_FIELDS | {"order"},
            required={"order", "title"},
        )
        order = data.pop("order")
        courses.append(
            DemoCourse(
                slug=folder.name,
                path=folder,
                order=order,
                fields=data,
                lessons=tuple(_lessons(folder)),
            )
        )
    return sorted(courses, key=lambda course: (course.order, course.slug))


def _lessons(folder: Path) -> list[DemoLesson]:
    lessons = []
    for path in folder.glob("*.toml"):
        if path.name == "course.toml":
            continue
        name = LESSON_FILE.fullmatch(path.name)
        if name is None:
            raise DemoDataError(
                f"{path}: a lesson file is named <NN>-<lesson-slug>.toml"
            )
        data = demo_read(
            path, keys=LESSON_FIELDS | {"body", "quiz"}, required={"title"}
        )
        body = data.pop("body", [])
        quiz = data.pop("quiz", None)
        lessons.append(
            (
                int(name["number"]),
                DemoLesson(
                    slug=name["slug"], path=path, fields=data, body=body, quiz=quiz
                ),
            )
        )
    return [lesson for _number, lesson in sorted(lessons, key=lambda pair: pair[0])]


def demo_images() -> DemoImages:
    """The demo's pictures (`demo_content/images/`), as Wagtail images."""
    return DemoImages(CONTENT / "images")


def seed_demo(*, log) -> None:
    log("learning: courses and lessons")
    home = HomePage.objects.first()
    if home is None:
        log("  no home page: skipped")
        return
    index = demo_child_page(
        home,
        CourseIndexPage,
        INDEX_SLUG,
        log,
        title="Khóa học",
        intro="<p>Các khóa học ngắn, học trên điện thoại, từng bước một.</p>",
    )
    images = demo_images()
    body_block = LessonPage._meta.get_field("body").stream_block
    for course_data in demo_courses():
        fields = dict(course_data.fields)
        if fields.get("cover"):
            fields["cover"] = images(fields["cover"])
        course = demo_child_page(index, CoursePage, course_data.slug, log, **fields)
        for lesson_data in course_data.lessons:
            body = demo_stream(
                body_block, lesson_data.body, images=images, where=str(lesson_data.path)
            )
            demo_child_page(
                course,
                LessonPage,
                lesson_data.slug,
                log,
                body=body,
                **lesson_data.fields,
            )
