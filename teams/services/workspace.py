"""Writes of the volunteers' workspace: access records, enrolment,
VNeID, group sessions, reminders, imports."""

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.phones import phone_normalise
from accounts.sms import SmsDeliveryError, sms_send
from community.access import (
    Change,
    can_change_resident,
    residents_changeable_by,
    serves_neighbourhood,
)
from community.models import (
    AccessLogEntry,
    Neighbourhood,
    ResidentProfile,
    Ward,
)
from community.services import (
    access_log_record,
    resident_register,
)
from community.text import strip_diacritics
from learning.models import CoursePage

from ..models import GroupSession, ImportJob, Nudge, VneidLevel2
from ..selectors import nudge_candidates
from ..signals import session_logged, vneid_recorded

logger = logging.getLogger(__name__)


def staff_access_record(
    *,
    actor: User,
    action: str,
    profile: ResidentProfile | None = None,
    neighbourhood: Neighbourhood | None = None,
    detail: str = "",
    people=(),
) -> AccessLogEntry | None:
    """Log that staff viewed, changed, exported or printed personal data.

    One's own record is not logged (a volunteer is also a resident). `detail` names
    what, never the data itself; `people`, everyone a list showed.
    """
    if profile is not None and profile.user_id == actor.pk:
        return None
    return access_log_record(
        actor=actor,
        action=action,
        subject=profile.user if profile is not None else None,
        neighbourhood=neighbourhood or (profile.neighbourhood if profile else None),
        detail=detail,
        people=people,
    )


# --- Enrolment --------------------------------------------------------------------


class PhoneTaken(Exception):
    """The phone number belongs to someone already registered.

    `profile` is their resident profile (None for someone without one); the caller
    decides, through `community.access`, whether it may say who they are.
    """

    def __init__(self, profile: ResidentProfile | None):
        super().__init__("phone taken")
        self.profile = profile


@transaction.atomic
def neighbour_enrol(
    *,
    volunteer: User,
    full_name: str,
    birth_year: int | None,
    neighbourhood: Neighbourhood,
    phone: str = "",
) -> ResidentProfile:
    """A volunteer enrols a neighbour whose consent they confirmed.

    The account has no usable password: the neighbour signs in with a printed card
    or an SMS code. Without a phone (e.g. a family sharing one), `phone` is empty.
    """
    if not serves_neighbourhood(volunteer, neighbourhood):
        raise PermissionDenied
    number = phone_normalise(phone) if phone and phone.strip() else None
    if number is not None:
        existing = User.objects.filter(phone=number).first()
        if existing is not None:
            raise PhoneTaken(
                ResidentProfile.objects.select_related("neighbourhood")
                .filter(user=existing)
                .first()
            )
    try:
        with transaction.atomic():
            user = User.objects.create_user(phone=number, password=None)
    except IntegrityError as error:
        # The same number registered at the same moment by someone else.
        raise PhoneTaken(
            ResidentProfile.objects.filter(user__phone=number).first()
        ) from error
    now = timezone.now()
    profile = resident_register(
        user=user,
        full_name=full_name,
        birth_year=birth_year,
        neighbourhood=neighbourhood,
        consent_given_at=now,
        enrolled_by=volunteer,
        enrolled_how=ResidentProfile.EnrolledHow.ASSISTED,
        consent_confirmed_by=volunteer,
    )
    staff_access_record(
        actor=volunteer,
        action=AccessLogEntry.Action.CHANGED,
        profile=profile,
        detail="enrolled by a volunteer",
    )
    return profile


# --- VNeID level 2 ---------------------------------------------------------------


def _vneid_status(user: User) -> str:
    return (
        VneidLevel2.objects.select_for_update()
        .filter(user=user)
        .values_list("status", flat=True)
        .first()
        or ""
    )


def _vneid_announce(record: VneidLevel2, previous: str) -> None:
    transaction.on_commit(
        lambda: vneid_recorded.send(
            sender=VneidLevel2, record=record, previous_status=previous
        )
    )


@transaction.atomic
def vneid_confirm(
    *, volunteer: User, profile: ResidentProfile, activated_on: date
) -> VneidLevel2:
    """A volunteer saw the account activated at level 2: the official count."""
    if not can_change_resident(volunteer, profile, Change.RECORD):
        raise PermissionDenied
    previous = _vneid_status(profile.user)
    record, _created = VneidLevel2.objects.update_or_create(
        user=profile.user,
        defaults={
            "status": VneidLevel2.Status.CONFIRMED,
            "activated_on": activated_on,
            "recorded_by": volunteer,
            "recorded_at": timezone.now(),
        },
    )
    staff_access_record(
        actor=volunteer,
        action=AccessLogEntry.Action.CHANGED,
        profile=profile,
        detail="confirmed VNeID level 2",
    )
    _vneid_announce(record, previous)
    return record


@transaction.atomic
def vneid_declare(*, user: User, activated_on: date) -> VneidLevel2:
    """A resident says they activated level 2; a confirmation is never downgraded."""
    record = VneidLevel2.objects.select_for_update().filter(user=user).first()
    if record is not None and record.is_confirmed:
        return record
    previous = record.status if record is not None else ""
    record, _created = VneidLevel2.objects.update_or_create(
        user=user,
        defaults={
            "status": VneidLevel2.Status.DECLARED,
            "activated_on": activated_on,
            "recorded_by": user,
            "recorded_at": timezone.now(),
        },
    )
    _vneid_announce(record, previous)
    return record


# --- Group sessions -------------------------------------------------------------


@transaction.atomic
def session_log(
    *,
    volunteer: User,
    date: date,
    place: str,
    course: CoursePage | None,
    neighbourhood: Neighbourhood,
    attendees,
) -> GroupSession:
    """Record a session a volunteer ran; announced once (`session_logged`)."""
    if not serves_neighbourhood(volunteer, neighbourhood):
        raise PermissionDenied
    attendee_ids = {getattr(a, "pk", a) for a in attendees}
    allowed = set(
        residents_changeable_by(volunteer, Change.ATTEND)
        .filter(neighbourhood=neighbourhood, user_id__in=attendee_ids)
        .values_list("user_id", flat=True)
    )
    if attendee_ids - allowed:
        raise ValidationError(
            _(
                "Attendees must be residents of the session's neighbourhood whom "
                "you look after."
            ),
            code="attendee_elsewhere",
        )
    session = GroupSession.objects.create(
        volunteer=volunteer,
        held_on=date,
        place=" ".join(place.split()),
        course=course,
        neighbourhood=neighbourhood,
    )
    session.attendees.set(sorted(attendee_ids))
    transaction.on_commit(
        lambda: session_logged.send(sender=GroupSession, session=session)
    )
    return session


# --- Nudges -----------------------------------------------------------------------


@dataclass
class NudgeResult:
    sent: int = 0
    skipped: int = 0
    failed: int = 0


def _nudge_text(profile: ResidentProfile, days: int) -> str:
    # Vietnamese without diacritics on purpose: one SMS part (README, "Development").
    name = strip_diacritics(profile.user.get_short_name())
    return (
        f"Chao {name}! Da {days} ngay ban chua hoc tiep. "
        f"Hoc tiep tren dien thoai: {settings.SITE_BASE_URL}/learning/my/ "
        "- To cong nghe so cong dong"
    )


def nudge_send(*, volunteer: User, residents, days: int) -> NudgeResult:
    """Remind residents by SMS who consented and have not progressed for `days`.

    At most one reminder per resident per week, whoever sends it; only residents
    the volunteer may change (their own neighbourhoods). Each reminder is recorded
    once its SMS went out; a provider failure is counted, not raised. Staff
    accounts are never reminded by a volunteer (`community.access`).
    """
    if days < 1:
        raise ValidationError(_("Choose at least one day."), code="days")
    # Those who moved away, passed away or withdrew are not even counted as skipped;
    # nor is anyone the volunteer may not remind (`community.access`).
    profiles = residents.filter(
        status=ResidentProfile.Status.ACTIVE,
        pk__in=residents_changeable_by(volunteer, Change.REMIND).values("pk"),
    )
    candidates = nudge_candidates(profiles=profiles, days=days).select_related("user")
    chosen = set(candidates.values_list("pk", flat=True))
    result = NudgeResult(skipped=profiles.exclude(pk__in=chosen).count())
    for profile in candidates:
        with transaction.atomic():
            # Lock the person: two volunteers pressing at once send one SMS.
            User.objects.select_for_update().filter(pk=profile.user_id).first()
            if not nudge_candidates(
                profiles=ResidentProfile.objects.filter(pk=profile.pk), days=days
            ).exists():
                result.skipped += 1
                continue
            try:
                sms_send(to=profile.user.phone, body=_nudge_text(profile, days))
            except SmsDeliveryError:
                logger.warning("Reminder to resident %s not sent", profile.pk)
                result.failed += 1
                continue
            Nudge.objects.create(
                resident=profile.user, sent_by=volunteer, idle_days=days
            )
            result.sent += 1
    return result


# --- Imports ------------------------------------------------------------------------


@transaction.atomic
def import_job_create(
    *,
    uploaded_by: User,
    ward: Ward,
    neighbourhood: Neighbourhood | None,
    filename: str,
    data: bytes,
) -> ImportJob:
    """Keep an uploaded list (privately, in the database) until it is confirmed."""
    if neighbourhood is not None and (
        neighbourhood.ward_id != ward.pk
        or not serves_neighbourhood(uploaded_by, neighbourhood)
    ):
        raise PermissionDenied
    return ImportJob.objects.create(
        uploaded_by=uploaded_by,
        ward=ward,
        neighbourhood=neighbourhood,
        filename=filename[:255],
        data=data,
    )


def import_jobs_expire(*, now=None) -> int:
    """Wipe uploads nobody confirmed within `IMPORT_UPLOAD_KEEP_DAYS` (a week):
    the file holds people's data for no purpose any more (issue #16). Daily, from
    `manage.py purge_imports`. Returns how many expired."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.IMPORT_UPLOAD_KEEP_DAYS)
    return ImportJob.objects.filter(
        status=ImportJob.Status.UPLOADED, created_at__lt=cutoff
    ).update(status=ImportJob.Status.EXPIRED, data=b"", finished_at=timezone.now())


@transaction.atomic
def import_job_confirm(*, job: ImportJob, mode: str, confirmed_by: User) -> ImportJob:
    """The importer chose a mode and confirmed consent: run it in the background."""
    from ..tasks import import_job_run_task

    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.status != ImportJob.Status.UPLOADED:
        raise ValidationError(_("This list has already been imported."), code="done")
    if mode not in ImportJob.Mode.values:
        raise ValidationError(_("Choose how to import."), code="mode")
    job.mode = mode
    job.status = ImportJob.Status.QUEUED
    job.consent_confirmed_at = timezone.now()
    job.save(update_fields=["mode", "status", "consent_confirmed_at"])
    job_id = job.pk
    transaction.on_commit(lambda: import_job_run_task.enqueue(job_id))
    return job
