"""Demo courses and lessons from `learning.demo_content`, published; idempotent.

Pages are found by slug under their parent and images by title, so a second run
reuses what the first made and changes nothing. The content's "quiz" keys belong to
quizzes and are ignored here.
"""

from pathlib import Path

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from cms.demo import demo_child_page
from cms.models import HomePage

from .demo_content import COURSES
from .models import CourseIndexPage, CoursePage, LessonPage

IMAGES = Path(__file__).parent / "demo_content" / "images"
INDEX_SLUG = "khoa-hoc"


def _image(name: str, cache: dict):
    if name not in cache:
        Image = get_image_model()
        image = Image.objects.filter(title=name).first()
        if image is None:
            with open(IMAGES / name, "rb") as handle:
                image = Image(title=name, file=ImageFile(handle, name=name))
                image.save()
        cache[name] = image
    return cache[name]


def _body(blocks: list, cache: dict) -> list:
    """The content's (type, value) pairs, with image file names turned into ids."""
    result = []
    for kind, value in blocks:
        if kind == "image":
            value = {**value, "image": _image(value["image"], cache)}
        elif kind == "steps":
            value = [
                {
                    "text": step["text"],
                    "image": _image(step["image"], cache) if step["image"] else None,
                    "alt": "",
                }
                for step in value
            ]
        elif kind == "callout" and not value["text"].lstrip().startswith("<"):
            value = {**value, "text": f"<p>{value['text']}</p>"}
        result.append((kind, value))
    return result


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
    cache: dict = {}
    for course_data in COURSES:
        course = demo_child_page(
            index,
            CoursePage,
            course_data["slug"],
            log,
            title=course_data["title"],
            promise=course_data["promise"],
            topic=course_data["topic"],
            estimated_minutes=course_data["minutes"],
            cover=_image(course_data["cover"], cache),
            intro=course_data["intro"],
        )
        for lesson_data in course_data["lessons"]:
            demo_child_page(
                course,
                LessonPage,
                lesson_data["slug"],
                log,
                title=lesson_data["title"],
                summary=lesson_data["summary"],
                minutes=lesson_data["minutes"],
                body=_body(lesson_data["body"], cache),
            )
