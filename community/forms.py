"""Sign-up form: allauth's phone + password, plus who and where the person is.

Wired into allauth by `ACCOUNT_FORMS` in settings, so `accounts` never imports it.
"""

from allauth.account.forms import SignupForm
from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .selectors import neighbourhood_choices
from .services import resident_register

MIN_BIRTH_YEAR = 1900
YOUNGEST_AGE = 10


class NeighbourhoodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} – {obj.ward.name}"


def validate_birth_year(value: int) -> None:
    this_year = timezone.localdate().year
    if not MIN_BIRTH_YEAR <= value <= this_year - YOUNGEST_AGE:
        raise forms.ValidationError(
            _("Please enter your year of birth with 4 digits, for example 1965."),
            code="birth_year",
        )


class BirthYearField(forms.IntegerField):
    default_error_messages = {
        "invalid": _("Please enter your year of birth with 4 digits, for example 1965.")
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("validators", [validate_birth_year])
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "bday-year"})


class ResidentSignupForm(SignupForm):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("As on your ID card, for example Nguyễn Văn An."),
    )
    birth_year = BirthYearField(label=_("Year of birth"))
    neighbourhood = NeighbourhoodChoiceField(
        label=_("Your neighbourhood (tổ dân phố)"),
        queryset=neighbourhood_choices(),
        empty_label=_("– Choose your neighbourhood –"),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the ward may process my personal data (name, year of birth, "
            "phone number, neighbourhood and learning progress) to organise my "
            "learning and count the movement's progress."
        ),
        error_messages={
            "required": _(
                "Please tick the box to agree, so that we can keep your progress."
            )
        },
    )

    field_order = [
        "phone",
        "full_name",
        "birth_year",
        "neighbourhood",
        "password1",
        "password2",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)
        # Django's four-rule list is long for an older reader; say the same plainly.
        self.fields["password1"].help_text = _(
            "At least 8 characters, not only digits, and not easy to guess (not your "
            "phone number or year of birth)."
        )

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Please enter your full name."))
        return name

    @transaction.atomic
    def save(self, request):
        """Create the account and the resident profile together, or neither."""
        user = super().save(request)
        resident_register(
            user=user,
            full_name=self.cleaned_data["full_name"],
            birth_year=self.cleaned_data["birth_year"],
            neighbourhood=self.cleaned_data["neighbourhood"],
            consent_given_at=timezone.now(),
        )
        return user
