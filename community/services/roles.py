"""Roles and their scope, with the Wagtail rights that follow them."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import signin_cards_void

from ..access import forget_scope, may_grant_roles
from ..models import (
    Neighbourhood,
    RoleAssignment,
    Ward,
)
from ..roles import EDITORS_GROUP, NEIGHBOURHOOD_SCOPED, WARD_SCOPED, Role


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
    """Give a person a role with its scope; granting the same role twice is a no-op.

    Only city admins grant roles (`granted_by=None` is the system: the demo, a
    command). The person's unused sign-in cards stop working: a card never signs
    in a staff account.
    """
    if granted_by is not None and not may_grant_roles(granted_by):
        raise PermissionDenied
    _check_scope(role, ward, neighbourhood)
    assignment, _created = RoleAssignment.objects.get_or_create(
        user=user,
        role=role,
        ward=ward,
        neighbourhood=neighbourhood,
        defaults={"granted_by": granted_by},
    )
    _sync_admin_access(user, changed_role=role)
    signin_cards_void(user=user)
    return assignment


@transaction.atomic
def roles_clear(*, user: User) -> None:
    """Take every role from an account being anonymised (its data was erased)."""
    for role in set(
        RoleAssignment.objects.filter(user=user).values_list("role", flat=True)
    ):
        RoleAssignment.objects.filter(user=user, role=role).delete()
        _sync_admin_access(user, changed_role=role)


@transaction.atomic
def role_revoke(*, assignment: RoleAssignment, by: User | None = None) -> None:
    """Take a role back (city admins only; `by=None` is the system). The last city
    admin cannot be removed: no one could manage roles afterwards."""
    if by is not None and not may_grant_roles(by):
        raise PermissionDenied
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
