"""StreamField blocks shared by every page type."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Description for blind readers"),
        required=False,
        help_text=_("What the picture shows, for screen readers."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/captioned_image_block.html"
        description = _("A picture, with a short caption under it.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("tip", _("Tip")),
            ("warning", _("Warning")),
            ("never", _("Never do this")),
        ],
        default="tip",
    )
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout_block.html"
        description = _("A tip, a warning or a 'never do this' box that stands out.")


class BodyBlock(blocks.StreamBlock):
    """Rich text, images and callouts: the body of simple pages."""

    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        template="blocks/text_block.html",
    )
    image = CaptionedImageBlock()
    callout = CalloutBlock()

    class Meta:
        template = "blocks/body_block.html"


class InfographicBlock(blocks.StructBlock):
    """A tall or wide picture that carries its own text: shown at full width."""

    image = ImageChooserBlock(label=_("Infographic"))
    alt = blocks.TextBlock(
        label=_("What the infographic says, for blind readers"),
        help_text=_("Write out its text: screen readers cannot read a picture."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Infographic (full width)")
        template = "blocks/infographic_block.html"
        description = _("A picture with text in it, shown as wide as the screen.")


class VideoBlock(blocks.StructBlock):
    """A video from a link (YouTube, Facebook …) or an uploaded file: one of the two."""

    embed = EmbedBlock(
        label=_("Video link (YouTube, Facebook …)"),
        required=False,
    )
    file = DocumentChooserBlock(label=_("Uploaded video file"), required=False)
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("embed")) == bool(value.get("file")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "file": ValidationError(
                        _("Give either a video link or an uploaded file.")
                    )
                }
            )
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        description = _("A video from a link, or an uploaded video file.")


class NewsBodyBlock(BodyBlock):
    """The body of a news article: the simple page body, plus infographics and video."""

    infographic = InfographicBlock()
    video = VideoBlock()

    class Meta:
        template = "blocks/body_block.html"
