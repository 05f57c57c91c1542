"""The one formula-neutralising helper every export calls."""

import pytest

from community.spreadsheets import spreadsheet_safe
from teams.exports import cell_neutralise


@pytest.mark.parametrize(
    "value", ["=1+1", "+84912", "-2", "@SUM(A1)", "\tx", "\rx", "\n=1+1"]
)
def test_formula_starts_get_a_leading_quote(value):
    assert spreadsheet_safe(value) == "'" + value
    assert cell_neutralise(value) == "'" + value


def test_text_and_numbers_are_left_alone():
    assert spreadsheet_safe("Nguyễn Văn An") == "Nguyễn Văn An"
    assert spreadsheet_safe(1960) == 1960
    assert spreadsheet_safe(None) == ""


def test_roster_cells_are_always_text():
    assert cell_neutralise(1960) == "1960"
    assert cell_neutralise(-3) == "'-3"
    assert cell_neutralise(None) == ""
