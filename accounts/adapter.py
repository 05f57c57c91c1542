"""allauth adapter: the phone number is the account's identifier."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .fields import VietnamesePhoneField
from .models import User
from .services import user_phone_confirm
from .sms import sms_send


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "phone_taken": _(
            "This phone number is already registered. Please sign in, or sign in "
            "with a code sent by SMS if you have forgotten your password."
        ),
        "phone_password_mismatch": _(
            "The phone number or the password is not correct."
        ),
        "unknown_phone": _("No account is registered with this phone number."),
        "too_many_login_attempts": _(
            "Too many failed sign-in attempts. Please wait a few minutes, or sign in "
            "with a code sent by SMS."
        ),
    }

    def get_password_change_redirect_url(self, request) -> str:
        # Back to the person's account page (community's `/accounts/me/`).
        return reverse("community:account")

    def phone_form_field(self, **kwargs):
        return VietnamesePhoneField(**kwargs)

    def set_phone(self, user: User, phone: str, verified: bool) -> None:
        user.phone = phone
        user.phone_verified = verified
        user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user: User) -> tuple[str, bool] | None:
        if not user.phone:
            return None
        return user.phone, user.phone_verified

    def set_phone_verified(self, user: User, phone: str) -> None:
        """The person proved they hold `phone` with the SMS code sent to it.

        In the change-phone flow (`/accounts/phone/change/`) the new number is only
        known to the flow until this moment: the account's number changes here, after
        the right code, never before.
        """
        user_phone_confirm(user=user, phone=phone)

    def get_user_by_phone(self, phone: str) -> User | None:
        return User.objects.filter(phone=phone).order_by("pk").first()

    def send_verification_code_sms(self, user, phone: str, code: str, **kwargs) -> None:
        sms_send(
            to=phone,
            body=gettext(
                "Your Binh dan hoc vu so code is %(code)s. It is valid for 10 minutes. "
                "Never give this code to anyone."
            )
            % {"code": code},
        )

    def send_unknown_account_sms(self, phone: str, **kwargs) -> None:
        """Nothing goes to a number without an account.

        Someone asking a code for a stranger's number must not make the site text
        that stranger (nor run up the SMS bill: "SMS pumping"). allauth's default
        sends nothing either; this says so where it matters.
        """

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Key the failed-login limit by the phone number.

        allauth's default key uses only email or username, so with phone login every
        person would share one counter: five typos anywhere would lock everyone out.
        """
        phone = credentials.get("phone")
        if phone:
            return f"{get_current_site(request).domain}:phone:{phone}"
        return super()._get_login_attempts_cache_key(request, **credentials)
