"""Names as people type (or paste) them: invisible controls out, one form of each
letter, single spaces. One function, `accounts.names.name_clean`, for every field."""

import unicodedata

import pytest

from accounts.names import name_clean

# What the probe stored and the public verify page showed: "Nguyễn ‮. Rtl".
INVISIBLE = [
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",  # right-to-left override
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200b",  # zero-width space
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u2060",
    "\ufeff",
    "\u00ad",  # soft hyphen (another "Cf")
    "\u061c",  # Arabic letter mark
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x9b",
]


@pytest.mark.parametrize("char", INVISIBLE)
def test_invisible_and_control_characters_are_taken_out(char):
    assert name_clean(f"Nguyễn{char} Thị{char}{char} Lan{char}") == "Nguyễn Thị Lan"


def test_letters_typed_as_base_plus_marks_become_one_character_each():
    typed = unicodedata.normalize("NFD", "Nguyễn Thị Hồng")
    assert len(typed) > len("Nguyễn Thị Hồng")
    assert name_clean(typed) == "Nguyễn Thị Hồng"
    assert name_clean(typed) == unicodedata.normalize("NFC", typed)


def test_spaces_tabs_and_line_breaks_collapse_to_one_space():
    assert name_clean("  Lê\u00a0\u00a0Văn\tTám\r\n ") == "Lê Văn Tám"
    # An invisible character between two spaces leaves one space, not two.
    assert name_clean("Lê \u200b Tám") == "Lê Tám"


@pytest.mark.parametrize("value", ["", "   ", "\u200b\u202e\u2066", "\u3164", None])
def test_a_name_of_nothing_visible_becomes_empty(value):
    assert name_clean(value) == ""


def test_vietnamese_names_are_kept_as_written():
    for name in ("Đặng Thị Ánh Tuyết", "Nguyễn Văn A", "H'Hen Niê", "Lò Văn Páo"):
        assert name_clean(name) == name
