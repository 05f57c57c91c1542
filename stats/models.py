from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Counters of one summary row. `registered` and `removed` are residents joining and
# leaving the active residents; `first_started`/`first_completed` count each person
# once, on the day of their first lesson/completed course of any course.
COUNTERS = (
    "registered",
    "removed",
    "started",
    "first_started",
    "completed",
    "first_completed",
    "certificates",
    "sessions",
    "vneid_confirmed",
    "vneid_declared",
    "poster_visits",
)


class DailySummary(models.Model):
    """Events of one day in one neighbourhood, for one course or none, for one birth
    cohort (DESIGN.md §3): the rows every dashboard filter reads.

    `course` is empty for what belongs to no course (registrations, first
    completions, VNeID, poster visits, sessions without a course). `birth_cohort` is
    `stats.cohorts.NO_PERSON` for what is about no one person (sessions, poster
    visits). Residents are counted where they live now, in their cohort now. Kept
    current by the announcements of the apps below (`stats.receivers`);
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
    birth_cohort = models.PositiveSmallIntegerField(_("birth cohort"), default=0)
    registered = models.PositiveIntegerField(_("registered"), default=0)
    removed = models.PositiveIntegerField(_("removed"), default=0)
    started = models.PositiveIntegerField(_("started"), default=0)
    first_started = models.PositiveIntegerField(_("started a first lesson"), default=0)
    completed = models.PositiveIntegerField(_("completed"), default=0)
    first_completed = models.PositiveIntegerField(
        _("completed a first course"), default=0
    )
    certificates = models.PositiveIntegerField(_("certificates"), default=0)
    sessions = models.PositiveIntegerField(_("sessions"), default=0)
    vneid_confirmed = models.PositiveIntegerField(
        _("VNeID level 2 confirmed"), default=0
    )
    vneid_declared = models.PositiveIntegerField(_("VNeID level 2 declared"), default=0)
    poster_visits = models.PositiveIntegerField(_("poster visits"), default=0)

    class Meta:
        verbose_name = _("daily summary")
        verbose_name_plural = _("daily summaries")
        constraints = [
            # Two partial constraints: NULL courses are otherwise all distinct.
            models.UniqueConstraint(
                fields=["day", "neighbourhood", "course", "birth_cohort"],
                condition=Q(course__isnull=False),
                name="stats_summary_unique_course_day",
            ),
            models.UniqueConstraint(
                fields=["day", "neighbourhood", "birth_cohort"],
                condition=Q(course__isnull=True),
                name="stats_summary_unique_day",
            ),
        ]
        indexes = [
            models.Index(fields=["neighbourhood", "day"]),
            # What the dashboards count "so far" (every day up to the end date) is
            # read from the course-less rows alone: on PostgreSQL an index-only scan.
            models.Index(
                fields=["neighbourhood", "day"],
                include=[
                    "birth_cohort",
                    "registered",
                    "removed",
                    "first_completed",
                    "vneid_confirmed",
                    "vneid_declared",
                ],
                condition=Q(course__isnull=True),
                name="stats_summary_so_far",
            ),
        ]

    def __str__(self):
        return (
            f"{self.day} {self.neighbourhood_id} {self.course_id} {self.birth_cohort}"
        )
