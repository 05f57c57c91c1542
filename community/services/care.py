"""A resident's record over time (issue #9): the access log, corrections, moves,
leaving, erasure, a new phone after a lost SIM, two records of one person."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import SignInCard, User
from accounts.names import name_clean
from accounts.phones import phone_normalise
from accounts.services import sessions_end, user_anonymise

from ..access import Change, can_change_resident, is_staff_account
from ..models import (
    AccessLogEntry,
    Neighbourhood,
    ResidentProfile,
)
from ..signals import (
    resident_moved,
    resident_removed,
    resident_updated,
    residents_merged,
)
from ..text import search_column
from .roles import roles_clear


def access_log_record(
    *,
    actor: User,
    action: str,
    subject: User | None = None,
    neighbourhood: Neighbourhood | None = None,
    detail: str = "",
    people: Iterable[User | int] = (),
) -> AccessLogEntry:
    """Record that staff looked at, changed, exported or printed personal data.

    `detail` names what (a list, the fields changed), never the personal data itself.
    `people`: everyone a list showed (one entry for the whole page, not one each).
    """
    entry = AccessLogEntry.objects.create(
        actor=actor,
        action=action,
        subject=subject,
        neighbourhood=neighbourhood,
        detail=detail[:255],
    )
    shown = {getattr(person, "pk", person) for person in people}
    shown.discard(actor.pk)  # one's own record is not logged
    if shown:  # a new entry: one INSERT of the links, no look-up first
        AccessLogEntry.people.through.objects.bulk_create(
            AccessLogEntry.people.through(accesslogentry_id=entry.pk, user_id=pk)
            for pk in sorted(shown)
        )
    return entry


def _check_may(by: User | None, profile: ResidentProfile, change: Change) -> None:
    """Services check too, not only views (issue #16): someone acting on another
    person's record must be allowed by `community.access`. The person themselves
    acts on their own pages; `by=None` is the system (imports, the demo)."""
    if by is None or by.pk == profile.user_id:
        return
    if not can_change_resident(by, profile, change):
        raise PermissionDenied


def _log_change(by: User | None, profile: ResidentProfile, detail: str) -> None:
    """Staff changing someone else's record leave an entry; one's own edits do not."""
    if by is not None and by.pk != profile.user_id:
        access_log_record(
            actor=by,
            action=AccessLogEntry.Action.CHANGED,
            subject=profile.user,
            neighbourhood=profile.neighbourhood,
            detail=detail,
        )


@transaction.atomic
def resident_details_update(
    *,
    profile: ResidentProfile,
    full_name: str,
    birth_year: int | None,
    by: User | None,
) -> ResidentProfile:
    """Correct a resident's name and birth year; announce what changed."""
    _check_may(by, profile, Change.RECORD)
    user = profile.user
    full_name = name_clean(full_name)
    changed = frozenset(
        name
        for name, value in (("full_name", full_name), ("birth_year", birth_year))
        if getattr(user, name) != value
    )
    if not changed:
        return profile
    user.full_name, user.birth_year = full_name, birth_year
    user.save(update_fields=sorted(changed))
    if "full_name" in changed:
        profile.search_name = search_column(full_name)
        ResidentProfile.objects.filter(pk=profile.pk).update(
            search_name=profile.search_name
        )
    _log_change(by, profile, "corrected " + ", ".join(sorted(changed)))
    transaction.on_commit(
        lambda: resident_updated.send(
            sender=ResidentProfile, profile=profile, fields=changed
        )
    )
    return profile


@transaction.atomic
def resident_move(
    *, profile: ResidentProfile, neighbourhood: Neighbourhood, by: User | None
) -> ResidentProfile:
    """Move a resident to another neighbourhood; its volunteers see them from now on."""
    _check_may(by, profile, Change.RECORD)
    locked = ResidentProfile.objects.select_for_update().get(pk=profile.pk)
    from_id = locked.neighbourhood_id
    if from_id == neighbourhood.pk:
        return profile
    locked.neighbourhood = neighbourhood
    locked.save(update_fields=["neighbourhood"])
    profile.neighbourhood = neighbourhood
    _log_change(
        by, profile, f"moved from neighbourhood {from_id} to {neighbourhood.pk}"
    )
    transaction.on_commit(
        lambda: resident_moved.send(
            sender=ResidentProfile, profile=locked, from_neighbourhood_id=from_id
        )
    )
    return profile


def _status_set(
    profile: ResidentProfile,
    status: str,
    reason: str,
    by: User | None,
    *,
    allowed_from: frozenset[str] = frozenset({ResidentProfile.Status.ACTIVE}),
) -> ResidentProfile:
    locked = ResidentProfile.objects.select_for_update().get(pk=profile.pk)
    previous = locked.status
    if previous not in allowed_from:
        raise ValidationError(
            _("This resident is no longer counted among the active residents."),
            code="not_active",
        )
    locked.status = status
    locked.status_changed_at = timezone.now()
    locked.status_reason = " ".join((reason or "").split())[:300]
    locked.save(update_fields=["status", "status_changed_at", "status_reason"])
    profile.status = locked.status
    profile.status_changed_at = locked.status_changed_at
    profile.status_reason = locked.status_reason
    transaction.on_commit(
        lambda: resident_removed.send(
            sender=ResidentProfile, profile=locked, previous_status=previous
        )
    )
    return profile


@transaction.atomic
def resident_mark_gone(
    *, profile: ResidentProfile, status: str, reason: str, by: User
) -> ResidentProfile:
    """Mark a resident as moved away or deceased: out of rosters and reminders."""
    _check_may(by, profile, Change.RECORD)
    if status not in (
        ResidentProfile.Status.MOVED_AWAY,
        ResidentProfile.Status.DECEASED,
    ):
        raise ValidationError(_("Choose moved away or deceased."), code="status")
    _status_set(profile, status, reason, by)
    _log_change(by, profile, f"marked {status}")
    return profile


@transaction.atomic
def resident_erase(
    *, profile: ResidentProfile, by: User, reason: str = ""
) -> ResidentProfile:
    """Withdraw consent: erase the person's data, keep anonymous learning records.

    `by` is the resident themselves, or the volunteer or city admin acting on their
    spoken or paper request (then `reason` says so, and the access log records it).
    Listeners revoke certificates ("withdrawn") and drop the person from rosters.

    A staff account is not erased while it holds a role: a city admin revokes the
    roles first, so the "last city admin" guard counts right (issue #16).
    """
    _check_may(by, profile, Change.ERASE)
    if is_staff_account(profile.user):
        raise ValidationError(
            _(
                "This person holds a role in the movement (volunteer, officer, "
                "editor or administrator). A city administrator must remove the "
                "role first."
            ),
            code="staff",
        )
    if by.pk != profile.user_id and not (reason or "").strip():
        raise ValidationError(
            _("Say how the resident asked (spoken or on paper)."), code="reason"
        )
    # Someone who moved away keeps the right to withdraw (and a family may ask for
    # a deceased relative's data to go); only an erasure cannot happen twice.
    _status_set(
        profile,
        ResidentProfile.Status.WITHDRAWN,
        reason,
        by,
        allowed_from=frozenset(
            {
                ResidentProfile.Status.ACTIVE,
                ResidentProfile.Status.MOVED_AWAY,
                ResidentProfile.Status.DECEASED,
            }
        ),
    )
    _log_change(by, profile, "erased on request")
    # The search key held the name: it goes with it.
    ResidentProfile.objects.filter(pk=profile.pk).update(
        consent_confirmed_by=None, enrolled_by=None, search_name=""
    )
    profile.search_name = ""
    user_anonymise(user=profile.user)
    roles_clear(user=profile.user)
    return profile


# --- Care by volunteers: a lost SIM, two records of one person (issue #9) -----------


@transaction.atomic
def resident_phone_change(
    *, profile: ResidentProfile, phone: str, by: User, seen_in_person: bool
) -> ResidentProfile:
    """A volunteer records a resident's new number after a lost SIM.

    Only in person: the volunteer saw the person and their ID (`seen_in_person`), as
    no SMS can reach the lost number. The number is normalised; one already in use
    is refused. The number is not marked confirmed (no SMS code was sent to it). The
    person's sessions end: whoever holds the old SIM is signed out. Logged (CHANGED).
    A staff member's number is changed by a city admin only (`community.access`).
    """
    _check_may(by, profile, Change.PHONE)
    if not seen_in_person:
        raise ValidationError(
            _("Please confirm that you saw the person and their ID card."),
            code="not_seen",
        )
    number = phone_normalise(phone)
    user = User.objects.select_for_update().get(pk=profile.user_id)
    if user.phone == number:
        return profile
    taken = ValidationError(
        _(
            "This phone number is already registered to another person. If it is "
            "the same person enrolled twice, merge the two records instead."
        ),
        code="phone_taken",
    )
    if User.objects.filter(phone=number).exclude(pk=user.pk).exists():
        raise taken
    user.phone, user.phone_verified = number, False
    try:
        with transaction.atomic():  # the unique index settles a simultaneous change
            user.save(update_fields=["phone", "phone_verified"])
    except IntegrityError as error:
        raise taken from error
    profile.user = user
    sessions_end(user=user)
    _log_change(by, profile, "changed phone after a lost SIM, seen in person")
    return profile


@transaction.atomic
def resident_merge_into(
    *, keeper: ResidentProfile, duplicate: ResidentProfile, by: User
) -> ResidentProfile:
    """Community's part of merging two records of one person, and its end.

    Called by `teams.services.residents_merge` once learning, quizzes, certificates
    and teams have moved their rows to the keeper. Moves the sign-in cards and the
    access log to the keeper, fills the keeper's missing phone or birth year from
    the duplicate, deletes the duplicate's profile and account, logs the merge
    (CHANGED) and announces `residents_merged` on commit so statistics re-count.
    """
    _check_may(by, keeper, Change.MERGE)
    _check_may(by, duplicate, Change.MERGE)
    keeper_user = User.objects.select_for_update().get(pk=keeper.user_id)
    duplicate_user = User.objects.select_for_update().get(pk=duplicate.user_id)
    merged_user_id, merged_neighbourhood_id = (
        duplicate_user.pk,
        duplicate.neighbourhood_id,
    )

    SignInCard.objects.filter(user=duplicate_user).update(user=keeper_user)
    AccessLogEntry.objects.filter(subject=duplicate_user).update(subject=keeper_user)
    listings = AccessLogEntry.people.through.objects
    listings.filter(
        user=duplicate_user,
        accesslogentry_id__in=listings.filter(user=keeper_user).values(
            "accesslogentry_id"
        ),
    ).delete()
    listings.filter(user=duplicate_user).update(user=keeper_user)
    phone = duplicate_user.phone
    fill = []
    if keeper_user.birth_year is None and duplicate_user.birth_year is not None:
        keeper_user.birth_year = duplicate_user.birth_year
        fill.append("birth_year")
    sessions_end(user=duplicate_user)
    ResidentProfile.objects.filter(pk=duplicate.pk).delete()
    duplicate_user.delete()
    if keeper_user.phone is None and phone:
        keeper_user.phone, keeper_user.phone_verified = (
            phone,
            duplicate_user.phone_verified,
        )
        fill += ["phone", "phone_verified"]
    if fill:
        keeper_user.save(update_fields=fill)
    keeper.user = keeper_user
    _log_change(by, keeper, f"merged the duplicate record of user {merged_user_id}")
    transaction.on_commit(
        lambda: residents_merged.send(
            sender=ResidentProfile,
            profile=keeper,
            merged_user_id=merged_user_id,
            merged_neighbourhood_id=merged_neighbourhood_id,
        )
    )
    return keeper
