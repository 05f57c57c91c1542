"""Reads for the volunteers' workspace: rosters, one resident, sessions, imports.

Every list of people starts from `community.access` (`residents_visible_to`,
`neighbourhoods_visible_to`); nothing here widens what the access module allows.
Roster pages take a fixed number of queries, whatever the number of residents.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.phones import phone_normalise
from certificates.models import Certificate
from community.access import (
    Change,
    is_city_admin,
    neighbourhoods_visible_to,
    residents_changeable_by,
    residents_visible_to,
)
from community.models import Neighbourhood, ResidentProfile
from community.text import search_column
from learning.models import CourseCompletion, CoursePage, LessonProgress
from learning.selectors import CourseProgress, live_lessons_by_course, my_learning
from quizzes.models import QuizAttempt

from .models import GroupSession, ImportJob, Nudge, VneidLevel2

NOT_STARTED, LEARNING, COMPLETED = "not_started", "learning", "completed"
NUDGE_INTERVAL = timedelta(days=7)
GONE_LIST_SIZE = 50


def team_neighbourhoods(*, user) -> list[Neighbourhood]:
    """The neighbourhoods a user follows, each with `resident_count`."""
    return list(
        neighbourhoods_visible_to(user)
        .annotate(
            resident_count=Count(
                "residents", filter=Q(residents__status=ResidentProfile.Status.ACTIVE)
            )
        )
        .order_by("ward__name", "number", "name")
    )


# --- Roster ---------------------------------------------------------------------


def live_courses() -> list[CoursePage]:
    return list(CoursePage.objects.live().defer_streamfields().order_by("path"))


def _search(profiles: QuerySet, query: str) -> QuerySet:
    query = " ".join(query.split())
    if not query:
        return profiles
    digits = "".join(c for c in query if c.isdigit())
    if digits and not any(c.isalpha() for c in query):
        try:
            return profiles.filter(user__phone=phone_normalise(query))
        except ValidationError:
            # Part of a number: "345 678" finds "+84912345678".
            return profiles.filter(user__phone__contains=digits.lstrip("0") or digits)
    return profiles.filter(search_name__contains=search_column(query))


def _status(profiles: QuerySet, status: str, course: CoursePage | None) -> QuerySet:
    if not status:
        return profiles
    progress = LessonProgress.objects.filter(user_id=OuterRef("user_id"))
    completions = CourseCompletion.objects.filter(user_id=OuterRef("user_id"))
    if course is not None:
        lesson_ids = [x.pk for x in live_lessons_by_course([course])[course.pk]]
        progress = progress.filter(lesson_id__in=lesson_ids)
        completions = completions.filter(course_id=course.pk)
    if status == NOT_STARTED:
        return profiles.filter(~Exists(progress))
    if status == LEARNING:
        return profiles.filter(Exists(progress) & ~Exists(completions))
    if status == COMPLETED:
        return profiles.filter(Exists(completions))
    return profiles


def roster(
    *,
    user,
    neighbourhood: Neighbourhood,
    query: str = "",
    status: str = "",
    course: CoursePage | None = None,
) -> QuerySet[ResidentProfile]:
    """Active residents of one neighbourhood that `user` may see, searched and
    filtered. Those who moved away, passed away or withdrew are not in it
    (`roster_gone` lists the first two)."""
    profiles = (
        residents_visible_to(user)
        .filter(neighbourhood=neighbourhood, status=ResidentProfile.Status.ACTIVE)
        .select_related("user__vneid_level2")
        .order_by("user__full_name", "pk")
    )
    return _status(_search(profiles, query), status, course)


@dataclass
class CourseStatus:
    course: CoursePage
    status: str


@dataclass
class RosterRow:
    profile: ResidentProfile
    courses: list[CourseStatus]
    last_activity: datetime | None
    vneid: VneidLevel2 | None

    @property
    def user(self):
        return self.profile.user


def roster_rows(
    *, profiles: list[ResidentProfile], courses: list[CoursePage]
) -> list[RosterRow]:
    """Progress per course and last activity for one page of a roster: 3 queries."""
    user_ids = [p.user_id for p in profiles]
    course_of_lesson = {
        lesson.pk: course_id
        for course_id, lessons in live_lessons_by_course(courses).items()
        for lesson in lessons
    }
    started: set[tuple[int, int]] = set()
    last: dict[int, datetime] = {}
    for user_id, lesson_id, started_at, completed_at in LessonProgress.objects.filter(
        user_id__in=user_ids
    ).values_list("user_id", "lesson_id", "started_at", "completed_at"):
        when = max(started_at, completed_at or started_at)
        last[user_id] = max(when, last.get(user_id, when))
        if lesson_id in course_of_lesson:
            started.add((user_id, course_of_lesson[lesson_id]))
    completed = set(
        CourseCompletion.objects.filter(
            user_id__in=user_ids, course_id__in=[c.pk for c in courses]
        ).values_list("user_id", "course_id")
    )
    rows = []
    for profile in profiles:
        statuses = []
        for course in courses:
            key = (profile.user_id, course.pk)
            if key in completed:
                status = COMPLETED
            elif key in started:
                status = LEARNING
            else:
                status = NOT_STARTED
            statuses.append(CourseStatus(course=course, status=status))
        rows.append(
            RosterRow(
                profile=profile,
                courses=statuses,
                last_activity=last.get(profile.user_id),
                vneid=getattr(profile.user, "vneid_level2", None),
            )
        )
    return rows


def roster_gone(*, user, neighbourhood: Neighbourhood) -> list[ResidentProfile]:
    """The short "no longer here" list of a roster: moved away or passed away.

    Residents who withdrew their consent are not listed: their record holds no name.
    """
    return list(
        residents_visible_to(user)
        .filter(
            neighbourhood=neighbourhood,
            status__in=[
                ResidentProfile.Status.MOVED_AWAY,
                ResidentProfile.Status.DECEASED,
            ],
        )
        .order_by("-status_changed_at", "pk")[:GONE_LIST_SIZE]
    )


# --- One resident -----------------------------------------------------------------


def resident_for(*, user, profile_id: int) -> ResidentProfile | None:
    """A resident by id, only if `user` may see them (else None: a 404)."""
    return (
        residents_visible_to(user)
        .select_related("enrolled_by", "consent_confirmed_by", "user__vneid_level2")
        .filter(pk=profile_id)
        .first()
    )


@dataclass
class ResidentFile:
    profile: ResidentProfile
    courses: list[CourseProgress]
    attempts: list[QuizAttempt]
    certificates: list[Certificate]
    vneid: VneidLevel2 | None
    sessions: list[GroupSession] = field(default_factory=list)
    last_nudge: Nudge | None = None


def resident_file(*, profile: ResidentProfile) -> ResidentFile:
    """Everything the workspace shows about one resident: a fixed number of queries."""
    person = profile.user
    return ResidentFile(
        profile=profile,
        courses=my_learning(user=person),
        attempts=list(
            QuizAttempt.objects.filter(user=person, submitted_at__isnull=False)
            .select_related("quiz__lesson")
            .order_by("-submitted_at")[:30]
        ),
        certificates=list(Certificate.objects.filter(user=person)),
        vneid=getattr(person, "vneid_level2", None),
        sessions=list(
            GroupSession.objects.filter(attendees=person).select_related("course")[:10]
        ),
        last_nudge=Nudge.objects.filter(resident=person).first(),
    )


# --- Sessions, nudges, imports ------------------------------------------------------


def sessions_visible_to(*, user) -> QuerySet[GroupSession]:
    """Sessions held in the neighbourhoods the user follows."""
    return (
        GroupSession.objects.filter(neighbourhood__in=neighbourhoods_visible_to(user))
        .select_related("volunteer", "course", "neighbourhood__ward")
        .annotate(attendee_count=Count("attendees"))
        .order_by("-held_on", "-pk")
    )


def session_attendee_choices(
    *, user, neighbourhood: Neighbourhood
) -> QuerySet[ResidentProfile]:
    """Who may be recorded as attending a session in this neighbourhood: its active
    residents the user may change (`community.access`, `Change.ATTEND`)."""
    return (
        residents_changeable_by(user, Change.ATTEND)
        .filter(neighbourhood=neighbourhood, status=ResidentProfile.Status.ACTIVE)
        .order_by("user__full_name", "pk")
    )


def reminder_recipients(
    *, user, neighbourhood: Neighbourhood
) -> QuerySet[ResidentProfile]:
    """The residents of this neighbourhood the user may send reminders to; who of
    them is due one is `nudge_candidates`."""
    return residents_changeable_by(user, Change.REMIND).filter(
        neighbourhood=neighbourhood
    )


def nudge_candidates(
    *, profiles: QuerySet[ResidentProfile], days: int, now=None
) -> QuerySet[ResidentProfile]:
    """Active residents with a phone and consent, idle for `days`, not reminded
    this week. Those who moved away, passed away or withdrew are never reminded."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=days)
    recent_progress = LessonProgress.objects.filter(user_id=OuterRef("user_id")).filter(
        Q(started_at__gte=cutoff) | Q(completed_at__gte=cutoff)
    )
    recent_nudge = Nudge.objects.filter(
        resident_id=OuterRef("user_id"), sent_at__gte=now - NUDGE_INTERVAL
    )
    return profiles.filter(
        status=ResidentProfile.Status.ACTIVE,
        user__phone__isnull=False,
        user__is_active=True,
        consent_given_at__isnull=False,
        created_at__lt=cutoff,
    ).filter(~Exists(recent_progress) & ~Exists(recent_nudge))


def import_jobs_of(*, user) -> QuerySet[ImportJob]:
    """The imports a user may open: their own; city admins, every one."""
    jobs = ImportJob.objects.select_related("ward", "neighbourhood").defer("data")
    if is_city_admin(user):
        return jobs
    return jobs.filter(uploaded_by=user)


# --- Certificates to hand out ---------------------------------------------------------

HANDOUT_DAYS = 30


def certificates_to_hand_out(
    *, user, neighbourhood: Neighbourhood, days: int = HANDOUT_DAYS
) -> QuerySet[Certificate]:
    """Valid certificates issued in the last `days` days to residents of
    `neighbourhood` whom `user` may see, oldest first (the order they were earned)."""
    since = timezone.now() - timedelta(days=days)
    residents = residents_visible_to(user).filter(
        neighbourhood=neighbourhood, status=ResidentProfile.Status.ACTIVE
    )
    return (
        Certificate.objects.filter(
            revoked_at=None,
            issued_at__gte=since,
            user__resident_profile__in=residents,
        )
        .select_related("user", "course", "ward__certificate_seal")
        .order_by("issued_at", "pk")
    )


# --- Care of a resident's record ----------------------------------------------------


def move_choices(*, profile: ResidentProfile) -> QuerySet[Neighbourhood]:
    """Where a resident may be moved: any other neighbourhood of their ward."""
    return (
        Neighbourhood.objects.select_related("ward")
        .filter(ward_id=profile.neighbourhood.ward_id)
        .exclude(pk=profile.neighbourhood_id)
        .order_by("number", "name")
    )


def merge_candidates(
    *, user, profile: ResidentProfile, query: str, limit: int = 20
) -> list[ResidentProfile]:
    """Other records the user may merge with this one: people they may merge
    (`community.access`), not erased, found by name or phone."""
    if not " ".join(query.split()):
        return []
    profiles = (
        residents_changeable_by(user, Change.MERGE)
        .exclude(pk=profile.pk)
        .exclude(status=ResidentProfile.Status.WITHDRAWN)
        .order_by("user__full_name", "pk")
    )
    return list(_search(profiles, query)[:limit])


# --- Roster export ------------------------------------------------------------------

EXPORT_CHUNK = 500


def roster_export_rows(*, user, neighbourhood: Neighbourhood, courses):
    """The active residents of a roster with their progress in `courses`.

    Yields `RosterRow`s; a fixed number of queries per `EXPORT_CHUNK` residents, so a
    neighbourhood of thousands is never loaded at once.
    """
    profiles = roster(user=user, neighbourhood=neighbourhood)
    chunk_start = 0
    while True:
        chunk = list(profiles[chunk_start : chunk_start + EXPORT_CHUNK])
        if not chunk:
            return
        yield from roster_rows(profiles=chunk, courses=courses)
        chunk_start += EXPORT_CHUNK
