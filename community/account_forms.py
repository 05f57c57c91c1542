"""Forms of the resident's own account pages (`/accounts/me/`, issue #9)."""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from accounts.names import name_clean

from .forms import BirthYearField, NeighbourhoodChoiceField
from .models import Neighbourhood, ResidentProfile
from .selectors import neighbourhood_choices


class _WardGroupedChoices(ModelChoiceIterator):
    """Neighbourhoods grouped by ward (`<optgroup>`), the person's own ward first."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[int, tuple[str, list]] = {}
        for neighbourhood in self.queryset:
            ward = neighbourhood.ward
            groups.setdefault(ward.pk, (str(ward), []))[1].append(
                self.choice(neighbourhood)
            )
        first = self.field.first_ward_id
        for ward_id in sorted(groups, key=lambda pk: pk != first):
            yield groups[ward_id]


class GroupedNeighbourhoodField(NeighbourhoodChoiceField):
    iterator = _WardGroupedChoices
    first_ward_id: int | None = None

    def label_from_instance(self, obj: Neighbourhood) -> str:
        return obj.name


class AccountDetailsForm(forms.Form):
    """Name, year of birth and neighbourhood, as the resident corrects them."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("As on your ID card, for example Nguyễn Văn An."),
    )
    birth_year = BirthYearField(label=_("Year of birth"), required=False)
    neighbourhood = GroupedNeighbourhoodField(
        label=_("Your neighbourhood (tổ dân phố)"),
        queryset=neighbourhood_choices(),
        empty_label=None,
        help_text=_(
            "If you have moved, choose your new neighbourhood: its volunteers will "
            "help you from now on."
        ),
    )

    def __init__(self, *args, profile: ResidentProfile, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "full_name": profile.user.full_name,
                "birth_year": profile.user.birth_year,
                "neighbourhood": profile.neighbourhood_id,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].first_ward_id = profile.neighbourhood.ward_id

    def clean_full_name(self):
        name = name_clean(self.cleaned_data["full_name"])
        if len(name) < 2:
            raise forms.ValidationError(_("Please enter your full name."))
        return name


class AccountDeleteForm(forms.Form):
    """An explicit confirmation, and the password for those who have one (unless
    they just signed in with an SMS code: that is a fresh proof too)."""

    confirm = forms.BooleanField(
        label=_(
            "I understand: my account and my personal data will be erased, and my "
            "certificates will no longer be valid. This cannot be undone."
        ),
        error_messages={"required": _("Please tick the box to confirm.")},
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, ask_password: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not ask_password:
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("The password is not correct."), code="password"
            )
        return password
