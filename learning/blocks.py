"""StreamField blocks for lessons: step-by-step teaching for people new to phones."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.blocks import CalloutBlock, CaptionedImageBlock, VideoBlock


class StepBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("What to do"))
    image = ImageChooserBlock(label=_("Screenshot"), required=False)
    alt = blocks.CharBlock(
        label=_("Description for blind readers"),
        required=False,
        help_text=_("What the screenshot shows, for screen readers."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "blocks/step_block.html"
        description = _("One step: what to do, with an optional screenshot.")


class StepsBlock(blocks.ListBlock):
    """Numbered steps; the child defaults to `StepBlock` (migrations pass it back)."""

    def __init__(self, child_block=None, **kwargs):
        super().__init__(child_block or StepBlock(), **kwargs)

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        template = "blocks/steps_block.html"
        description = _("Steps to follow in order, each with an optional screenshot.")


class AudioBlock(blocks.StructBlock):
    file = DocumentChooserBlock(label=_("Audio file (mp3, m4a, ogg)"))
    transcript = blocks.TextBlock(label=_("What is said"), required=False)

    class Meta:
        icon = "media"
        label = _("Audio narration")
        template = "blocks/audio_block.html"
        description = _("The lesson read aloud, for people who prefer to listen.")


class ChecklistBlock(blocks.ListBlock):
    """ "Practise on your own phone": things to try, ticked off by the learner."""

    def __init__(self, child_block=None, **kwargs):
        super().__init__(child_block or blocks.CharBlock(label=_("Item")), **kwargs)

    class Meta:
        icon = "tick"
        label = _("Practise on your own phone")
        template = "blocks/checklist_block.html"
        description = _("A checklist of things to try on your own phone.")


class LessonBodyBlock(blocks.StreamBlock):
    """Everything a lesson can hold, in the order an editor usually needs it."""

    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        template="blocks/text_block.html",
    )
    image = CaptionedImageBlock()
    steps = StepsBlock()
    callout = CalloutBlock()
    video = VideoBlock()
    audio = AudioBlock()
    checklist = ChecklistBlock()

    class Meta:
        template = "blocks/body_block.html"
