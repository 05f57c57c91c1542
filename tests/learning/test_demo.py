import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import DemoSeed
from cms.seeding import demo_stream_data
from community.roles import Role
from learning import demo as learning_demo
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


LESSON_FILE = "courses/su-dung-vneid/01-cai-dat-vneid.toml"


def seed() -> list[str]:
    """learning's demo alone (fast), with the lines it prints."""
    lines = []
    learning_demo.seed_demo(log=lines.append)
    return lines


def said(lines) -> list[str]:
    """What the seed did, without its heading."""
    return [line for line in lines if line.startswith("  ")]


def test_a_changed_lesson_file_updates_its_page_with_a_new_published_revision(
    db, demo_content, client
):
    seed()
    lesson = LessonPage.objects.get(slug="cai-dat-vneid")
    seeded = lesson.latest_revision_id
    revisions = Revision.objects.count()
    demo_content.edit(LESSON_FILE, "Cài đặt ứng dụng VNeID", "Cài VNeID cho đúng")
    demo_content.edit(LESSON_FILE, "Bật Wi-Fi hoặc dữ liệu", "Bật Wi-Fi hay dữ liệu")

    assert said(seed()) == ["  updated LessonPage Cài VNeID cho đúng"]

    lesson.refresh_from_db()
    assert lesson.title == "Cài VNeID cho đúng" and lesson.live
    assert lesson.latest_revision_id != seeded
    assert lesson.live_revision_id == lesson.latest_revision_id
    assert not lesson.has_unpublished_changes
    assert Revision.objects.count() == revisions + 1
    html = client.get(lesson.url).content.decode()
    assert "Cài VNeID cho đúng" in html and "Bật Wi-Fi hay dữ liệu" in html
    # Written once: the next run finds the page as the seed left it.
    assert said(seed()) == []
    assert Revision.objects.count() == revisions + 1


def admin_edit(client, page, action):
    """What an editor does to a page in the Wagtail admin."""
    if action == "unpublish":
        url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
        response = client.post(url)
    else:
        data = {
            "title": "Cài VNeID (bản của biên tập viên)",
            "slug": page.slug,
            "summary": page.summary,
            "minutes": page.minutes,
            "body": streamfield([("text", rich_text("<p>Viết lại.</p>"))]),
        }
        if action == "publish":
            data["action-publish"] = "publish"
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = client.post(url, nested_form_data(data))
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.parametrize("action", ["publish", "draft", "unpublish"])
def test_a_lesson_an_editor_changed_is_left_alone(
    demo_content, client, make_staff, action
):
    seed()
    lesson = LessonPage.objects.get(slug="cai-dat-vneid")
    client.force_login(make_staff(Role.EDITOR))
    admin_edit(client, lesson, action)
    lesson.refresh_from_db()
    edited = (
        lesson.title,
        lesson.live,
        lesson.latest_revision_id,
        list(lesson.body.raw_data),
    )
    revisions = Revision.objects.count()
    demo_content.edit(LESSON_FILE, "Bật Wi-Fi hoặc dữ liệu", "Bật Wi-Fi hay dữ liệu")

    lines = said(seed())

    assert lines == [f"  left LessonPage {lesson.title}: an editor changed it"]
    lesson.refresh_from_db()
    assert edited == (
        lesson.title,
        lesson.live,
        lesson.latest_revision_id,
        list(lesson.body.raw_data),
    )
    assert Revision.objects.count() == revisions


def test_pages_seeded_before_records_were_kept_are_brought_up_to_date_once(
    demo_content, make_staff
):
    seed()
    # As seeded before this change: no records; one lesson an editor had saved.
    DemoSeed.objects.all().delete()
    edited = LessonPage.objects.get(slug="cai-dat-vneid")
    edited.save_revision(user=make_staff(Role.EDITOR))

    lines = said(seed())

    assert f"  left LessonPage {edited.title}: an editor changed it" in lines
    updated = [line for line in lines if line.startswith("  updated ")]
    assert len(updated) == Page.objects.type(CourseIndexPage, CoursePage).count() + (
        LessonPage.objects.count() - 1
    )
    assert said(seed()) == [f"  left LessonPage {edited.title}: an editor changed it"]


def test_a_second_seed_reads_a_few_rows_per_page(
    db, demo_content, django_assert_max_num_queries
):
    seed()
    # 24 pages: finding each, its record and its pictures (114 when pinned).
    with django_assert_max_num_queries(120):
        seed()
