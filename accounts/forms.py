"""allauth forms adjusted for phone accounts (wired by `ACCOUNT_FORMS` in settings)."""

from allauth.account.adapter import get_adapter
from allauth.account.forms import (
    ChangePasswordForm,
    ChangePhoneForm,
    RequestLoginCodeForm,
)
from allauth.core import context, ratelimit
from django import forms
from django.utils.translation import gettext_lazy as _

from .ratelimit import allauth_wait_seconds, wait_phrase
from .selectors import signed_in_by_code_recently

CODE_REQUESTS_LIMITED = _(
    "A sign-in code has been asked for too many times for this number or from this "
    "connection. Please wait %(wait)s, then ask again. You can also sign in with "
    "your password."
)


class SmsCodeRequestForm(RequestLoginCodeForm):
    """allauth's "send me a code" form, answering every number the same way.

    allauth tells a number without an account so ("no account is registered"),
    which lets anyone find out who is registered, and counts its rate limit only
    for registered numbers. Here every well-formed number goes on to the code page
    (the view sends the code only when the number has an open account; allauth's
    adapter sends nothing otherwise) and every request counts against the limits
    per client address and per number (`ACCOUNT_RATE_LIMITS["request_login_code"]`).
    The rest of the site keeps saying plainly when a number is registered (sign-up):
    allauth's global `ACCOUNT_PREVENT_ENUMERATION` stays off.
    """

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        if not phone:
            return phone
        request = context.request
        if not ratelimit.consume(request, action="request_login_code", key=phone):
            wait = allauth_wait_seconds(request, action="request_login_code", key=phone)
            raise forms.ValidationError(
                CODE_REQUESTS_LIMITED % {"wait": wait_phrase(wait)},
                code="rate_limited",
            )
        user = get_adapter().get_user_by_phone(phone)
        # A closed account gets no code either: it could not sign in with it.
        self._user = user if user is not None and user.is_active else None
        return phone


class NewPhoneForm(ChangePhoneForm):
    """allauth's change-phone form, saying plainly which number to type."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].label = _("New phone number")


class NewPasswordForm(ChangePasswordForm):
    """allauth's change-password form; the current password is not asked of someone
    who signed in with an SMS code minutes ago (they forgot it: that is why)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if context.request is not None and signed_in_by_code_recently(context.request):
            del self.fields["oldpassword"]
