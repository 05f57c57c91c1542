"""Who may see whom, and who may change whom: the one access module (DESIGN.md §3,
STYLE.md §2, §9).

Every view and service that lists, opens or changes people asks these functions;
nothing else decides (a test checks that no other module reads roles).

Reading:
- city admin (role, or Django superuser): every resident of every ward;
- officer: the residents of the wards they serve, read-only;
- volunteer: the residents of the neighbourhoods they serve;
- editor: no resident (content only);
- everyone signed in: themselves.
Roles add up: a volunteer who is also an officer sees the union of both scopes.

Writing (issue #16): officers never write. A volunteer acts only on the residents of
their neighbourhoods who hold no staff role; acting on a staff member's account is
for city admins only (and for the person themselves, on their own pages). "Staff" is
anyone with any role assignment, or Django's `is_staff`/superuser. A sign-in card is
never printed for, and never signs in, a staff account.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.db.models import Exists, OuterRef, Q, QuerySet

from .models import Neighbourhood, ResidentProfile, RoleAssignment, Ward
from .roles import Role


class Change(StrEnum):
    """What someone may do to another person's record (the write side)."""

    RECORD = "record"  # correct name, birth year, household; move; mark gone; VNeID
    CARD = "card"  # print a sign-in card
    PHONE = "phone"  # a new phone number after a lost SIM
    ERASE = "erase"  # withdraw consent on their request
    MERGE = "merge"  # two records of one person
    ATTEND = "attend"  # record them as attending a group session
    REMIND = "remind"  # send them an SMS reminder


# A city admin may do everything to anyone but these, for a staff account.
_NEVER_FOR_STAFF = frozenset({Change.CARD})


@dataclass(frozen=True)
class Scope:
    active: bool = False
    city_admin: bool = False
    editor: bool = False
    roles: frozenset[str] = field(default_factory=frozenset)
    ward_ids: frozenset[int] = field(default_factory=frozenset)
    neighbourhood_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_staff_scope(self) -> bool:
        """Follows people or numbers: volunteer, officer or city admin."""
        return self.city_admin or bool(self.ward_ids or self.neighbourhood_ids)


def scope_of(user) -> Scope:
    """The roles and scope of a user, read once per request and kept on the user."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope()
    cached = getattr(user, "_community_scope", None)
    if cached is not None:
        return cached
    city_admin = user.is_superuser
    editor = False
    roles, ward_ids, neighbourhood_ids = set(), set(), set()
    for role, ward_id, neighbourhood_id in RoleAssignment.objects.filter(
        user=user
    ).values_list("role", "ward_id", "neighbourhood_id"):
        roles.add(role)
        if role == Role.CITY_ADMIN:
            city_admin = True
        elif role == Role.EDITOR:
            editor = True
        elif role == Role.OFFICER:
            ward_ids.add(ward_id)
        elif role == Role.VOLUNTEER:
            neighbourhood_ids.add(neighbourhood_id)
    scope = Scope(
        active=True,
        city_admin=city_admin,
        editor=editor,
        roles=frozenset(roles),
        ward_ids=frozenset(ward_ids),
        neighbourhood_ids=frozenset(neighbourhood_ids),
    )
    user._community_scope = scope
    return scope


def forget_scope(user) -> None:
    """Drop the cached scope after the user's roles changed."""
    user.__dict__.pop("_community_scope", None)
    user.__dict__.pop("_community_is_staff", None)


# --- What kind of person ------------------------------------------------------------


def is_staff_account(user) -> bool:
    """Holds any role (volunteer, officer, editor, city admin, or one added later),
    or Django's staff or superuser flag; active or not."""
    if user is None or not getattr(user, "pk", None):
        return False
    cached = user.__dict__.get("_community_is_staff")
    if cached is None:
        cached = bool(
            user.is_staff
            or user.is_superuser
            or RoleAssignment.objects.filter(user_id=user.pk).exists()
        )
        user.__dict__["_community_is_staff"] = cached
    return cached


def is_city_admin(user) -> bool:
    return scope_of(user).city_admin


def can_enter_admin(user) -> bool:
    """Only editors and city admins work in the Wagtail admin."""
    scope = scope_of(user)
    return scope.city_admin or scope.editor


def may_use_workspace(user) -> bool:
    """Volunteers, officers and city admins: the people the team workspace serves."""
    return scope_of(user).is_staff_scope


def may_see_statistics(user) -> bool:
    """Volunteers (their neighbourhoods), officers (their wards), city admins."""
    return scope_of(user).is_staff_scope


def may_write_people(user) -> bool:
    """Volunteers (for their neighbourhoods) and city admins; officers only read."""
    scope = scope_of(user)
    return scope.city_admin or bool(scope.neighbourhood_ids)


def may_grant_roles(user) -> bool:
    """Granting and revoking roles is for city admins only."""
    return scope_of(user).city_admin


def may_sign_in_with_card(user) -> bool:
    """A printed card signs in residents only, never a staff account (issue #16)."""
    return not is_staff_account(user)


# --- Reading ------------------------------------------------------------------------


def residents_visible_to(user) -> QuerySet[ResidentProfile]:
    """The residents this user may see, as profiles with user and place joined."""
    profiles = ResidentProfile.objects.select_related("user", "neighbourhood__ward")
    scope = scope_of(user)
    if not scope.active:
        return profiles.none()
    if scope.city_admin:
        return profiles.all()
    condition = Q(user=user)
    if scope.neighbourhood_ids:
        condition |= Q(neighbourhood_id__in=scope.neighbourhood_ids)
    if scope.ward_ids:
        condition |= Q(neighbourhood__ward_id__in=scope.ward_ids)
    return profiles.filter(condition)


def neighbourhoods_visible_to(user) -> QuerySet[Neighbourhood]:
    """Neighbourhoods whose people and numbers this user may follow (staff roles)."""
    neighbourhoods = Neighbourhood.objects.select_related("ward")
    scope = scope_of(user)
    if scope.city_admin:
        return neighbourhoods.all()
    if not (scope.neighbourhood_ids or scope.ward_ids):
        return neighbourhoods.none()
    return neighbourhoods.filter(
        Q(pk__in=scope.neighbourhood_ids) | Q(ward_id__in=scope.ward_ids)
    )


def wards_visible_to(user) -> QuerySet[Ward]:
    """Wards this user follows as a whole (officers, city admins)."""
    scope = scope_of(user)
    if scope.city_admin:
        return Ward.objects.all()
    return Ward.objects.filter(pk__in=scope.ward_ids)


def can_view_resident(user, profile: ResidentProfile) -> bool:
    scope = scope_of(user)
    if not scope.active:
        return False
    return (
        scope.city_admin
        or profile.user_id == user.pk
        or profile.neighbourhood_id in scope.neighbourhood_ids
        or profile.neighbourhood.ward_id in scope.ward_ids
    )


# --- Writing: places ----------------------------------------------------------------


def neighbourhoods_served_by(user) -> QuerySet[Neighbourhood]:
    """Where this user may enrol, import, log sessions and send reminders: a
    volunteer's neighbourhoods, or every one for a city admin. Officers: none."""
    scope = scope_of(user)
    neighbourhoods = Neighbourhood.objects.select_related("ward").order_by(
        "ward__name", "number", "name"
    )
    if scope.city_admin:
        return neighbourhoods
    return neighbourhoods.filter(pk__in=scope.neighbourhood_ids)


def serves_neighbourhood(user, neighbourhood: Neighbourhood) -> bool:
    """The per-object form of `neighbourhoods_served_by`."""
    scope = scope_of(user)
    return scope.city_admin or neighbourhood.pk in scope.neighbourhood_ids


# --- Writing: people ----------------------------------------------------------------


def _not_staff(profiles: QuerySet[ResidentProfile]) -> QuerySet[ResidentProfile]:
    roles = RoleAssignment.objects.filter(user_id=OuterRef("user_id"))
    return profiles.filter(user__is_staff=False, user__is_superuser=False).exclude(
        Exists(roles)
    )


def residents_changeable_by(
    user, change: Change = Change.RECORD
) -> QuerySet[ResidentProfile]:
    """The residents whose record this user may change in this way.

    City admins: everyone (but no sign-in card for a staff account); volunteers:
    the residents of their neighbourhoods who hold no staff role; others: nobody.
    One's own record is changed on one's own pages, not through this.
    """
    profiles = ResidentProfile.objects.select_related("user", "neighbourhood__ward")
    scope = scope_of(user)
    if scope.city_admin:
        return _not_staff(profiles) if change in _NEVER_FOR_STAFF else profiles.all()
    if not scope.neighbourhood_ids:
        return profiles.none()
    return _not_staff(profiles.filter(neighbourhood_id__in=scope.neighbourhood_ids))


def can_change_resident(
    user, profile: ResidentProfile, change: Change = Change.RECORD
) -> bool:
    """The per-object form of `residents_changeable_by`."""
    scope = scope_of(user)
    if not scope.active:
        return False
    target_is_staff = is_staff_account(profile.user)
    if target_is_staff and change in _NEVER_FOR_STAFF:
        return False
    if scope.city_admin:
        return True
    return profile.neighbourhood_id in scope.neighbourhood_ids and not target_is_staff


def changes_allowed(user, profile: ResidentProfile) -> frozenset[Change]:
    """Every change this user may make to this record (for the buttons on a page)."""
    return frozenset(c for c in Change if can_change_resident(user, profile, c))


def can_merge_residents(
    user, keeper: ResidentProfile, duplicate: ResidentProfile
) -> bool:
    """Both records must be the user's to change: a volunteer never keeps a staff
    record as the survivor (it would take the duplicate's phone and learning)."""
    return can_change_resident(user, keeper, Change.MERGE) and can_change_resident(
        user, duplicate, Change.MERGE
    )
