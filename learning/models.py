from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import LessonBodyBlock


class CourseIndexPage(Page):
    """The catalogue: every course of the site, with its cover."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["learning.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_cards

        context = super().get_context(request, *args, **kwargs)
        context["cards"] = course_cards(index=self, user=request.user)
        return context


class CoursePage(Page):
    """A course: a short promise and a few lessons (its child pages)."""

    promise = models.CharField(
        _("what you will be able to do"),
        max_length=300,
        help_text=_("One sentence: what the learner can do after this course."),
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("minutes"), default=20)
    topic = models.CharField(_("topic"), max_length=50, blank=True)
    unlock_in_order = models.BooleanField(
        _("unlock lessons in order"),
        default=False,
        help_text=_("A lesson can be finished only after the ones before it."),
    )
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    search_fields = Page.search_fields + [
        index.SearchField("promise"),
        index.SearchField("intro"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("promise"),
        FieldPanel("cover"),
        FieldPanel("estimated_minutes"),
        FieldPanel("topic"),
        FieldPanel("unlock_in_order"),
        FieldPanel("intro"),
    ]

    parent_page_types = ["learning.CourseIndexPage"]
    subpage_types = ["learning.LessonPage"]

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_outline

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = course_outline(course=self, user=request.user)
        return context


class LessonPage(Page):
    """One short lesson of a course, taught step by step."""

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=5)
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("minutes"),
        FieldPanel("body"),
    ]

    parent_page_types = ["learning.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def serve(self, request, *args, **kwargs):
        if request.user.is_authenticated and not getattr(request, "is_preview", False):
            from .services import lesson_start

            lesson_start(user=request.user, lesson=self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .gates import lesson_is_gated
        from .selectors import lesson_position

        context = super().get_context(request, *args, **kwargs)
        context["position"] = lesson_position(lesson=self, user=request.user)
        context["gated"] = lesson_is_gated(self)
        return context


class LessonProgress(models.Model):
    """One learner's progress through one lesson: made by `learning.services`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lesson_progress",
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson"], name="learning_progress_once_per_lesson"
            )
        ]

    def __str__(self):
        return f"{self.user_id} / {self.lesson_id}"


class CourseCompletion(models.Model):
    """A learner finished every live lesson of a course; never undone by new lessons."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="course_completions",
    )
    course = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)

    class Meta:
        verbose_name = _("course completion")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="learning_completion_once_per_course"
            )
        ]

    def __str__(self):
        return f"{self.user_id} / {self.course_id}"
