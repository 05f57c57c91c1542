"""Who may see whom: the one access module (DESIGN.md §3, STYLE.md §2).

Every view that lists or opens people asks these functions; nothing else decides.

- city admin (role, or Django superuser): every resident of every ward;
- officer: the residents of the wards they serve, read-only;
- volunteer: the residents of the neighbourhoods they serve;
- editor: no resident (content only);
- everyone signed in: themselves.
Roles add up: a volunteer who is also an officer sees the union of both scopes.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from .models import Neighbourhood, ResidentProfile, RoleAssignment, Ward
from .roles import Role


@dataclass(frozen=True)
class Scope:
    city_admin: bool = False
    editor: bool = False
    ward_ids: frozenset[int] = field(default_factory=frozenset)
    neighbourhood_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_staff_scope(self) -> bool:
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
    ward_ids, neighbourhood_ids = set(), set()
    for role, ward_id, neighbourhood_id in RoleAssignment.objects.filter(
        user=user
    ).values_list("role", "ward_id", "neighbourhood_id"):
        if role == Role.CITY_ADMIN:
            city_admin = True
        elif role == Role.EDITOR:
            editor = True
        elif role == Role.OFFICER:
            ward_ids.add(ward_id)
        elif role == Role.VOLUNTEER:
            neighbourhood_ids.add(neighbourhood_id)
    scope = Scope(
        city_admin=city_admin,
        editor=editor,
        ward_ids=frozenset(ward_ids),
        neighbourhood_ids=frozenset(neighbourhood_ids),
    )
    user._community_scope = scope
    return scope


def forget_scope(user) -> None:
    """Drop the cached scope after the user's roles changed."""
    user.__dict__.pop("_community_scope", None)


def residents_visible_to(user) -> QuerySet[ResidentProfile]:
    """The residents this user may see, as profiles with user and place joined."""
    profiles = ResidentProfile.objects.select_related("user", "neighbourhood__ward")
    scope = scope_of(user)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
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
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return (
        scope.city_admin
        or profile.user_id == user.pk
        or profile.neighbourhood_id in scope.neighbourhood_ids
        or profile.neighbourhood.ward_id in scope.ward_ids
    )


def can_change_resident(user, profile: ResidentProfile) -> bool:
    """Volunteers and city admins may correct records; officers only read."""
    scope = scope_of(user)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return scope.city_admin or profile.neighbourhood_id in scope.neighbourhood_ids


def can_enter_admin(user) -> bool:
    """Only editors and city admins work in the Wagtail admin."""
    scope = scope_of(user)
    return scope.city_admin or scope.editor
