import pytest
from django.core.exceptions import ValidationError

from accounts.phones import phone_display, phone_normalise


@pytest.mark.parametrize(
    "typed",
    [
        "0912 345 678",
        "0912.345.678",
        "+84 912 345 678",
        "84912345678",
        " 0912-345-678 ",
    ],
)
def test_vietnamese_numbers_as_people_write_them_become_e164(typed):
    assert phone_normalise(typed) == "+84912345678"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "091234567",
        "0241234567",
        "+1 650 253 0000",
        "abc",
        "0123456789",
        "09123456789",
    ],
)
def test_anything_else_is_refused_with_a_vietnamese_message(typed):
    with pytest.raises(ValidationError) as error:
        phone_normalise(typed)
    assert "0912 345 678" in str(error.value.messages[0])


def test_display_form_is_the_local_one():
    assert phone_display("+84912345678") == "0912 345 678"
