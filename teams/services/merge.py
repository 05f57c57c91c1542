"""Two records of one person become one (issue #9)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from certificates.services import certificate_issue, certificates_merge
from community.access import can_merge_residents, is_staff_account
from community.models import (
    ResidentProfile,
)
from community.services import (
    resident_merge_into,
)
from learning.models import CoursePage
from learning.services import progress_merge
from quizzes.services import attempts_merge

from ..models import GroupSession, Nudge, VneidLevel2

# --- Two records of one person -----------------------------------------------------


def _vneid_merge(keeper: User, duplicate: User) -> None:
    """Keep the confirmed record, else the earliest activation."""
    records = list(
        VneidLevel2.objects.select_for_update().filter(user__in=[keeper, duplicate])
    )
    if not any(record.user_id == duplicate.pk for record in records):
        return
    best = min(
        records,
        key=lambda r: (not r.is_confirmed, r.activated_on, r.user_id != keeper.pk),
    )
    VneidLevel2.objects.filter(user__in=[keeper, duplicate]).exclude(
        pk=best.pk
    ).delete()
    if best.user_id != keeper.pk:
        VneidLevel2.objects.filter(pk=best.pk).update(user=keeper)


def _attendance_merge(keeper: User, duplicate: User) -> None:
    Attendance = GroupSession.attendees.through
    already = Attendance.objects.filter(user=keeper).values_list(
        "groupsession_id", flat=True
    )
    Attendance.objects.filter(
        user=duplicate, groupsession_id__in=list(already)
    ).delete()
    Attendance.objects.filter(user=duplicate).update(user=keeper)


@transaction.atomic
def residents_merge(
    *, keeper: ResidentProfile, duplicate: ResidentProfile, by: User
) -> ResidentProfile:
    """Make two records of one person one: the keeper's, with everything of both.

    Progress becomes the union (`learning.services.progress_merge`), every quiz
    attempt moves, one valid certificate per course is kept and the other revoked as
    "merged duplicate" (its QR code still verifies, as revoked); a course finished
    only by the union is completed and certified now. VNeID keeps the confirmed or
    earliest record; attendance, reminders and sign-in cards move. Then the
    duplicate's profile and account are deleted and `residents_merged` is announced
    on commit (statistics re-count). One transaction: all of it or nothing.

    `by` must be allowed to change both records (`community.access`).
    """
    if keeper.pk == duplicate.pk:
        raise ValidationError(_("Choose two different records."), code="same")
    if not can_merge_residents(by, keeper, duplicate):
        raise PermissionDenied
    locked = {
        profile.pk: profile
        for profile in ResidentProfile.objects.select_for_update()
        .select_related("user", "neighbourhood__ward")
        .filter(pk__in=[keeper.pk, duplicate.pk])
        .order_by("pk")
    }
    if len(locked) != 2:
        raise ValidationError(
            _("One of the two records no longer exists."), code="gone"
        )
    keeper, duplicate = locked[keeper.pk], locked[duplicate.pk]
    withdrawn = ResidentProfile.Status.WITHDRAWN
    if withdrawn in (keeper.status, duplicate.status):
        raise ValidationError(
            _("A record whose data was erased cannot be merged."), code="withdrawn"
        )
    if is_staff_account(duplicate.user):
        raise ValidationError(
            _(
                "The record to merge away belongs to a volunteer or official. Keep "
                "that one and merge the other into it."
            ),
            code="staff",
        )
    person, other = keeper.user, duplicate.user
    completed = progress_merge(keeper=person, duplicate=other)
    attempts_merge(keeper=person, duplicate=other)
    certificates_merge(keeper=person, duplicate=other)
    for completion in completed:
        course = CoursePage.objects.filter(pk=completion.course_id).first()
        if course is not None:
            certificate_issue(user=person, course=course)
    _vneid_merge(person, other)
    _attendance_merge(person, other)
    Nudge.objects.filter(resident=other).update(resident=person)
    return resident_merge_into(keeper=keeper, duplicate=duplicate, by=by)
