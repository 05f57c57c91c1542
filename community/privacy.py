"""Everything the platform holds about one person, for "download my data" (issue #9).

A small registry: each app that keeps personal data registers a *section* here from
its own `privacy.py`, imported in its `AppConfig.ready()`:

    personal_data_register(
        "certificates",
        _("Certificates"),
        certificates_of_person,
        labels={"code": _("Code"), "issued_at": _("Issued on")},
        order=60,
    )

A provider takes the user and returns a list of items, each a dict with stable
English keys (the JSON file's keys); `labels` names them for the readable page.
Values are text, numbers, booleans, dates or lists of text. community never imports
the apps above it (DESIGN.md §2): they come to it.

community registers its own sections below: the account, the resident profile and
its consent, sign-in cards, devices signed in, SMS sent, and the access log.
"""

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import SignInCard, SmsMessage, User

from .access import is_staff_account
from .models import AccessLogEntry, ResidentProfile, RoleAssignment

Provider = Callable[[User], Iterable[Mapping[str, Any]]]


@dataclass(frozen=True)
class PersonalDataSection:
    key: str
    title: str
    provider: Provider
    labels: Mapping[str, str] = field(default_factory=dict)
    order: int = 100


_sections: dict[str, PersonalDataSection] = {}


def personal_data_register(
    section_key: str,
    title: str,
    provider: Provider,
    *,
    labels: Mapping[str, str] | None = None,
    order: int = 100,
) -> PersonalDataSection:
    """Add (or replace) the section `section_key`; lower `order` comes first."""
    section = PersonalDataSection(
        key=section_key,
        title=title,
        provider=provider,
        labels=dict(labels or {}),
        order=order,
    )
    _sections[section_key] = section
    return section


def personal_data_sections() -> list[PersonalDataSection]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


# --- Reading it out -----------------------------------------------------------------


@dataclass(frozen=True)
class ShownFact:
    """One labelled value; `lines` when the value is a list (quiz answers)."""

    label: str
    value: str = ""
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ShownSection:
    key: str
    title: str
    items: list[list[ShownFact]]


def _for_json(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).isoformat() if value.tzinfo else value.isoformat()
        )
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_for_json(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _for_json(item) for key, item in value.items()}
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


def _for_page(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if value.tzinfo else value
        return date_format(value, "d/m/Y H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "d/m/Y")
    return str(value)


def _fact(label: str, value: Any) -> ShownFact:
    if isinstance(value, list | tuple):
        if not value:
            return ShownFact(label=label, value="–")
        return ShownFact(label=label, lines=[_for_page(item) for item in value])
    return ShownFact(label=label, value=_for_page(value))


def personal_data_json(*, user: User) -> dict[str, Any]:
    """The JSON file: every section, its title and its items, dates in ISO 8601."""
    sections = {}
    for section in personal_data_sections():
        sections[section.key] = {
            "title": str(section.title),
            "items": [
                {key: _for_json(value) for key, value in item.items()}
                for item in section.provider(user)
            ],
        }
    return {
        "generated_at": timezone.localtime().isoformat(),
        "sections": sections,
    }


def personal_data_page(*, user: User) -> list[ShownSection]:
    """The readable page: each item as labelled facts, in the registered order."""
    shown = []
    for section in personal_data_sections():
        items = []
        for item in section.provider(user):
            items.append(
                [
                    _fact(str(section.labels.get(key, key)), value)
                    for key, value in item.items()
                ]
            )
        shown.append(
            ShownSection(key=section.key, title=str(section.title), items=items)
        )
    return shown


# --- community's own sections ------------------------------------------------------


def person_name(user: User | None) -> str:
    """Who did something, for a section: their name, or that the account is gone."""
    if user is None:
        return ""
    return user.full_name or gettext("(a deleted account)")


def _roles_by_person(users) -> dict[int, str]:
    """What each staff member is, as the resident reads it ("Volunteer (...)")."""
    people = {user.pk: user for user in users if user is not None}
    labels: dict[int, set[str]] = {pk: set() for pk in people}
    for assignment in RoleAssignment.objects.filter(user_id__in=people).only(
        "user_id", "role"
    ):
        labels[assignment.user_id].add(str(assignment.get_role_display()))
    for pk, user in people.items():
        if user.is_superuser and not labels[pk]:
            labels[pk].add(gettext("City administrator"))
    return {pk: ", ".join(sorted(names)) for pk, names in labels.items()}


def _account(user: User) -> list[dict[str, Any]]:
    return [
        {
            "full_name": user.full_name,
            "phone": user.phone_for_display,
            "phone_confirmed": user.phone_verified,
            "email": user.email,
            "birth_year": user.birth_year,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "has_password": user.has_usable_password(),
        }
    ]


def _profile(user: User) -> list[dict[str, Any]]:
    profile = (
        ResidentProfile.objects.select_related(
            "neighbourhood__ward", "enrolled_by", "consent_confirmed_by"
        )
        .filter(user=user)
        .first()
    )
    if profile is None:
        return []
    return [
        {
            "neighbourhood": profile.neighbourhood.name,
            "ward": str(profile.neighbourhood.ward),
            "registered_at": profile.created_at,
            "status": profile.get_status_display(),
            "status_changed_at": profile.status_changed_at,
            "enrolled_how": profile.get_enrolled_how_display(),
            "enrolled_by": person_name(profile.enrolled_by),
            "consent_given_at": profile.consent_given_at,
            "consent_confirmed_by": person_name(profile.consent_confirmed_by),
        }
    ]


def _signin_cards(user: User) -> list[dict[str, Any]]:
    return [
        {
            "issued_at": card.created_at,
            "issued_by": person_name(card.issued_by),
            "expires_at": card.expires_at,
            "used_at": card.used_at,
            "revoked_at": card.revoked_at,
        }
        for card in SignInCard.objects.filter(user=user).select_related("issued_by")
    ]


def _devices(user: User) -> list[dict[str, Any]]:
    from allauth.usersessions.models import UserSession

    return [
        {
            "signed_in_at": session.created_at,
            "last_seen_at": session.last_seen_at,
            "ip": session.ip,
            "browser": session.user_agent,
        }
        for session in UserSession.objects.filter(user_id=user.pk).order_by(
            "created_at"
        )
    ]


def _sms(user: User) -> list[dict[str, Any]]:
    """When codes were sent; not the codes themselves (one may still be valid)."""
    if not user.phone:
        return []
    return [
        {"sent_at": sent_at}
        for sent_at in SmsMessage.objects.filter(to=user.phone).values_list(
            "created_at", flat=True
        )
    ]


def _access_log(user: User) -> list[dict[str, Any]]:
    entries = list(
        AccessLogEntry.objects.filter(Q(subject=user) | Q(people=user))
        .distinct()
        .select_related("actor")
    )
    roles = _roles_by_person(entry.actor for entry in entries)
    return [
        {
            "at": entry.at,
            "who": person_name(entry.actor),
            "role": roles.get(entry.actor_id, ""),
            "action": entry.get_action_display(),
            "detail": entry.detail,
        }
        for entry in entries
    ]


personal_data_register(
    "account",
    _("Your account"),
    _account,
    labels={
        "full_name": _("Full name"),
        "phone": _("Phone number"),
        "phone_confirmed": _("Phone number confirmed by SMS"),
        "email": _("Email"),
        "birth_year": _("Year of birth"),
        "date_joined": _("Account created on"),
        "last_login": _("Last signed in"),
        "has_password": _("Has a password"),
    },
    order=10,
)
personal_data_register(
    "profile",
    _("Where you live, and your consent"),
    _profile,
    labels={
        "neighbourhood": _("Neighbourhood"),
        "ward": _("Ward"),
        "registered_at": _("Registered on"),
        "status": _("Status"),
        "status_changed_at": _("Status changed on"),
        "enrolled_how": _("How you were enrolled"),
        "enrolled_by": _("Enrolled by"),
        "consent_given_at": _("Consent given on"),
        "consent_confirmed_by": _("Consent confirmed by"),
    },
    order=20,
)
personal_data_register(
    "signin_cards",
    _("Printed sign-in cards"),
    _signin_cards,
    labels={
        "issued_at": _("Issued on"),
        "issued_by": _("Issued by"),
        "expires_at": _("Valid until"),
        "used_at": _("Used on"),
        "revoked_at": _("Replaced on"),
    },
    order=80,
)
personal_data_register(
    "devices",
    _("Devices you are signed in on"),
    _devices,
    labels={
        "signed_in_at": _("Signed in on"),
        "last_seen_at": _("Last seen"),
        "ip": _("Internet address (IP)"),
        "browser": _("Browser"),
    },
    order=85,
)
personal_data_register(
    "sms",
    _("Text messages (SMS) sent to you"),
    _sms,
    labels={"sent_at": _("Sent on")},
    order=88,
)
personal_data_register(
    "access_log",
    _("When staff looked at or changed your record"),
    _access_log,
    labels={
        "at": _("When"),
        "who": _("Who"),
        "role": _("Their role"),
        "action": _("What"),
        "detail": _("Details"),
    },
    order=90,
)


# --- Withdrawing consent -----------------------------------------------------------


def self_erasure_refusal(*, user: User) -> str | None:
    """Why this person cannot delete their own account here, or None if they can.

    Staff roles stay with the ward: a city admin removes the role first (otherwise a
    team could lose its last volunteer, or the city its last administrator, by one
    click). People with no resident profile have nothing to withdraw here.
    """
    if is_staff_account(user):
        return gettext(
            "You hold a role in the movement (volunteer, officer, editor or "
            "administrator). Please ask a city administrator to remove your role "
            "first; then you can delete your account here."
        )
    if (
        not ResidentProfile.objects.filter(user=user)
        .exclude(status=ResidentProfile.Status.WITHDRAWN)
        .exists()
    ):
        return gettext(
            "Your account has no resident record to delete. Please ask a city "
            "administrator."
        )
    return None
