"""Demo data: the reader refuses what Wagtail would drop or ignore; pages follow it."""

import shutil
from pathlib import Path

import pytest

from cms import demo as cms_demo
from cms.models import NewsPage
from cms.seeding import DemoDataError, DemoImages, demo_read, demo_stream
from learning.blocks import LessonBodyBlock

IMAGES = Path(__file__).parents[2] / "learning/demo_content/images"


def stream(data):
    return demo_stream(
        LessonBodyBlock(), data, images=DemoImages(IMAGES), where="lesson.toml"
    )


def test_a_file_reads_with_its_keys(tmp_path):
    path = tmp_path / "course.toml"
    path.write_text('title = "Khóa học"\norder = 2\n', encoding="utf-8")
    assert demo_read(path, keys={"title", "order"}) == {"title": "Khóa học", "order": 2}
    with pytest.raises(DemoDataError, match="unknown key.*order"):
        demo_read(path, keys={"title"})
    with pytest.raises(DemoDataError, match="missing key.*promise"):
        demo_read(path, keys={"title", "order", "promise"}, required={"promise"})
    path.write_text('title = "no end\n', encoding="utf-8")
    with pytest.raises(DemoDataError, match="course.toml"):
        demo_read(path, keys={"title"})


def test_blocks_become_the_stored_value_with_pictures_by_file_name(db):
    value = stream(
        [
            {"type": "text", "value": "<p>Xin chào</p>"},
            {
                "type": "steps",
                "value": [
                    {"text": "Mở ứng dụng."},
                    {"text": "Bấm Cài đặt.", "image": "vneid-store.svg", "alt": "Nút"},
                ],
            },
        ]
    )
    assert [child.block_type for child in value] == ["text", "steps"]
    first, second = value[1].value
    assert first["image"] is None and first["alt"] == ""
    assert second["image"].title == "vneid-store.svg" and second["alt"] == "Nút"
    # Found again, not made twice.
    assert (
        stream([{"type": "image", "value": {"image": "vneid-store.svg"}}])[0].value[
            "image"
        ]
        == (second["image"])
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([{"type": "txt", "value": "<p>x</p>"}], r"\[0\]: unknown block type 'txt'"),
        (
            [{"type": "callout", "value": {"kind": "tip", "txt": "<p>x</p>"}}],
            r"\[0\]\.value: unknown key\(s\) txt",
        ),
        ([{"value": "<p>x</p>"}], "missing key.*type"),
        ([{"type": "image", "value": {"image": "nowhere.svg"}}], "no picture"),
        ([{"type": "callout", "value": {"kind": "maybe", "text": "<p>x</p>"}}], "kind"),
        ([{"type": "steps", "value": [{"text": ""}]}], "text"),
        ([{"type": "audio", "value": {"file": "a.mp3"}}], "pictures only"),
    ],
)
def test_a_mistake_in_a_file_stops_the_seed_saying_where(db, data, message):
    with pytest.raises(DemoDataError, match=message) as error:
        stream(data)
    assert str(error.value).startswith("lesson.toml")


@pytest.fixture
def news_content(tmp_path, monkeypatch):
    root = tmp_path / "demo_content"
    shutil.copytree(cms_demo.CONTENT, root)
    monkeypatch.setattr(cms_demo, "CONTENT", root)
    return root


def test_a_changed_article_file_is_written_again_with_its_tags(db, news_content):
    cms_demo.seed_demo(log=lambda line: None)
    path = news_content / "news/02-hon-500-nguoi-kich-hoat-vneid.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('tags = ["VNeID", "Phong trào"]', 'tags = ["VNeID"]').replace(
            "Sau một tháng học", "Sau hai tháng học"
        ),
        encoding="utf-8",
    )
    lines = []

    cms_demo.seed_demo(log=lines.append)

    page = NewsPage.objects.get(slug="hon-500-nguoi-kich-hoat-vneid")
    assert lines[1:] == [f"  updated NewsPage {page.title}"]
    assert page.lead.startswith("Sau hai tháng học") and page.live
    assert [tag.name for tag in page.tags.all()] == ["VNeID"]
    assert page.live_revision.as_object().lead == page.lead
