"""allauth forms adjusted for phone accounts (wired by `ACCOUNT_FORMS` in settings)."""

from allauth.account.forms import ChangePasswordForm, ChangePhoneForm
from allauth.core import context
from django.utils.translation import gettext_lazy as _

from .selectors import signed_in_by_code_recently


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
