"""Admin views for roles: who holds which role, granting and revoking them.

Roles are only ever written by `community.services.role_grant` and `role_revoke` (they
also keep Wagtail's Editors group and the superuser flag in step), so there is no
generic create or edit view for `RoleAssignment`: a listing, a grant form and a revoke
action, wired into the Wagtail admin by `community.wagtail_hooks`. Who may use them is
decided by `CityAdminPermissionPolicy`, which asks `community.access`.
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic.edit import FormView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import BasePermissionPolicy

from accounts.phones import phone_normalise

from .access import is_city_admin
from .forms import NeighbourhoodChoiceField
from .models import RoleAssignment, Ward
from .roles import Role
from .selectors import neighbourhood_choices
from .services import role_grant, role_revoke

User = get_user_model()


class CityAdminPermissionPolicy(BasePermissionPolicy):
    """Wagtail permission policy: only city admins, and only the listed actions.

    `community.access.is_city_admin` decides who is a city admin, so the admin asks
    the same question as every other view. Actions not listed (e.g. "change" for
    roles, which are granted and revoked but never edited) are refused to everyone.
    """

    def __init__(self, model, *, actions):
        super().__init__(model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and is_city_admin(user)

    def user_has_any_permission(self, user, actions):
        return bool(self.actions.intersection(actions)) and is_city_admin(user)

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return User.objects.none()
        return (
            User.objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(role_assignments__role=Role.CITY_ADMIN))
            .distinct()
        )

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


# --- Listing ------------------------------------------------------------------------


class RoleAssignmentFilterSet(WagtailFilterSet):
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices)
    ward = django_filters.ModelChoiceFilter(
        label=_("Ward"), queryset=Ward.objects.all(), method="filter_ward"
    )

    class Meta:
        model = RoleAssignment
        fields = ["role", "ward"]

    def filter_ward(self, queryset, name, value):
        # Officers serve the ward itself; volunteers one of its neighbourhoods.
        return queryset.filter(Q(ward=value) | Q(neighbourhood__ward=value))


def role_scope_label(assignment: RoleAssignment) -> str:
    if assignment.neighbourhood_id:
        return str(assignment.neighbourhood)
    if assignment.ward_id:
        return str(assignment.ward)
    if assignment.role == Role.CITY_ADMIN:
        return str(_("All wards"))
    return ""


class RevokeColumn(Column):
    """A plain POST form per row: revoking works without JavaScript."""

    cell_template_name = "community/admin/role_revoke_cell.html"

    def __init__(self, name, *, url_name, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["revoke_url"] = reverse(self.url_name, args=[instance.pk])
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class RoleAssignmentIndexView(IndexView):
    model = RoleAssignment
    page_title = _("Roles")
    header_icon = "key"
    filterset_class = RoleAssignmentFilterSet
    search_fields = ["user__full_name"]
    search_backend_name = None
    default_ordering = "-granted_at"
    paginate_by = 50
    revoke_url_name = None

    @cached_property
    def columns(self):
        return [
            Column(
                "person",
                label=_("Person"),
                accessor="user.full_name",
                sort_key="user__full_name",
            ),
            Column("phone", label=_("Phone number"), accessor="user.phone_for_display"),
            Column(
                "role", label=_("Role"), accessor="get_role_display", sort_key="role"
            ),
            Column("scope", label=_("Serves"), accessor=role_scope_label),
            DateColumn("granted_at", label=_("Granted at"), sort_key="granted_at"),
            RevokeColumn("revoke", label=_("Revoke"), url_name=self.revoke_url_name),
        ]

    @cached_property
    def add_item_label(self):
        return _("Grant a role")

    def get_base_queryset(self):
        return RoleAssignment.objects.select_related(
            "user", "ward", "neighbourhood__ward"
        )

    def search_queryset(self, queryset):
        """Search by name, or by phone number typed the way people write it."""
        if not self.is_searching:
            return queryset
        condition = Q(user__full_name__icontains=self.search_query)
        try:
            condition |= Q(user__phone=phone_normalise(self.search_query))
        except ValidationError:
            pass
        return queryset.filter(condition)


# --- Granting -----------------------------------------------------------------------


class RoleGrantForm(forms.Form):
    person = forms.CharField(
        label=_("Phone number of the person"),
        max_length=32,
        help_text=_("As people write it, for example 0912 345 678."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    ward = forms.ModelChoiceField(
        label=_("Ward"),
        queryset=Ward.objects.all(),
        required=False,
        help_text=_("Only for a ward police officer or official."),
    )
    neighbourhood = NeighbourhoodChoiceField(
        label=_("Neighbourhood"),
        queryset=neighbourhood_choices(),
        required=False,
        help_text=_("Only for a volunteer."),
    )

    def clean_person(self):
        raw = self.cleaned_data["person"]
        phone = phone_normalise(raw)
        person = User.objects.filter(phone=phone).first()
        if person is None:
            raise ValidationError(
                _(
                    "No one is registered with the phone number %(phone)s. The person "
                    "must sign up first, or be enrolled by a volunteer."
                ),
                code="unknown_person",
                params={"phone": raw},
            )
        return person


class RoleGrantView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    model = RoleAssignment
    permission_required = "add"
    form_class = RoleGrantForm
    template_name = "community/admin/role_grant.html"
    page_title = _("Grant a role")
    header_icon = "key"
    index_url_name = None
    grant_url_name = None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Roles")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse(self.grant_url_name)
        context["submit_button_label"] = _("Grant the role")
        context["submit_button_active_label"] = _("Granting…")
        context["has_unsaved_changes"] = context["form"].is_bound
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            assignment = role_grant(
                user=data["person"],
                role=data["role"],
                ward=data["ward"],
                neighbourhood=data["neighbourhood"],
                granted_by=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Role granted: %(role)s.") % {"role": assignment}
        )
        return redirect(self.index_url_name)

    def form_invalid(self, form):
        messages.error(
            self.request,
            _("The role could not be granted. Please correct the errors below."),
        )
        return super().form_invalid(form)


# --- Revoking -----------------------------------------------------------------------


class RoleRevokeView(PermissionCheckedMixin, View):
    """POST only: revokes one role through the service, then back to the listing."""

    model = RoleAssignment
    permission_required = "delete"
    http_method_names = ["post"]
    index_url_name = None

    def post(self, request, pk):
        assignment = get_object_or_404(
            RoleAssignment.objects.select_related(
                "user", "ward", "neighbourhood__ward"
            ),
            pk=pk,
        )
        label = str(assignment)
        try:
            role_revoke(assignment=assignment, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Role revoked: %(role)s.") % {"role": label})
        return redirect(self.index_url_name)
