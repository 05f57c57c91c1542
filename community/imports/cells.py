"""What the columns of a list mean, and what each cell says, as people write them.

Headers and neighbourhood names are compared by `fold`: no diacritics, lower case,
punctuation as spaces, single spaces ("Họ và tên (*)" and "ho va ten" are the same).
"""

import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.names import name_clean
from accounts.phones import phone_normalise

from ..models import Neighbourhood, Ward
from ..text import fold

FULL_NAME, BIRTH_YEAR, PHONE, NEIGHBOURHOOD = (
    "full_name",
    "birth_year",
    "phone",
    "neighbourhood",
)
# Some lists split the name: "Họ (và tên đệm)" | "Tên". The two make the full name.
FAMILY_NAME = "family_name"
FIELDS = (FAMILY_NAME, FULL_NAME, BIRTH_YEAR, PHONE, NEIGHBOURHOOD)

HEADERS = {
    FAMILY_NAME: {"ho", "ho va ten dem", "ho dem", "ho va chu lot", "ho lot"},
    FULL_NAME: {
        "ho va ten",
        "ho ten",
        "ten",
        "ho va ten nguoi dan",
        "ho ten nguoi dan",
        "full name",
        "name",
    },
    BIRTH_YEAR: {
        "nam sinh",
        "ngay sinh",
        "ngay thang nam sinh",
        "ngay sinh nam sinh",
        "birth year",
        "year of birth",
        "date of birth",
    },
    PHONE: {
        "so dien thoai",
        "sdt",
        "so dt",
        "dien thoai",
        "dt",
        "di dong",
        "so di dong",
        "dien thoai di dong",
        "phone",
        "phone number",
    },
    NEIGHBOURHOOD: {
        "to dan pho",
        "to",
        "tdp",
        "to dp",
        "to so",
        "neighbourhood",
        "neighborhood",
    },
}
HEADER_FIELD = {header: field for field, names in HEADERS.items() for header in names}

OLDEST_BIRTH_YEAR = 1900
YOUNGEST_AGE = 10
MAX_NAME_LENGTH = 150

_NUMBERED = re.compile(r"^(?:to dan pho|to dp|tdp|to)?\s*(?:so)?\s*0*(\d{1,4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YEAR_MONTH_DAY = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:[ T].*)?$")


def header_fields(cells: list[str]) -> dict[str, int]:
    """Column index of each field this header row names (the first one wins)."""
    found: dict[str, int] = {}
    for index, text in enumerate(cells):
        field = HEADER_FIELD.get(fold(text))
        if field and field not in found:
            found[field] = index
    return found


def as_text(value) -> str:
    """A cell as it should be shown back to the person who wrote it."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())


def clean_name(value) -> tuple[str, str | None]:
    name = name_clean(as_text(value))
    if not name:
        return "", _("The name is missing.")
    if len(name) > MAX_NAME_LENGTH:
        return "", _("The name is longer than %(max)s letters.") % {
            "max": MAX_NAME_LENGTH
        }
    return name, None


def clean_birth_year(value) -> tuple[int | None, str | None]:
    """A year, or a full date (dd/mm/yyyy, or a date cell) of which the year counts."""
    if value is None or value == "":
        return None, None
    year = None
    if isinstance(value, datetime | date):
        year = value.year
    elif isinstance(value, int):
        year = value
    else:
        text = as_text(value)
        if re.fullmatch(r"\d{4}(?:\.0+)?", text):
            year = int(text[:4])
        elif match := _DAY_MONTH_YEAR.match(text):
            day, month, year = (int(part) for part in match.groups())
            year = year if _is_date(year, month, day) else None
        elif match := _YEAR_MONTH_DAY.match(text):
            year, month, day = (int(part) for part in match.groups())
            year = year if _is_date(year, month, day) else None
    if year is None:
        return None, _(
            "The birth year “%(value)s” is not understood: write four digits, such as "
            "1965, or a date such as 20/11/1965."
        ) % {"value": as_text(value)}
    youngest = timezone.localdate().year - YOUNGEST_AGE
    if not OLDEST_BIRTH_YEAR <= year <= youngest:
        return None, _(
            "The birth year %(year)s is not possible: it must be between %(oldest)s "
            "and %(youngest)s."
        ) % {"year": year, "oldest": OLDEST_BIRTH_YEAR, "youngest": youngest}
    return year, None


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def clean_phone(value) -> tuple[str | None, str | None]:
    text = as_text(value)
    if not text:
        return None, None
    try:
        return phone_normalise(text), None
    except ValidationError:
        return None, _(
            "“%(value)s” is not a Vietnamese mobile number (10 digits starting "
            "with 0, such as 0912 345 678)."
        ) % {"value": text}


class NeighbourhoodFinder:
    """Finds a neighbourhood of one ward by what a list says: its name, "Tổ 3",
    "TDP số 03" or just "3". One query, then answers from memory."""

    def __init__(self, ward: Ward):
        self.ward = ward
        self._by_name: dict[str, Neighbourhood] = {}
        numbers: dict[int, list[Neighbourhood]] = {}
        for neighbourhood in Neighbourhood.objects.filter(ward=ward):
            self._by_name.setdefault(fold(neighbourhood.name), neighbourhood)
            number = neighbourhood.number or _number_in(fold(neighbourhood.name))
            if number:
                numbers.setdefault(number, []).append(neighbourhood)
        # A number shared by two neighbourhoods names neither of them.
        self._by_number = {
            n: found[0] for n, found in numbers.items() if len(found) == 1
        }
        self._cache: dict[str, Neighbourhood | None] = {}

    def find(self, value) -> Neighbourhood | None:
        key = fold(as_text(value))
        if key not in self._cache:
            found = self._by_name.get(key)
            if found is None and (number := _number_in(key)):
                found = self._by_number.get(number)
            self._cache[key] = found
        return self._cache[key]


def _number_in(key: str) -> int | None:
    match = _NUMBERED.match(key)
    return int(match.group(1)) if match else None
