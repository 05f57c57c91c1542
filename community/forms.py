"""Sign-up form: allauth's phone + password, plus who and where the person is.

Wired into allauth by `ACCOUNT_FORMS` in settings, so `accounts` never imports it.
"""

from allauth.account.forms import SignupForm
from allauth.core import context, ratelimit
from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.names import name_clean
from accounts.ratelimit import allauth_wait_seconds, wait_phrase

from .selectors import neighbourhood_choices
from .services import resident_register

MIN_BIRTH_YEAR = 1900
YOUNGEST_AGE = 10
# allauth's rate-limit action (`ACCOUNT_RATE_LIMITS`) for the "already registered"
# answers given to one address.
PHONE_TAKEN_ACTION = "signup_phone_taken"
SIGNUPS_LIMITED = _(
    "Too many sign-up attempts from this connection. Please wait %(wait)s, then try "
    "again."
)


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
        name = name_clean(self.cleaned_data["full_name"])
        if len(name) < 2:
            raise forms.ValidationError(_("Please enter your full name."))
        return name

    def _clean_phone(self) -> None:
        """allauth's "already registered" answer, limited per client address.

        The answer (with its pointer to signing in) helps people who forgot they
        registered, and also tells anyone who is registered. After
        `ACCOUNT_RATE_LIMITS["signup_phone_taken"]` such answers, that address is
        refused every sign-up until the window ends, whatever the number: a refusal
        only for registered numbers would answer the question all the same.
        """
        request = context.request
        if request is None or not self.cleaned_data.get("phone"):
            super()._clean_phone()
            return
        if not ratelimit.consume(request, action=PHONE_TAKEN_ACTION, dry_run=True):
            wait = allauth_wait_seconds(request, action=PHONE_TAKEN_ACTION)
            self.add_error("phone", SIGNUPS_LIMITED % {"wait": wait_phrase(wait)})
            return
        super()._clean_phone()
        if self.has_error("phone"):  # the number is taken
            ratelimit.consume(request, action=PHONE_TAKEN_ACTION)

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
