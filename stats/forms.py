from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.models import CoursePage

from .cohorts import cohort_choices

DEFAULT_DAYS = 30


def _with_default_period(data):
    """The date fields show the period in force, also when the address has none:
    the 30 days to today, or to the end date given."""
    if data is None or (data.get("date_from") and data.get("date_to")):
        return data
    try:
        end = forms.DateField().to_python(data.get("date_to") or None)
    except forms.ValidationError:
        return data  # the form says what is wrong
    end = end or timezone.localdate()
    data = data.copy()
    data["date_to"] = data.get("date_to") or end.isoformat()
    data["date_from"] = (
        data.get("date_from") or (end - timedelta(days=DEFAULT_DAYS - 1)).isoformat()
    )
    return data


class DashboardFilterForm(forms.Form):
    """The dashboard's filters, also read by its exports (same query string)."""

    ward = forms.ModelChoiceField(
        label=_("Ward"), queryset=None, required=False, empty_label=None
    )
    course = forms.ModelChoiceField(
        label=_("Course"),
        queryset=CoursePage.objects.live().order_by("title"),
        required=False,
        empty_label=_("All courses"),
    )
    age = forms.TypedChoiceField(
        label=_("Age band"),
        choices=(),
        coerce=int,
        required=False,
        empty_value=None,
    )
    date_from = forms.DateField(
        label=_("From date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("To date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, data=None, *args, wards, **kwargs):
        super().__init__(_with_default_period(data), *args, **kwargs)
        self.fields["ward"].queryset = wards
        self.fields["age"].choices = [("", _("All ages")), *cohort_choices()]

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        data["date_to"] = data.get("date_to") or today
        data["date_from"] = data.get("date_from") or data["date_to"] - timedelta(
            days=DEFAULT_DAYS - 1
        )
        if data["date_from"] > data["date_to"]:
            raise forms.ValidationError(
                _("The start date must be on or before the end date."), code="order"
            )
        if (data["date_to"] - data["date_from"]).days > 3 * 366:
            raise forms.ValidationError(
                _("Choose a period of at most three years."), code="too_long"
            )
        return data
