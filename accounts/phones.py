"""Vietnamese phone numbers as people write them, stored as E.164.

`0912 345 678`, `0912.345.678`, `+84 912 345 678` and `84912345678` all become
`+84912345678`. Only Vietnamese mobile numbers are accepted: they are what receives the
SMS codes.
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}

INVALID_PHONE_MESSAGE = _(
    "This is not a Vietnamese mobile number. Please enter 10 digits starting with 0, "
    "for example 0912 345 678."
)


def phone_normalise(raw: str) -> str:
    """Return the E.164 form of a Vietnamese mobile number or raise ValidationError."""
    text = (raw or "").strip()
    if not text:
        raise ValidationError(INVALID_PHONE_MESSAGE, code="invalid_phone")
    try:
        number = phonenumbers.parse(text, "VN")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(INVALID_PHONE_MESSAGE, code="invalid_phone") from exc
    if (
        number.country_code != 84
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) not in MOBILE_TYPES
    ):
        raise ValidationError(INVALID_PHONE_MESSAGE, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_mask(e164: str) -> str:
    """`+84912345678` -> `+8491***678`: enough to tell numbers apart in a log line,
    not enough to call anyone."""
    if len(e164 or "") < 9:
        return "***"
    return f"{e164[:5]}***{e164[-3:]}"


def phone_display(e164: str) -> str:
    """`+84912345678` -> `0912 345 678`, the way residents read their number."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, "VN")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
