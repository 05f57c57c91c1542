"""Forms of the volunteers' workspace: plain fields, large, no JavaScript needed."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.names import name_clean
from accounts.phones import phone_normalise
from community.forms import BirthYearField, NeighbourhoodChoiceField
from community.models import ResidentProfile
from learning.models import CoursePage

from .models import ImportJob
from .selectors import COMPLETED, LEARNING, NOT_STARTED

MAX_IMPORT_BYTES = 10 * 1024 * 1024
STATUS_CHOICES = [
    ("", _("Everyone")),
    (NOT_STARTED, _("Not started")),
    (LEARNING, _("Still learning")),
    (COMPLETED, _("Completed")),
]


def _not_in_future(value):
    if value > timezone.localdate():
        raise forms.ValidationError(_("The date cannot be in the future."))
    return value


class CourseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


def _live_courses():
    return CoursePage.objects.live().defer_streamfields().order_by("path")


class RosterFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name or phone number"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=STATUS_CHOICES, required=False
    )
    course = CourseChoiceField(
        label=_("Course"),
        queryset=_live_courses(),
        required=False,
        empty_label=_("Any course"),
    )


class FullNameForm(forms.Form):
    """A neighbour's full name as on their ID card, cleaned (enrol, correct)."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        help_text=_("As on the ID card, for example Nguyễn Văn An."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_full_name(self):
        name = name_clean(self.cleaned_data["full_name"])
        if len(name) < 2:
            raise forms.ValidationError(_("Please enter the full name."))
        return name


class EnrolForm(FullNameForm):
    birth_year = BirthYearField(label=_("Year of birth"))
    neighbourhood = NeighbourhoodChoiceField(
        label=_("Neighbourhood"), queryset=None, empty_label=None
    )
    phone = forms.CharField(
        label=_("Phone number (optional)"),
        required=False,
        max_length=32,
        help_text=_(
            "Leave empty if the neighbour has no phone of their own, for example "
            "a family member who shares a phone already registered: they will sign "
            "in with a printed card."
        ),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    consent = forms.BooleanField(
        label=_(
            "The neighbour agreed (on paper or aloud, to me) that the ward may process "
            "their name, year of birth, phone number, neighbourhood and learning "
            "progress to organise their learning."
        ),
        error_messages={
            "required": _("Please confirm that the neighbour agreed before enrolling.")
        },
    )

    def __init__(self, *args, neighbourhoods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = neighbourhoods

    def clean_phone(self):
        raw = self.cleaned_data["phone"].strip()
        return phone_normalise(raw) if raw else ""


class VneidConfirmForm(forms.Form):
    activated_on = forms.DateField(
        label=_("Date it was activated"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    seen = forms.BooleanField(
        label=_("I saw the VNeID account activated at level 2 on their phone.")
    )

    def clean_activated_on(self):
        return _not_in_future(self.cleaned_data["activated_on"])


class VneidDeclareForm(forms.Form):
    activated_on = forms.DateField(
        label=_("When did you activate it?"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    declare = forms.BooleanField(label=_("My VNeID account is activated at level 2."))

    def clean_activated_on(self):
        return _not_in_future(self.cleaned_data["activated_on"])


class AttendeeField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.user.full_name


class SessionForm(forms.Form):
    held_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        help_text=_("For example: the neighbourhood's meeting hall."),
    )
    course = CourseChoiceField(
        label=_("Course"),
        queryset=_live_courses(),
        required=False,
        empty_label=_("– No particular course –"),
    )
    attendees = AttendeeField(label=_("Who came"), queryset=None, required=False)

    def __init__(self, *args, attendee_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = attendee_choices

    def clean_held_on(self):
        return _not_in_future(self.cleaned_data["held_on"])


class NudgeForm(forms.Form):
    neighbourhood = NeighbourhoodChoiceField(
        label=_("Neighbourhood"), queryset=None, empty_label=None
    )
    days = forms.IntegerField(
        label=_("No progress for at least (days)"),
        min_value=1,
        max_value=365,
        initial=14,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, neighbourhoods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = neighbourhoods


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("The list (CSV or Excel .xlsx)"),
        help_text=_(
            "Columns: Họ và tên, Năm sinh, Số điện thoại, and Tổ dân phố if the list "
            "covers several neighbourhoods."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,.xlsx,text/csv,application/vnd.ms-excel"}
        ),
    )
    neighbourhood = NeighbourhoodChoiceField(
        label=_("Neighbourhood (for a list without that column)"),
        queryset=None,
        required=False,
        empty_label=_("– The list has a neighbourhood column –"),
    )

    def __init__(self, *args, neighbourhoods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = neighbourhoods
        self.neighbourhoods = neighbourhoods

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload

    def clean(self):
        cleaned = super().clean()
        neighbourhood = cleaned.get("neighbourhood")
        wards = {n.ward_id: n.ward for n in self.neighbourhoods}
        if neighbourhood is not None:
            cleaned["ward"] = neighbourhood.ward
        elif len(wards) == 1:
            cleaned["ward"] = next(iter(wards.values()))
        elif wards:
            self.add_error(
                "neighbourhood",
                _("You serve several wards: choose the neighbourhood of this list."),
            )
        return cleaned


class ImportConfirmForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("How to import"),
        choices=[
            (
                ImportJob.Mode.ALL_OR_NOTHING,
                _("All or nothing: import only if no row is bad"),
            ),
            (ImportJob.Mode.GOOD_ROWS, _("Only the good rows; skip the bad ones")),
        ],
        widget=forms.RadioSelect,
        initial=ImportJob.Mode.GOOD_ROWS,
    )
    consent = forms.BooleanField(
        label=_(
            "Everyone on this list agreed that the ward may process their personal "
            "data to organise their learning."
        ),
        error_messages={"required": _("Please confirm that the people listed agreed.")},
    )


# --- Care of a resident's record (issue #9) ------------------------------------------


class ResidentDetailsForm(FullNameForm):
    birth_year = BirthYearField(label=_("Year of birth"), required=False)


class ResidentMoveForm(forms.Form):
    neighbourhood = NeighbourhoodChoiceField(
        label=_("New neighbourhood"), queryset=None, empty_label=None
    )

    def __init__(self, *args, neighbourhoods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = neighbourhoods


class ResidentPhoneForm(forms.Form):
    phone = forms.CharField(
        label=_("New phone number"),
        max_length=32,
        help_text=_("As people write it, for example 0912 345 678."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    seen = forms.BooleanField(
        label=_("I saw the person and their ID card."),
        error_messages={
            "required": _("Please confirm that you saw the person and their ID card.")
        },
    )

    def clean_phone(self):
        return phone_normalise(self.cleaned_data["phone"])


class ResidentGoneForm(forms.Form):
    status = forms.ChoiceField(
        label=_("What happened"),
        choices=[
            (ResidentProfile.Status.MOVED_AWAY, _("Moved away from the ward")),
            (ResidentProfile.Status.DECEASED, _("Passed away")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("How you know"),
        max_length=300,
        help_text=_("For example: told by the family, 3 May."),
    )


class ResidentEraseForm(forms.Form):
    reason = forms.CharField(
        label=_("How the resident asked"),
        max_length=300,
        help_text=_("For example: asked aloud at the meeting hall, or a signed paper."),
    )
    confirm = forms.BooleanField(
        label=_(
            "The resident asked to withdraw their consent. Their name, phone number "
            "and year of birth will be erased for good."
        ),
        error_messages={"required": _("Please confirm before erasing.")},
    )


class MergeSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name or phone number of the other record"),
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


def _record_label(profile) -> str:
    """Two records of one person often share the name: tell them apart."""
    user = profile.user
    parts = [user.full_name]
    if user.birth_year:
        parts.append(str(user.birth_year))
    parts.append(user.phone_for_display if user.phone else str(_("No phone")))
    parts.append(profile.neighbourhood.name)
    return ", ".join(parts)


class MergeConfirmForm(forms.Form):
    keep = forms.ChoiceField(label=_("Which record to keep"), widget=forms.RadioSelect)
    confirm = forms.BooleanField(
        label=_("These two records are the same person."),
        error_messages={"required": _("Please confirm that it is the same person.")},
    )

    def __init__(self, *args, profiles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [(str(p.pk), _record_label(p)) for p in profiles]
        self.fields["keep"].initial = str(profiles[0].pk)
