"""Cells a spreadsheet shows as typed, never runs as a formula (DESIGN.md §6).

One helper for every export of the site (the volunteer's roster, the officers'
reports): it lives here, low in the import chain, so `teams` and `stats` both call it.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_safe(value):
    """A text cell a spreadsheet will show, never run: formulas get a leading quote.
    Numbers stay numbers; None is an empty cell."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
