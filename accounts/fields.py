from django import forms
from django.utils.translation import gettext_lazy as _

from .phones import phone_normalise


class VietnamesePhoneField(forms.CharField):
    """A phone input that accepts numbers as people write them and cleans to E.164."""

    widget = forms.TextInput(
        attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}
    )

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("label", _("Phone number"))
        kwargs.setdefault("help_text", _("For example: 0912 345 678"))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        return phone_normalise(value)
