"""allauth forms adjusted for phone accounts (wired by `ACCOUNT_FORMS` in settings)."""

from allauth.account.forms import ChangePhoneForm
from django.utils.translation import gettext_lazy as _


class NewPhoneForm(ChangePhoneForm):
    """allauth's change-phone form, saying plainly which number to type."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].label = _("New phone number")
