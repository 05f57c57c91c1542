"""The Wagtail admin for community: wards, neighbourhoods and roles (city admins only).

- Wards and neighbourhoods are snippets, grouped under one menu. They keep Wagtail's
  model permissions: city admins are superusers (`community.services.role_grant` makes
  them so) and editors are given no rights over them.
- The access log (`community.admin_log`): a read-only, filtered listing for city
  admins; its policy allows "view" only.
- The SMS outbox (`community.admin_outbox`): read-only, for city admins; each page
  viewed is an access-log entry naming everyone shown.
- Roles have no snippet: rows are made and removed only by `role_grant` and
  `role_revoke`, so `RoleViewSet` offers a listing, a grant form and a revoke action
  (`community.views`), nothing that edits rows directly. Its permission policy asks
  `community.access`, and refuses "change" to everyone.
"""

from collections import defaultdict

from django.db import router
from django.db.models import Count
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.models import SmsMessage
from cms.admin_listing import ListingViewSet

from .admin_log import AccessLogIndexView
from .admin_outbox import OutboxViewSet
from .models import AccessLogEntry, Neighbourhood, RoleAssignment, Ward
from .views import (
    CityAdminPermissionPolicy,
    RoleAssignmentIndexView,
    RoleGrantView,
    RoleRevokeView,
)

# Registered before anything asks Wagtail for this model's policy.
register_permission_policy(
    RoleAssignment,
    CityAdminPermissionPolicy(RoleAssignment, actions={"view", "add", "delete"}),
)
# The access log and the SMS outbox are read-only, for city admins only (not editors).
register_permission_policy(
    AccessLogEntry, CityAdminPermissionPolicy(AccessLogEntry, actions={"view"})
)
register_permission_policy(
    SmsMessage, CityAdminPermissionPolicy(SmsMessage, actions={"view"})
)


# --- Wards and neighbourhoods -------------------------------------------------------


class WardViewSet(SnippetViewSet):
    model = Ward
    icon = "site"
    menu_label = _("Wards")
    list_display = [
        "name",
        "city",
        "certificate_authority",
        Column(
            "neighbourhood_count",
            label=_("Neighbourhoods"),
            sort_key="neighbourhood_count",
        ),
    ]
    search_fields = ["name", "city"]
    search_backend_name = None
    ordering = ["city", "name"]
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("city"),
        MultiFieldPanel(
            [
                FieldPanel("certificate_authority"),
                FieldPanel("certificate_signer_name"),
                FieldPanel("certificate_signer_title"),
                FieldPanel("certificate_seal"),
            ],
            heading=_("Certificate issuer"),
            help_text=_("Printed on the certificates of this ward's residents."),
        ),
    ]

    def get_queryset(self, request):
        return Ward.objects.annotate(neighbourhood_count=Count("neighbourhoods"))


class NeighbourhoodViewSet(SnippetViewSet):
    model = Neighbourhood
    icon = "home"
    menu_label = _("Neighbourhoods")
    list_display = ["name", "number", "ward", "adult_population"]
    list_filter = ["ward"]
    search_fields = ["name", "ward__name"]
    search_backend_name = None
    ordering = ["ward__city", "ward__name", "number", "name"]
    copy_view_enabled = False
    panels = [
        FieldPanel("ward"),
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("adult_population"),
    ]

    def get_queryset(self, request):
        return Neighbourhood.objects.select_related("ward")


class PlacesViewSetGroup(SnippetViewSetGroup):
    items = (WardViewSet, NeighbourhoodViewSet)
    menu_label = _("Wards and neighbourhoods")
    menu_name = "places"
    menu_icon = "site"


register_snippet(PlacesViewSetGroup)


@hooks.register("before_delete_snippet")
def refuse_deleting_places_in_use(request, instances):
    """Say why a ward or neighbourhood cannot go, instead of failing with an error.

    Neighbourhoods protect their ward, and residents their neighbourhood
    (`on_delete=PROTECT`); Wagtail's delete views do not catch `ProtectedError`.
    Runs for the single delete view (before its confirmation page) and bulk deletes.
    """
    by_model = defaultdict(list)
    for instance in instances:
        if isinstance(instance, (Ward, Neighbourhood)):
            by_model[type(instance)].append(instance)
    for model, places in by_model.items():
        try:
            Collector(using=router.db_for_write(model)).collect(places)
        except (ProtectedError, RestrictedError) as error:
            blocking = error.protected_objects or error.restricted_objects
            records = sorted({str(obj._meta.verbose_name_plural) for obj in blocking})
            messages.error(
                request,
                _(
                    "%(places)s cannot be deleted while it still has %(records)s. "
                    "Move or delete them first."
                )
                % {
                    "places": ", ".join(str(place) for place in places),
                    "records": ", ".join(records),
                },
            )
            return redirect(model.snippet_viewset.get_url_name("list"))
    return None


# --- Roles --------------------------------------------------------------------------


class RoleViewSet(ListingViewSet):
    """Who holds which role: list, grant (form) and revoke (POST), for city admins."""

    name = "roles"
    icon = "key"
    menu_label = _("Roles")
    menu_name = "roles"
    model = RoleAssignment
    index_view_class = RoleAssignmentIndexView

    def extra_urlpatterns(self):
        return [
            path("grant/", self.grant_view, name="grant"),
            path("<int:pk>/revoke/", self.revoke_view, name="revoke"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=self.get_url_name("grant"),
            grant_url_name=self.get_url_name("grant"),
            revoke_url_name=self.get_url_name("revoke"),
            **kwargs,
        )

    @property
    def grant_view(self):
        return self.construct_view(RoleGrantView)

    @property
    def revoke_view(self):
        return self.construct_view(RoleRevokeView)


@hooks.register("register_admin_viewset")
def register_role_viewset():
    return RoleViewSet()


# --- Access log ---------------------------------------------------------------------


class AccessLogViewSet(ListingViewSet):
    """Who looked at whose personal data: a filtered listing, nothing else."""

    name = "access_log"
    icon = "list-ul"
    menu_label = _("Access log")
    menu_name = "access_log"
    model = AccessLogEntry
    index_view_class = AccessLogIndexView


@hooks.register("register_admin_viewset")
def register_access_log_viewset():
    return AccessLogViewSet()


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()
