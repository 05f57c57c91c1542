"""`{{ phone|phone_display }}`: `+84912345678` shown as `0912 345 678`."""

from django import template

from accounts.phones import phone_display as _phone_display

register = template.Library()


@register.filter
def phone_display(value: str) -> str:
    return _phone_display(value or "")
