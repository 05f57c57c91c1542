"""Keep the summary rows current from the announcements of the apps below.

One receiver per announcement. The announcements are sent after their transaction
commits. Events add to one row with an atomic `F()` update (`summary_add`); what
changes where or in which cohort a resident is counted (a move, a corrected birth
year, a removal, a merge, a changed VNeID record) re-counts the neighbourhoods
concerned from the raw rows, which is simple and exact.
"""

from django.db.models import Q
from django.utils import timezone

from certificates.models import Certificate
from community.models import ResidentProfile
from learning.models import CourseCompletion, CoursePage, LessonProgress
from teams.models import VneidLevel2

from .cohorts import NO_PERSON, cohort_of
from .services import course_path_of, summary_add


def _home(user_id: int) -> tuple[int, int] | None:
    """(neighbourhood id, birth cohort) of a resident, or None for a non-resident."""
    found = (
        ResidentProfile.objects.filter(user_id=user_id)
        .values_list("neighbourhood_id", "user__birth_year")
        .first()
    )
    if found is None:
        return None
    return found[0], cohort_of(found[1])


def _recount(neighbourhood_ids) -> None:
    """Re-count in the background (a worker in production; inline by default)."""
    from .tasks import neighbourhoods_recount_task

    ids = sorted({pk for pk in neighbourhood_ids if pk is not None})
    if ids:
        neighbourhoods_recount_task.enqueue(ids)


def _earlier(rows, row, field: str):
    """Rows of the same person that came before `row` (ties broken by id)."""
    at = getattr(row, field)
    return rows.exclude(pk=row.pk).filter(
        Q(**{f"{field}__lt": at}) | Q(**{field: at, "pk__lt": row.pk})
    )


def on_resident_registered(sender, profile, **kwargs):
    summary_add(
        day=timezone.localdate(profile.created_at),
        neighbourhood_id=profile.neighbourhood_id,
        course_id=None,
        birth_cohort=cohort_of(profile.user.birth_year),
        registered=1,
    )


def on_lesson_started(sender, user, lesson, progress, **kwargs):
    """Counted once per resident and course (their first lesson there), and once per
    resident (their first lesson of any course)."""
    home = _home(user.pk)
    if home is None:
        return
    neighbourhood_id, cohort = home
    day = timezone.localdate(progress.started_at)
    mine = LessonProgress.objects.filter(user_id=user.pk)
    if not _earlier(mine, progress, "started_at").exists():
        summary_add(
            day=day,
            neighbourhood_id=neighbourhood_id,
            course_id=None,
            birth_cohort=cohort,
            first_started=1,
        )
    course_path = course_path_of(lesson.path)
    course_id = (
        CoursePage.objects.filter(path=course_path).values_list("pk", flat=True).first()
    )
    if course_id is None:
        return
    in_course = mine.filter(lesson__path__startswith=course_path)
    if not _earlier(in_course, progress, "started_at").exists():
        summary_add(
            day=day,
            neighbourhood_id=neighbourhood_id,
            course_id=course_id,
            birth_cohort=cohort,
            started=1,
        )


def on_course_completed(sender, user, course, completion, **kwargs):
    """A re-sent announcement without its completion row counts nothing."""
    if completion is None:
        return
    home = _home(user.pk)
    if home is None:
        return
    neighbourhood_id, cohort = home
    day = timezone.localdate(completion.completed_at)
    summary_add(
        day=day,
        neighbourhood_id=neighbourhood_id,
        course_id=course.pk,
        birth_cohort=cohort,
        completed=1,
    )
    mine = CourseCompletion.objects.filter(user_id=user.pk)
    if not _earlier(mine, completion, "completed_at").exists():
        summary_add(
            day=day,
            neighbourhood_id=neighbourhood_id,
            course_id=None,
            birth_cohort=cohort,
            first_completed=1,
        )


def on_certificate_issued(sender, certificate, **kwargs):
    """Counted once per resident and course: a re-issue replaces, it adds nobody."""
    home = _home(certificate.user_id)
    if home is None:
        return
    same_course = Certificate.objects.filter(
        user_id=certificate.user_id, course_id=certificate.course_id
    )
    if _earlier(same_course, certificate, "issued_at").exists():
        return
    summary_add(
        day=timezone.localdate(certificate.issued_at),
        neighbourhood_id=home[0],
        course_id=certificate.course_id,
        birth_cohort=home[1],
        certificates=1,
    )


def on_session_logged(sender, session, **kwargs):
    summary_add(
        day=session.held_on,
        neighbourhood_id=session.neighbourhood_id,
        course_id=session.course_id,
        birth_cohort=NO_PERSON,
        sessions=1,
    )


def on_vneid_recorded(sender, record, previous_status, **kwargs):
    """A first record adds one; a changed one (declared, then confirmed) may have
    moved to another day and status: re-count, so it is never counted twice."""
    home = _home(record.user_id)
    if home is None:
        return
    if previous_status:
        _recount([home[0]])
        return
    counter = (
        "vneid_confirmed"
        if record.status == VneidLevel2.Status.CONFIRMED
        else "vneid_declared"
    )
    summary_add(
        day=record.activated_on,
        neighbourhood_id=home[0],
        course_id=None,
        birth_cohort=home[1],
        **{counter: 1},
    )


def on_poster_visited(sender, poster, day, **kwargs):
    if poster.neighbourhood_id is None:
        return
    summary_add(
        day=day,
        neighbourhood_id=poster.neighbourhood_id,
        course_id=None,
        birth_cohort=NO_PERSON,
        poster_visits=1,
    )


def on_resident_moved(sender, profile, from_neighbourhood_id, **kwargs):
    _recount([from_neighbourhood_id, profile.neighbourhood_id])


def on_resident_updated(sender, profile, fields, **kwargs):
    if "birth_year" in fields:
        _recount([profile.neighbourhood_id])


def on_resident_removed(sender, profile, previous_status, **kwargs):
    _recount([profile.neighbourhood_id])


def on_residents_merged(
    sender, profile, merged_user_id, merged_neighbourhood_id, **kwargs
):
    _recount([profile.neighbourhood_id, merged_neighbourhood_id])
