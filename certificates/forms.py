from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .codes import LENGTH, code_parse


class VerifyForm(forms.Form):
    """One field: the code as printed under the QR code, typed however it comes."""

    code = forms.CharField(
        label=_("Certificate code"),
        max_length=4 * LENGTH,
        help_text=_(
            "The code printed beside the QR code. Capital or small letters, with or "
            "without dashes and spaces."
        ),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self):
        code = code_parse(self.cleaned_data["code"])
        if code is None:
            raise ValidationError(
                _(
                    "This is not a certificate code. A code has %(length)s letters and "
                    "digits, in groups of four."
                ),
                code="invalid",
                params={"length": LENGTH},
            )
        return code
