"""Residents enter: one by one (sign-up, a volunteer) or from an imported list."""

from collections.abc import Sequence
from typing import Protocol

from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from accounts.names import name_clean

from ..models import (
    AccessLogEntry,
    Neighbourhood,
    ResidentProfile,
)
from ..signals import (
    resident_registered,
)
from ..text import search_column


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
    user.full_name = name_clean(full_name)
    user.birth_year = birth_year
    user.save(update_fields=["full_name", "birth_year"])
    profile = ResidentProfile.objects.create(
        user=user,
        search_name=search_column(user.full_name),
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
    guard). Rows are inserted in bulk, each profile with its search key;
    `resident_registered` is announced for each on commit, as `resident_register`
    does.
    """
    consent_given_at = consent_given_at or timezone.now()
    users = []
    for person in people:
        user = User(
            phone=person.phone or None,
            full_name=name_clean(person.full_name),
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
            search_name=search_column(user.full_name),
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
    else:
        for profile in profiles:
            profile.save()

    if imported_by is not None:
        # One access-log entry per person a staff member imported (issue #16).
        AccessLogEntry.objects.bulk_create(
            AccessLogEntry(
                actor=imported_by,
                action=AccessLogEntry.Action.CHANGED,
                subject_id=profile.user_id,
                neighbourhood_id=profile.neighbourhood_id,
                detail="imported from a list",
            )
            for profile in profiles
        )

    def announce():
        for profile in profiles:
            resident_registered.send(sender=ResidentProfile, profile=profile)

    transaction.on_commit(announce)
    return profiles
