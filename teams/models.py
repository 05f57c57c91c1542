"""The volunteers' workspace: VNeID records, sessions, nudges, imports.

Rows are made by `teams.services` only.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class VneidLevel2(models.Model):
    """VNeID level 2 of one person: confirmed by a volunteer, or declared by them.

    The movement's official count is adults confirmed on VNeID; a declaration is shown
    as such and never overrides a confirmation.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed by a volunteer")
        DECLARED = "declared", _("Declared by the resident")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="vneid_level2",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    activated_on = models.DateField(_("activated on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("VNeID level 2")
        verbose_name_plural = _("VNeID level 2")

    def __str__(self):
        return f"{self.user_id}: {self.status}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class GroupSession(models.Model):
    """A group session a volunteer ran, with the residents who came."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="team_sessions",
    )
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    course = models.ForeignKey(
        "learning.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    neighbourhood = models.ForeignKey(
        "community.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="team_sessions",
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attendees"),
        related_name="team_sessions_attended",
        blank=True,
    )
    created_at = models.DateTimeField(_("logged at"), default=timezone.now)

    class Meta:
        verbose_name = _("group session")
        verbose_name_plural = _("group sessions")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.held_on} – {self.place}"


class Nudge(models.Model):
    """One SMS reminder sent to one resident: at most one per resident per week."""

    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="nudges",
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    idle_days = models.PositiveSmallIntegerField(_("days without progress"))

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["resident", "sent_at"])]

    def __str__(self):
        return f"{self.resident_id} {self.sent_at:%Y-%m-%d}"


class ImportJob(models.Model):
    """One uploaded list and what became of it.

    The file is kept in the database, never under MEDIA_URL: it is personal data, and
    it is cleared as soon as the job finishes or fails (`teams.importing.job_run`).
    `community.imports` reads it; the apply runs as a background task
    (`teams.tasks.import_job_run`) whose progress the job page shows.
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Waiting for confirmation")
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired: not confirmed within a week")

    class Mode(models.TextChoices):
        ALL_OR_NOTHING = "all_or_nothing", _("All or nothing")
        GOOD_ROWS = "good_rows", _("Only the good rows")

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ward = models.ForeignKey(
        "community.Ward",
        verbose_name=_("ward"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    neighbourhood = models.ForeignKey(
        "community.Neighbourhood",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    filename = models.CharField(_("file name"), max_length=255)
    data = models.BinaryField(_("file"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.UPLOADED
    )
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, blank=True)
    consent_confirmed_at = models.DateTimeField(
        _("consent confirmed at"), null=True, blank=True
    )
    progress_done = models.PositiveIntegerField(_("rows done"), default=0)
    progress_total = models.PositiveIntegerField(_("rows in all"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    duplicate_count = models.PositiveIntegerField(_("duplicates skipped"), default=0)
    bad_count = models.PositiveIntegerField(_("bad rows not imported"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def is_running(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.RUNNING}

    @property
    def percent(self) -> int:
        if not self.progress_total:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))
