"""Writes for community: residents and roles. The only place these rows are made."""

from collections.abc import Sequence
from typing import Protocol

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import SignInCard, User
from accounts.phones import phone_normalise
from accounts.services import sessions_end, user_anonymise

from .access import forget_scope
from .models import (
    AccessLogEntry,
    Neighbourhood,
    ResidentProfile,
    RoleAssignment,
    Ward,
)
from .roles import EDITORS_GROUP, NEIGHBOURHOOD_SCOPED, WARD_SCOPED, Role
from .signals import (
    resident_moved,
    resident_registered,
    resident_removed,
    resident_updated,
    residents_merged,
)


@transaction.atomic
def resident_register(
    *,
    user: User,
    full_name: str,
    birth_year: int | None,
    neighbourhood: Neighbourhood,
    consent_given_at=None,
    enrolled_by: User | None = None,
    enrolled_how: str = ResidentProfile.EnrolledHow.SELF,
    consent_confirmed_by: User | None = None,
) -> ResidentProfile:
    """Record who the person is and where they live, with their consent and its time."""
    user.full_name = " ".join(full_name.split())
    user.birth_year = birth_year
    user.save(update_fields=["full_name", "birth_year"])
    profile = ResidentProfile.objects.create(
        user=user,
        neighbourhood=neighbourhood,
        consent_given_at=consent_given_at or timezone.now(),
        consent_confirmed_by=consent_confirmed_by,
        enrolled_by=enrolled_by,
        enrolled_how=enrolled_how,
    )
    transaction.on_commit(
        lambda: resident_registered.send(sender=ResidentProfile, profile=profile)
    )
    return profile


class NewResident(Protocol):
    """One person of an imported list, checked (`community.imports.ImportRow`)."""

    full_name: str
    birth_year: int | None
    phone: str | None
    neighbourhood: Neighbourhood


@transaction.atomic
def residents_register_imported(
    *,
    people: Sequence[NewResident],
    imported_by: User | None,
    consent_given_at=None,
) -> list[ResidentProfile]:
    """Create the accounts and profiles of people from an imported list, in bulk.

    The importer confirms each person's consent (`consent_confirmed_by`). Accounts get
    no usable password: they sign in with a printed card or an SMS code. Phones must be
    E.164 and not yet registered (checked by the caller; the unique index is the last
    guard). Rows are inserted in bulk; each new profile's post_save is then sent, so
    that listeners (the roster's search key) see it as any other new resident (users
    need none: they have no profile yet when inserted). `resident_registered` is
    announced for each on commit, as `resident_register` does.
    """
    consent_given_at = consent_given_at or timezone.now()
    users = []
    for person in people:
        user = User(
            phone=person.phone or None,
            full_name=" ".join(person.full_name.split()),
            birth_year=person.birth_year,
        )
        user.set_unusable_password()
        users.append(user)
    if connection.features.can_return_rows_from_bulk_insert:
        User.objects.bulk_create(users)
    else:
        for user in users:
            user.save()
    profiles = [
        ResidentProfile(
            user=user,
            neighbourhood=person.neighbourhood,
            consent_given_at=consent_given_at,
            consent_confirmed_by=imported_by,
            enrolled_by=imported_by,
            enrolled_how=ResidentProfile.EnrolledHow.IMPORTED,
        )
        for user, person in zip(users, people, strict=True)
    ]
    if connection.features.can_return_rows_from_bulk_insert:
        ResidentProfile.objects.bulk_create(profiles)
        # bulk_create sends no post_save: send it, so that the apps listening to
        # profiles (the roster's search key) see these as any other new resident.
        for profile in profiles:
            post_save.send(
                sender=ResidentProfile,
                instance=profile,
                created=True,
                update_fields=None,
                raw=False,
                using=profile._state.db,
            )
    else:
        for profile in profiles:
            profile.save()

    def announce():
        for profile in profiles:
            resident_registered.send(sender=ResidentProfile, profile=profile)

    transaction.on_commit(announce)
    return profiles


def _check_scope(role: str, ward: Ward | None, neighbourhood: Neighbourhood | None):
    if role in NEIGHBOURHOOD_SCOPED and (neighbourhood is None or ward is not None):
        raise ValidationError(_("A volunteer serves one neighbourhood per role."))
    if role in WARD_SCOPED and (ward is None or neighbourhood is not None):
        raise ValidationError(_("An officer serves one ward per role."))
    if role not in NEIGHBOURHOOD_SCOPED | WARD_SCOPED and (ward or neighbourhood):
        raise ValidationError(_("This role has no ward or neighbourhood."))


def _sync_admin_access(user: User, *, changed_role: str) -> None:
    """Keep Wagtail's rights in step with the role just granted or revoked.

    Editors get Wagtail's editor group (page permissions); city admins are superusers.
    Only the role that changed is synced, so a superuser made with `createsuperuser`
    keeps their rights when given another role.
    """
    holds = RoleAssignment.objects.filter(user=user, role=changed_role).exists()
    if changed_role == Role.EDITOR:
        editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
        if holds:
            user.groups.add(editors)
        else:
            user.groups.remove(editors)
    elif changed_role == Role.CITY_ADMIN and user.is_superuser != holds:
        user.is_superuser = holds
        user.is_staff = holds
        user.save(update_fields=["is_superuser", "is_staff"])
    forget_scope(user)


@transaction.atomic
def role_grant(
    *,
    user: User,
    role: str,
    ward: Ward | None = None,
    neighbourhood: Neighbourhood | None = None,
    granted_by: User | None = None,
) -> RoleAssignment:
    """Give a person a role with its scope; granting the same role twice is a no-op."""
    _check_scope(role, ward, neighbourhood)
    assignment, _created = RoleAssignment.objects.get_or_create(
        user=user,
        role=role,
        ward=ward,
        neighbourhood=neighbourhood,
        defaults={"granted_by": granted_by},
    )
    _sync_admin_access(user, changed_role=role)
    return assignment


@transaction.atomic
def role_revoke(*, assignment: RoleAssignment) -> None:
    """Take a role back. The last city admin cannot be removed: no one could manage
    roles afterwards."""
    if assignment.role == Role.CITY_ADMIN:
        others = (
            User.objects.filter(is_superuser=True, is_active=True)
            .exclude(pk=assignment.user_id)
            .select_for_update()
        )
        if not others.exists():
            raise ValidationError(_("The last city administrator cannot be removed."))
    user, role = assignment.user, assignment.role
    assignment.delete()
    _sync_admin_access(user, changed_role=role)


def access_log_record(
    *,
    actor: User,
    action: str,
    subject: User | None = None,
    neighbourhood: Neighbourhood | None = None,
    detail: str = "",
) -> AccessLogEntry:
    """Record that staff looked at, changed, exported or printed personal data.

    `detail` names what (a list, the fields changed), never the personal data itself.
    """
    return AccessLogEntry.objects.create(
        actor=actor,
        action=action,
        subject=subject,
        neighbourhood=neighbourhood,
        detail=detail[:255],
    )


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
    user = profile.user
    full_name = " ".join(full_name.split())
    changed = frozenset(
        name
        for name, value in (("full_name", full_name), ("birth_year", birth_year))
        if getattr(user, name) != value
    )
    if not changed:
        return profile
    user.full_name, user.birth_year = full_name, birth_year
    user.save(update_fields=sorted(changed))
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
    """
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
    ResidentProfile.objects.filter(pk=profile.pk).update(
        consent_confirmed_by=None, enrolled_by=None
    )
    user_anonymise(user=profile.user)
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
    """
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
    keeper_user = User.objects.select_for_update().get(pk=keeper.user_id)
    duplicate_user = User.objects.select_for_update().get(pk=duplicate.user_id)
    merged_user_id, merged_neighbourhood_id = (
        duplicate_user.pk,
        duplicate.neighbourhood_id,
    )

    SignInCard.objects.filter(user=duplicate_user).update(user=keeper_user)
    AccessLogEntry.objects.filter(subject=duplicate_user).update(subject=keeper_user)
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
