import re

import pytest
from django.core.management import call_command
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page, Revision

from cms.seeding import demo_stream_data
from learning.blocks import LessonBodyBlock
from learning.demo import demo_courses, demo_images
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
    courses = demo_courses()
    assert CoursePage.objects.child_of(index).live().count() == len(courses)
    expected = sum(len(course.lessons) for course in courses)
    assert LessonPage.objects.live().count() == expected
    images = get_image_model().objects.values_list("title", flat=True)
    assert len(images) == len(set(images))

    course = CoursePage.objects.get(slug=courses[0].slug)
    assert course.cover is not None
    assert client.get("/learning/").status_code == 302
    assert client.get(index.url).status_code == 200
    assert client.get(course.url).status_code == 200
    lesson = LessonPage.objects.child_of(course).first()
    html = client.get(lesson.url).content.decode()
    assert "checkbox" in html and ".svg" in html
    # Every picture of every lesson says what it shows (the site's logo is static).
    pictures = 0
    for lesson in LessonPage.objects.live():
        html = client.get(lesson.url).content.decode()
        for tag in re.findall(r"<img\b[^>]*>", html):
            if 'src="/static/' not in tag:
                pictures += 1
                assert re.search(r'\balt="[^"]+"', tag), (lesson.slug, tag)
    assert pictures == 21


LESSONS = [lesson for course in demo_courses() for lesson in course.lessons]
# The tags each rich-text feature allows (Wagtail's Draftail features).
FEATURE_TAGS = {
    "h2": {"h2"},
    "h3": {"h3"},
    "bold": {"b", "strong"},
    "italic": {"i", "em"},
    "ol": {"ol", "li"},
    "ul": {"ul", "li"},
    "link": {"a"},
}


def name(lesson) -> str:
    return f"{lesson.path.parent.name}/{lesson.path.name}"


def walk(block, data):
    """Every (block, value as written) pair in a lesson's body, depth first."""
    yield block, data
    if isinstance(block, blocks.StreamBlock):
        for item in data:
            yield from walk(block.child_blocks[item["type"]], item["value"])
    elif isinstance(block, blocks.ListBlock):
        for item in data:
            yield from walk(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        for key, value in data.items():
            yield from walk(block.child_blocks[key], value)


def test_the_demo_has_its_four_courses_each_lesson_with_a_quiz():
    courses = demo_courses()
    assert [course.slug for course in courses] == [
        "su-dung-vneid",
        "dich-vu-cong-truc-tuyen",
        "thanh-toan-khong-dung-tien-mat",
        "an-toan-tren-khong-gian-mang",
    ]
    slugs = [lesson.slug for lesson in LESSONS]
    assert len(slugs) == len(set(slugs)) == 19
    assert all(lesson.quiz for lesson in LESSONS)


@pytest.mark.parametrize("lesson", LESSONS, ids=name)
def test_every_lesson_file_is_a_valid_lesson_body(db, lesson):
    block = LessonBodyBlock()
    raw = demo_stream_data(block, lesson.body, images=demo_images(), where=name(lesson))
    value = block.to_python(raw)
    block.clean(value)  # raises what the admin would refuse
    # None dropped: Wagtail silently drops a block of a type it does not know.
    assert [child.block_type for child in value] == [b["type"] for b in lesson.body]
    for child, data in walk(block, lesson.body):
        if isinstance(child, blocks.RichTextBlock):
            allowed = {"p", "br"}.union(*(FEATURE_TAGS[f] for f in child.features))
            used = set(re.findall(r"</?([a-z0-9]+)", data))
            assert used <= allowed, (name(lesson), used - allowed)


def test_no_demo_picture_lacks_alt_text():
    """A block that shows a picture carries an "alt" field, filled in."""
    pictures, missing = 0, []
    for lesson in LESSONS:
        for child, data in walk(LessonBodyBlock(), lesson.body):
            if not isinstance(child, blocks.StructBlock):
                continue
            shown = [
                key
                for key, field in child.child_blocks.items()
                if isinstance(field, ImageChooserBlock) and data.get(key)
            ]
            pictures += len(shown)
            if shown and not data.get("alt", "").strip():
                missing.append((name(lesson), data))
    assert not missing
    assert pictures == 21
