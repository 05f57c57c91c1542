"""The access log in the Wagtail admin: city admins browse and filter it, read-only.

Who looked at, changed, exported or printed whose personal data, and when (issue #9).
Rows are written only by `community.services.access_log_record`; here there is a
listing with filters and nothing that adds, edits or deletes (old entries go with
`manage.py purge_access_log`). Only city admins see it: `CityAdminPermissionPolicy`
with the single action "view", so editors, who also enter the admin, do not.
"""

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView

from accounts.phones import phone_normalise

from .models import AccessLogEntry, Neighbourhood, Ward


def _person_condition(prefix: str, value: str) -> Q:
    """A person typed as an account number (id), a phone number, or part of a name."""
    value = " ".join((value or "").split())
    condition = Q(**{f"{prefix}__full_name__icontains": value})
    if value.isdigit() and len(value) < 9:
        condition |= Q(**{f"{prefix}_id": int(value)})
    try:
        condition |= Q(**{f"{prefix}__phone": phone_normalise(value)})
    except ValidationError:
        pass
    return condition


class AccessLogFilterSet(WagtailFilterSet):
    actor = django_filters.CharFilter(
        label=_("Who (staff: name or phone)"), method="filter_actor"
    )
    subject = django_filters.CharFilter(
        label=_("Resident (number, phone or name)"), method="filter_subject"
    )
    action = django_filters.ChoiceFilter(
        label=_("Action"), choices=AccessLogEntry.Action.choices
    )
    ward = django_filters.ModelChoiceFilter(
        label=_("Ward"), queryset=Ward.objects.all(), method="filter_ward"
    )
    neighbourhood = django_filters.ModelChoiceFilter(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.select_related("ward"),
    )
    at = django_filters.DateFromToRangeFilter(
        label=_("When"), widget=DateRangePickerWidget
    )

    class Meta:
        model = AccessLogEntry
        fields = ["actor", "subject", "action", "ward", "neighbourhood", "at"]

    def filter_actor(self, queryset, name, value):
        return queryset.filter(_person_condition("actor", value)) if value else queryset

    def filter_subject(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(_person_condition("subject", value))

    def filter_ward(self, queryset, name, value):
        return queryset.filter(neighbourhood__ward=value)


def _person_label(user) -> str:
    if user is None:
        return "–"
    if not user.full_name:
        return str(_("Person no. %(id)s (data erased)") % {"id": user.pk})
    return f"{user.full_name} (#{user.pk})"


class AccessLogIndexView(IndexView):
    model = AccessLogEntry
    page_title = _("Access log")
    header_icon = "list-ul"
    filterset_class = AccessLogFilterSet
    default_ordering = "-at"
    paginate_by = 50

    @cached_property
    def columns(self):
        return [
            DateColumn("at", label=_("When"), sort_key="at"),
            Column("actor", label=_("Who"), accessor=lambda e: _person_label(e.actor)),
            Column("action", label=_("Action"), accessor="get_action_display"),
            Column(
                "subject",
                label=_("Resident"),
                accessor=lambda e: _person_label(e.subject),
            ),
            Column(
                "neighbourhood",
                label=_("Neighbourhood"),
                accessor=lambda e: str(e.neighbourhood) if e.neighbourhood else "–",
            ),
            Column("detail", label=_("What")),
        ]

    def get_base_queryset(self):
        return AccessLogEntry.objects.select_related(
            "actor", "subject", "neighbourhood__ward"
        )
