"""Quizzes: a short test at the end of a lesson, graded only on the server.

A `Quiz` belongs to one lesson; editors build it in the Wagtail admin (a snippet with
nested questions and choices, drafts, revisions and preview). `QuizAttempt` keeps
every try: which questions were drawn, in which order the choices were shown, what the
person answered and the score. Rows are made by `quizzes.services` only.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
)

from .forms import QuizForm


class Quiz(PreviewableMixin, DraftStateMixin, RevisionMixin, ClusterableModel):
    """The quiz of one lesson; passing it is how that lesson is completed."""

    class Layout(models.TextChoices):
        ALL = "all", _("All questions on one page")
        ONE = "one", _("One question per screen")

    lesson = models.OneToOneField(
        "learning.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="quiz",
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    question_count = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Draw this many questions from the pool; empty: ask them all."),
    )
    shuffle_choices = models.BooleanField(_("shuffle the choices"), default=False)
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty: as many as the learner wants."),
    )
    wait_minutes = models.PositiveSmallIntegerField(
        _("wait between attempts (minutes)"),
        default=0,
        help_text=_("After a failed attempt, how long before the next one."),
    )
    layout = models.CharField(
        _("layout"), max_length=3, choices=Layout.choices, default=Layout.ALL
    )

    base_form_class = QuizForm

    panels = [
        FieldPanel("lesson"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("question_count"),
                FieldPanel("shuffle_choices"),
                FieldPanel("layout"),
                FieldPanel("max_attempts"),
                FieldPanel("wait_minutes"),
            ],
            heading=_("Rules"),
        ),
        InlinePanel(
            "questions",
            heading=_("Questions"),
            label=_("Question"),
            min_num=1,
        ),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self):
        return str(_("Quiz: %(lesson)s") % {"lesson": self.lesson.title})

    def get_preview_template(self, request, mode_name):
        return "quizzes/quiz_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["questions"] = [
            (question, list(question.choices.all()))
            for question in self.questions.all()
        ]
        return context


class Question(ClusterableModel, Orderable):
    """One question of the pool, with its choices and the explanation shown after."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "truefalse", _("True or false")
        PICTURE = "picture", _("Picture choice")

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.SINGLE
    )
    text = models.TextField(_("question"))
    explanation = models.TextField(
        _("explanation"), help_text=_("Shown after the answer is submitted.")
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("explanation"),
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=2),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")

    def __str__(self):
        return self.text[:80]

    @property
    def takes_several(self) -> bool:
        return self.kind == self.Kind.MULTIPLE


class Choice(Orderable):
    """An answer to pick: a text, a picture (for picture choice), or both."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("text"), max_length=300, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_correct = models.BooleanField(_("correct"), default=False)

    panels = [FieldPanel("text"), FieldPanel("image"), FieldPanel("is_correct")]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")

    def __str__(self):
        return self.text or str(self.image or "")


class QuizAttempt(models.Model):
    """One try at a quiz; kept after it is submitted (history of every attempt).

    `question_ids` are the drawn questions in the order shown; `choice_order` maps a
    question id (as a string, JSON keys) to its choice ids in the order shown;
    `answers` maps a question id to the chosen choice ids. Before submission
    `answers` holds what one-question-per-screen has saved so far.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    # PROTECT: attempts are learners' history; a taken quiz is unpublished, not deleted.
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    question_ids = models.JSONField(default=list)
    choice_order = models.JSONField(default=dict)
    answers = models.JSONField(default=dict)
    correct_count = models.PositiveSmallIntegerField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), default=False)

    class Meta:
        verbose_name = _("quiz attempt")
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["user", "quiz", "started_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(submitted_at__isnull=True),
                name="quizzes_one_open_attempt",
            )
        ]

    def __str__(self):
        return f"{self.user_id} / {self.quiz_id} / {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None
