"""The dashboard's table as CSV, XLSX and a printable PDF report.

All three are built from `table_of(dashboard)`, the same columns the page shows, so
an export never says something the page does not. They hold aggregate numbers and
place names only, no personal data. Cells a spreadsheet would run as a formula are
neutralised (`community.spreadsheets.spreadsheet_safe`).
"""

import csv
import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.pdf import fonts_url, html_to_pdf
from community.spreadsheets import spreadsheet_safe

from .charts import bar_chart, trend_chart
from .cohorts import cohort_label
from .selectors import Dashboard, Figures


@dataclass
class Column:
    group: str
    label: str
    key: str  # a Figures attribute, or "course:<id>"

    def value(self, row: Figures):
        if self.key.startswith("course:"):
            return row.completed_in(int(self.key.split(":", 1)[1]))
        return getattr(row, self.key)


def _day(value) -> str:
    return date_format(value, "d/m/Y")


def columns_of(dashboard: Dashboard) -> list[Column]:
    so_far = _("So far (up to %(end)s)") % {"end": _day(dashboard.date_to)}
    period = _("In the period (%(start)s – %(end)s)") % {
        "start": _day(dashboard.date_from),
        "end": _day(dashboard.date_to),
    }
    week = _("Last 7 days (%(start)s – %(end)s) and the 7 days before") % {
        "start": _day(dashboard.week_from),
        "end": _day(dashboard.date_to),
    }
    completed = (
        _("Completed the course")
        if dashboard.course is not None
        else _("Completed a course (all courses)")
    )
    started = (
        _("Started the course")
        if dashboard.course is not None
        else _("Started learning (first lesson)")
    )
    columns = [
        Column(so_far, _("Adult population"), "adult_population"),
        Column(so_far, _("Registered (living here now)"), "registered"),
        Column(so_far, _("Registered, share of adults (%)"), "registered_share"),
        Column(so_far, _("Completed at least one course"), "completed_any"),
        Column(so_far, _("VNeID level 2 confirmed"), "vneid_confirmed"),
        Column(
            so_far, _("VNeID level 2 declared (not yet confirmed)"), "vneid_declared"
        ),
        Column(period, started, "started"),
        Column(period, completed, "completed"),
    ]
    columns += [
        Column(period, _("Completed: %(course)s") % {"course": title}, f"course:{pk}")
        for pk, title in dashboard.courses
    ]
    columns += [
        Column(period, _("Certificates issued"), "certificates"),
        Column(period, _("Group sessions"), "sessions"),
        Column(period, _("Visits from posters"), "poster_visits"),
        Column(period, _("Left (moved away, died, withdrew)"), "removed"),
        Column(week, _("Registered, last 7 days"), "week_registered"),
        Column(week, _("Registered, the 7 days before"), "previous_week_registered"),
        Column(week, _("Completed, last 7 days"), "week_completed"),
        Column(week, _("Completed, the 7 days before"), "previous_week_completed"),
    ]
    return columns


def groups_of(columns: list[Column]) -> list[tuple[str, int]]:
    """(group heading, number of columns) in order, for a two-row table head."""
    groups: list[tuple[str, int]] = []
    for column in columns:
        if groups and groups[-1][0] == column.group:
            groups[-1] = (column.group, groups[-1][1] + 1)
        else:
            groups.append((column.group, 1))
    return groups


def filters_of(dashboard: Dashboard) -> list[tuple[str, str]]:
    """What the figures are about, in words: for the page, the exports, the report."""
    lines = []
    if dashboard.ward is not None:
        lines.append((_("Ward"), dashboard.ward.name))
    lines.append(
        (
            _("Period"),
            f"{_day(dashboard.date_from)} – {_day(dashboard.date_to)}",
        )
    )
    lines.append(
        (
            _("Course"),
            dashboard.course.title if dashboard.course else _("All courses"),
        )
    )
    lines.append(
        (
            _("Age band"),
            cohort_label(dashboard.birth_cohort)
            if dashboard.birth_cohort is not None
            else _("All ages"),
        )
    )
    return lines


def table_of(dashboard: Dashboard, *, first_column: str) -> dict:
    """Header and rows (the total last) of the dashboard's table, as plain values."""
    columns = columns_of(dashboard)
    total = dashboard.total
    total_name = _("Total")
    rows = [
        [row.name, *[column.value(row) for column in columns]] for row in dashboard.rows
    ]
    rows.append([total_name, *[column.value(total) for column in columns]])
    return {
        "columns": columns,
        "groups": groups_of(columns),
        "header": [first_column, *[column.label for column in columns]],
        "rows": rows,
        # For the page: each body row with its weakest flag, and the total row.
        "body": [
            {"weakest": figures.weakest, "name": cells[0], "cells": cells[1:]}
            for figures, cells in zip(dashboard.rows, rows, strict=False)
        ],
        "footer": rows[-1],
    }


def _preamble(dashboard: Dashboard, title: str) -> list[list]:
    lines = [[title]]
    lines += [[label, value] for label, value in filters_of(dashboard)]
    lines.append([_("Produced on"), _day(timezone.localdate())])
    return lines


def export_csv(dashboard: Dashboard, *, title: str, first_column: str) -> bytes:
    table = table_of(dashboard, first_column=first_column)
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel reads the diacritics as UTF-8
    writer = csv.writer(buffer)
    for line in _preamble(dashboard, title):
        writer.writerow([spreadsheet_safe(cell) for cell in line])
    writer.writerow([])
    writer.writerow(
        ["", *[spreadsheet_safe(g) for g, n in table["groups"] for _ in range(n)]]
    )
    writer.writerow([spreadsheet_safe(cell) for cell in table["header"]])
    for row in table["rows"]:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return buffer.getvalue().encode("utf-8")


def export_xlsx(dashboard: Dashboard, *, title: str, first_column: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    table = table_of(dashboard, first_column=first_column)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Statistics")[:31]
    for line in _preamble(dashboard, title):
        sheet.append([spreadsheet_safe(cell) for cell in line])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    group_row = sheet.max_row + 1
    column = 2
    for group, span in table["groups"]:
        cell = sheet.cell(row=group_row, column=column, value=spreadsheet_safe(group))
        cell.font = Font(bold=True)
        if span > 1:
            sheet.merge_cells(
                start_row=group_row,
                start_column=column,
                end_row=group_row,
                end_column=column + span - 1,
            )
        column += span
    sheet.append([spreadsheet_safe(cell) for cell in table["header"]])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table["rows"]:
        sheet.append([spreadsheet_safe(cell) for cell in row])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 28
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_pdf(dashboard: Dashboard, *, title: str, first_column: str) -> bytes:
    """A4 landscape: the ward, the period and filters, the charts, the table and the
    day it was produced. Everything typed by people is escaped by the template."""
    html = render_to_string(
        "stats/report_pdf.html",
        {
            "title": title,
            "dashboard": dashboard,
            "filters": filters_of(dashboard),
            "table": table_of(dashboard, first_column=first_column),
            "chart": bar_chart(dashboard, compact=True),
            "trend": trend_chart(dashboard.trend),
            "produced_on": timezone.localtime(),
            "fonts_url": fonts_url(),
        },
    )
    return html_to_pdf(html)
