"""A neighbourhood's roster as a spreadsheet (CSV or Excel), for the volunteer.

Names, phone numbers, years of birth and progress: personal data, so the view logs
every export (`teams.services.staff_access_record`). Every cell people typed is
neutralised by `community.spreadsheets.spreadsheet_safe`: a value starting with
= + - @ (or a tab or line break) gets a leading apostrophe, so no spreadsheet ever
runs it as a formula (DESIGN.md §6).
"""

import csv
import io
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from community.spreadsheets import spreadsheet_safe
from learning.models import CoursePage

from .selectors import COMPLETED, LEARNING, RosterRow


def cell_neutralise(value) -> str:
    """Every roster cell as text (the workbook writes strings only), neutralised."""
    return spreadsheet_safe("" if value is None else str(value))


def _status_label(status: str) -> str:
    if status == COMPLETED:
        return _("Completed")
    if status == LEARNING:
        return _("Still learning")
    return _("Not started")


def roster_table(
    *, rows: Iterable[RosterRow], courses: list[CoursePage]
) -> Iterable[list[str]]:
    """The header, then one line per resident, every cell neutralised."""
    yield [
        cell_neutralise(title)
        for title in [
            _("Full name"),
            _("Year of birth"),
            _("Phone number"),
            _("Neighbourhood"),
            *[course.title for course in courses],
            _("VNeID level 2"),
            _("Last activity"),
        ]
    ]
    for row in rows:
        user = row.user
        if row.vneid is None:
            vneid = ""
        else:
            vneid = row.vneid.get_status_display()
        last = (
            timezone.localtime(row.last_activity).strftime("%d/%m/%Y")
            if row.last_activity
            else ""
        )
        yield [
            cell_neutralise(value)
            for value in [
                user.full_name,
                user.birth_year or "",
                user.phone_for_display if user.phone else "",
                row.profile.neighbourhood.name,
                *[_status_label(item.status) for item in row.courses],
                vneid,
                last,
            ]
        ]


def roster_csv(table: Iterable[list[str]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows the diacritics right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for line in table:
        writer.writerow(line)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def roster_xlsx(table: Iterable[list[str]]) -> bytes:
    """Every cell written as text (never a formula), the header in bold."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Residents")
    widths: dict[int, int] = {}
    for row_number, line in enumerate(table, start=1):
        for column, value in enumerate(line, start=1):
            cell = sheet.cell(row=row_number, column=column)
            cell.value = value
            cell.data_type = "s"
            if row_number == 1:
                cell.font = Font(bold=True)
            widths[column] = max(widths.get(column, 8), min(len(value) + 2, 40))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
