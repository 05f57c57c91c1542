from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

COUNTERS = ("registered", "started", "completed", "certificates", "sessions")


class DailySummary(models.Model):
    """Events of one day in one neighbourhood, for one course or none (DESIGN.md §3).

    `course` is empty for what belongs to no course (registrations, sessions without a
    course). Kept current by the announcements of the apps below (`stats.receivers`);
    `rebuild_stats` recomputes them from the raw rows.
    """

    day = models.DateField(_("day"))
    neighbourhood = models.ForeignKey(
        "community.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="daily_summaries",
    )
    course = models.ForeignKey(
        "learning.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    registered = models.PositiveIntegerField(_("registered"), default=0)
    started = models.PositiveIntegerField(_("started"), default=0)
    completed = models.PositiveIntegerField(_("completed"), default=0)
    certificates = models.PositiveIntegerField(_("certificates"), default=0)
    sessions = models.PositiveIntegerField(_("sessions"), default=0)

    class Meta:
        verbose_name = _("daily summary")
        verbose_name_plural = _("daily summaries")
        constraints = [
            # Two partial constraints: NULL courses are otherwise all distinct.
            models.UniqueConstraint(
                fields=["day", "neighbourhood", "course"],
                condition=Q(course__isnull=False),
                name="stats_summary_unique_course_day",
            ),
            models.UniqueConstraint(
                fields=["day", "neighbourhood"],
                condition=Q(course__isnull=True),
                name="stats_summary_unique_day",
            ),
        ]
        indexes = [models.Index(fields=["neighbourhood", "day"])]

    def __str__(self):
        return f"{self.day} {self.neighbourhood_id} {self.course_id}"
