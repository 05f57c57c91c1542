from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from learning.blocks import LessonBodyBlock

SVG = Path(__file__).parents[2] / "learning/demo_content/images/vneid-store.svg"


@pytest.fixture
def image(db):
    with open(SVG, "rb") as handle:
        image = get_image_model()(title="store", file=ImageFile(handle, name="s.svg"))
        image.save()
    return image


@pytest.fixture
def document(db):
    document = get_document_model()(title="narration")
    document.file.save("narration.mp3", ContentFile(b"ID3 not really audio"))
    return document


def render(kind, value) -> str:
    stream = LessonBodyBlock()
    value = stream.to_python([{"type": kind, "value": value}])
    return stream.render(value)


def test_text_block_renders(db):
    assert "<strong>Hello</strong>" in render("text", "<p><strong>Hello</strong></p>")


def test_image_with_caption_renders_lazy_svg(image):
    html = render("image", {"image": image.pk, "alt": "A phone", "caption": "Store"})
    assert "<figcaption>Store</figcaption>" in html
    assert 'alt="A phone"' in html and 'loading="lazy"' in html
    assert ".svg" in html


def test_numbered_steps_render_in_order_with_screenshot(image):
    html = render(
        "steps",
        [
            {"text": "Open the store", "image": None, "alt": ""},
            {"text": "Search VNeID", "image": image.pk, "alt": "Search box"},
        ],
    )
    assert html.index("Open the store") < html.index("Search VNeID")
    assert html.count('class="step"') == 2 and "<ol" in html
    assert 'alt="Search box"' in html


@pytest.mark.parametrize("kind", ["tip", "warning", "never"])
def test_callout_renders_each_kind(db, kind):
    html = render("callout", {"kind": kind, "text": "<p>Careful</p>"})
    assert f"callout--{kind}" in html and "Careful" in html


def test_uploaded_video_renders_a_plain_video_player(document):
    html = render("video", {"embed": None, "file": document.pk, "caption": "Watch"})
    assert "<video" in html and "controls" in html and document.url in html
    assert "Watch" in html


def test_video_needs_a_link_or_a_file(db):
    from wagtail.blocks import StructBlockValidationError

    block = LessonBodyBlock().child_blocks["video"]
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"embed": None, "file": None, "caption": ""}))


def test_audio_narration_works_without_javascript(document):
    html = render("audio", {"file": document.pk, "transcript": "Hello listeners"})
    assert "<audio" in html and "controls" in html and document.url in html
    assert "Hello listeners" in html
    assert "<script" not in html


def test_practise_checklist_renders_each_item(db):
    html = render("checklist", ["Open VNeID", "Check the developer"])
    assert html.count('type="checkbox"') == 2
    assert "Open VNeID" in html and "Check the developer" in html


def test_news_and_lessons_share_one_video_block(document):
    """A news article takes an uploaded video too: one block in cms serves both."""
    from cms.blocks import NewsBodyBlock

    news_video = NewsBodyBlock().child_blocks["video"]
    assert type(news_video) is type(LessonBodyBlock().child_blocks["video"])
    value = news_video.to_python({"embed": None, "file": document.pk, "caption": ""})
    assert "<video" in news_video.render(value)
