"""Importing a list of residents (CSV or XLSX): a preview, then the import.

The one engine behind `python manage.py import_residents` and the volunteers' upload
page (DESIGN.md §4, §6 "Bad input"):

    preview = import_preview(data=..., filename=..., ward=ward)
    # show preview.rows / preview.duplicates / preview.bad, ask for the mode
    result = import_apply(preview=preview, mode=GOOD_ROWS, imported_by=volunteer)

The preview writes nothing. Every bad row is reported with its line number (the line
Excel shows; the header is line 1) and a reason. Duplicates (a phone already in the
file, or already registered) are skipped and reported, never used to update anyone.
`import_apply` writes in one transaction: all the rows or none of them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from ..models import Neighbourhood, ResidentProfile, Ward
from ..services import residents_register_imported
from ..text import fold
from .cells import (
    BIRTH_YEAR,
    FAMILY_NAME,
    FULL_NAME,
    NEIGHBOURHOOD,
    PHONE,
    NeighbourhoodFinder,
    as_text,
    clean_birth_year,
    clean_name,
    clean_phone,
    header_fields,
)
from .reading import ImportFileError, read_table

__all__ = [
    "ALL_OR_NOTHING",
    "GOOD_ROWS",
    "MODES",
    "ImportFileError",
    "ImportPreview",
    "ImportResult",
    "ImportRow",
    "RowProblem",
    "find_neighbourhood",
    "import_apply",
    "import_preview",
]

ALL_OR_NOTHING = "all_or_nothing"
GOOD_ROWS = "good_rows"
MODES = (ALL_OR_NOTHING, GOOD_ROWS)

# Rows written between two progress reports (and per bulk insert).
BATCH_SIZE = 500
# The header may sit below a title ("DANH SÁCH NGƯỜI DÂN TỔ 3"): look this far down.
HEADER_SEARCH_ROWS = 10
# A phone lookup per this many numbers: below every database's parameter limit.
LOOKUP_CHUNK = 900


@dataclass
class ImportRow:
    """A good row: the person it will create."""

    line: int
    full_name: str
    birth_year: int | None
    phone: str | None  # E.164, or None for a person without a phone
    neighbourhood: Neighbourhood

    def values(self) -> dict[str, str]:
        return {
            FULL_NAME: self.full_name,
            BIRTH_YEAR: str(self.birth_year or ""),
            PHONE: self.phone or "",
            NEIGHBOURHOOD: self.neighbourhood.name,
        }


@dataclass
class RowProblem:
    """A row that will not be imported: bad (with what to fix) or a duplicate.

    `values` holds the row's cells as written, keyed by field: "full_name",
    "birth_year", "phone", "neighbourhood" (those the file has; "family_name" too
    when the list splits names into "Họ" and "Tên").
    """

    line: int
    reason: str
    values: dict[str, str]


@dataclass
class ImportPreview:
    """What an import would do; nothing is written yet.

    `lines_read` counts the non-blank rows under the header, so it equals
    len(rows) + len(duplicates) + len(bad).
    """

    rows: list[ImportRow]
    duplicates: list[RowProblem]
    bad: list[RowProblem]
    lines_read: int

    @property
    def ok(self) -> bool:
        return not self.bad

    @property
    def summary(self) -> dict[str, int]:
        return {
            "lines_read": self.lines_read,
            "new": len(self.rows),
            "duplicates": len(self.duplicates),
            "bad": len(self.bad),
        }


@dataclass
class ImportResult:
    """What an import did. `duplicates` lists the rows skipped as duplicates,
    including those registered by someone else between the preview and the import."""

    created: int
    skipped_duplicates: int
    not_imported_bad: int
    duplicates: list[RowProblem] = field(default_factory=list)


def find_neighbourhood(*, ward: Ward, text: str) -> Neighbourhood | None:
    """The ward's neighbourhood that `text` names ("Tổ dân phố số 3", "Tổ 3", "3")."""
    return NeighbourhoodFinder(ward).find(text)


def import_preview(
    *,
    data: bytes,
    filename: str,
    ward: Ward,
    neighbourhood: Neighbourhood | None = None,
) -> ImportPreview:
    """Read a list and sort its rows into new people, duplicates and bad rows.

    `neighbourhood` is for rows that name none (a file without that column, or an
    empty cell). Raises ImportFileError when the file as a whole cannot be used.
    """
    if neighbourhood is not None and neighbourhood.ward_id != ward.pk:
        raise ValueError("The neighbourhood must belong to the ward.")
    table = read_table(data, filename)
    rows = iter(table.rows)
    columns = _find_header(rows)
    finder = NeighbourhoodFinder(ward)
    good: list[ImportRow] = []
    bad: list[RowProblem] = []
    duplicates: list[RowProblem] = []
    first_line_of_phone: dict[str, int] = {}
    values_of_line: dict[int, dict[str, str]] = {}
    lines_read = 0

    for line, cells in rows:
        raw = {
            name: cells[index] if index < len(cells) else None
            for name, index in columns.items()
        }
        if all(
            cell is None or (as_text(cell.value) == "" and not cell.formula)
            for cell in raw.values()
        ):
            continue  # a blank line, or one with only columns we do not read
        lines_read += 1
        values = {
            name: as_text(cell.value if cell else None) for name, cell in raw.items()
        }
        reasons = _formula_reasons(raw)
        if reasons:
            bad.append(RowProblem(line=line, reason=" ".join(reasons), values=values))
            continue
        cell_value = {name: cell.value if cell else None for name, cell in raw.items()}
        full_name, name_problem = clean_name(_name_of(cell_value))
        birth_year, year_problem = clean_birth_year(cell_value.get(BIRTH_YEAR))
        phone, phone_problem = clean_phone(cell_value.get(PHONE))
        place, place_problem = _place(cell_value, finder, neighbourhood, columns)
        reasons = [
            problem
            for problem in (name_problem, year_problem, phone_problem, place_problem)
            if problem
        ]
        if reasons:
            bad.append(RowProblem(line=line, reason=" ".join(reasons), values=values))
            continue
        if phone and phone in first_line_of_phone:
            duplicates.append(
                RowProblem(
                    line=line,
                    reason=_("The same phone number is on line %(line)s.")
                    % {"line": first_line_of_phone[phone]},
                    values=values,
                )
            )
            continue
        if phone:
            first_line_of_phone[phone] = line
        values_of_line[line] = values
        good.append(
            ImportRow(
                line=line,
                full_name=full_name,
                birth_year=birth_year,
                phone=phone,
                neighbourhood=place,
            )
        )

    good, registered = _split_registered(good, values_of_line)
    good, probable = _split_probable(good, values_of_line)
    duplicates = sorted(
        duplicates + registered + probable, key=lambda problem: problem.line
    )
    return ImportPreview(
        rows=good, duplicates=duplicates, bad=bad, lines_read=lines_read
    )


def import_apply(
    *,
    preview: ImportPreview,
    mode: str,
    imported_by: User | None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Create the previewed people, in one transaction: all of them or none.

    `all_or_nothing` creates no one when the preview has a bad row; `good_rows`
    creates the good rows. Phones are checked again (someone may have registered since
    the preview): those rows are skipped as duplicates. `imported_by` confirms each
    person's consent. `progress(done, total)` is called before the first row, after
    every BATCH_SIZE rows and at the end; it runs inside the transaction, so a
    progress record written to the same database is not seen by others until the end.
    """
    if mode not in MODES:
        raise ValueError(f"Unknown import mode {mode!r}; use one of {MODES}.")
    if mode == ALL_OR_NOTHING and preview.bad:
        return ImportResult(
            created=0,
            skipped_duplicates=len(preview.duplicates),
            not_imported_bad=len(preview.bad),
            duplicates=list(preview.duplicates),
        )
    try:
        created, late = _apply(preview.rows, imported_by, progress)
    except IntegrityError:
        # Someone registered one of these phones after our check, before our insert:
        # everything was rolled back, so check again and start over, once.
        created, late = _apply(preview.rows, imported_by, progress)
    duplicates = sorted(preview.duplicates + late, key=lambda problem: problem.line)
    return ImportResult(
        created=created,
        skipped_duplicates=len(duplicates),
        not_imported_bad=len(preview.bad),
        duplicates=duplicates,
    )


def _apply(rows, imported_by, progress) -> tuple[int, list[RowProblem]]:
    with transaction.atomic():
        rows, late = _split_registered(rows)
        total = len(rows)
        if progress:
            progress(0, total)
        consent_given_at = timezone.now()
        for start in range(0, total, BATCH_SIZE):
            residents_register_imported(
                people=rows[start : start + BATCH_SIZE],
                imported_by=imported_by,
                consent_given_at=consent_given_at,
            )
            if progress:
                progress(min(start + BATCH_SIZE, total), total)
    return total, late


def _find_header(rows) -> dict[str, int]:
    """Consume rows up to the header and return where each field's column is."""
    seen = 0
    first_known: dict[str, int] = {}
    for _line, cells in rows:
        texts = [as_text(cell.value) for cell in cells]
        if not any(texts):
            continue
        columns = header_fields(texts)
        if FULL_NAME in columns:
            return columns
        first_known = first_known or columns
        seen += 1
        if seen >= HEADER_SEARCH_ROWS:
            break
    if seen == 0:
        raise ImportFileError(_("The file is empty."))
    if first_known:
        raise ImportFileError(
            _(
                "The list has no “Họ và tên” column. Add a column with that heading, "
                "with each person's full name."
            )
        )
    raise ImportFileError(
        _(
            "The first row must hold the column headings: Họ và tên, Năm sinh, "
            "Số điện thoại, Tổ dân phố. No such row was found."
        )
    )


def _formula_reasons(raw) -> list[str]:
    """Formulas are never evaluated: a saved result is read as a value; a formula
    without one, or text that would become a formula, is refused."""
    reasons = []
    for cell in raw.values():
        if cell is None:
            continue
        text = as_text(cell.value)
        if (cell.formula and cell.value is None) or text.startswith("="):
            reasons.append(
                _("The cell “%(formula)s” is a formula. Type the value itself instead.")
                % {"formula": (cell.formula or text)[:60]}
            )
    return reasons


def _name_of(cell_value) -> str:
    if FAMILY_NAME not in cell_value:
        return as_text(cell_value.get(FULL_NAME))
    # Without a given name there is no name, whatever the family name column says.
    given = as_text(cell_value.get(FULL_NAME))
    return f"{as_text(cell_value[FAMILY_NAME])} {given}" if given else ""


def _place(cell_value, finder, default, columns):
    if NEIGHBOURHOOD in columns and as_text(cell_value.get(NEIGHBOURHOOD)):
        found = finder.find(cell_value[NEIGHBOURHOOD])
        if found is None:
            return None, _("There is no neighbourhood “%(name)s” in %(ward)s.") % {
                "name": as_text(cell_value[NEIGHBOURHOOD]),
                "ward": finder.ward.name,
            }
        return found, None
    if default is not None:
        return default, None
    return None, _("The neighbourhood is missing.")


def _person_key(full_name: str, birth_year: int | None, neighbourhood_id: int):
    # Folded: a list typed without diacritics names the same people.
    return (fold(full_name), birth_year, neighbourhood_id)


def _split_probable(
    rows: list[ImportRow], values_of_line: dict[int, dict[str, str]] | None = None
) -> tuple[list[ImportRow], list[RowProblem]]:
    """Rows that are probably someone already here: the same name, year of birth
    and neighbourhood as a resident registered there, or as an earlier row. A list
    imported twice would otherwise give a person without a phone two records
    (issue #16). They are skipped and shown, never merged; a real namesake is
    enrolled by hand."""
    neighbourhood_ids = {row.neighbourhood.pk for row in rows if row.birth_year}
    known = {
        _person_key(name, year, neighbourhood_id)
        for name, year, neighbourhood_id in ResidentProfile.objects.filter(
            neighbourhood_id__in=neighbourhood_ids, user__birth_year__isnull=False
        )
        .exclude(status=ResidentProfile.Status.WITHDRAWN)
        .values_list("user__full_name", "user__birth_year", "neighbourhood_id")
    }
    first_line: dict[tuple, int] = {}
    fresh, probable = [], []
    for row in rows:
        if row.birth_year is None:
            fresh.append(row)
            continue
        key = _person_key(row.full_name, row.birth_year, row.neighbourhood.pk)
        if key in known:
            reason = _(
                "Someone with the same name and year of birth is already registered "
                "in this neighbourhood: probably the same person. If it is someone "
                "else, enrol them by hand."
            )
        elif key in first_line:
            reason = _(
                "The same name, year of birth and neighbourhood are on line "
                "%(line)s: probably the same person."
            ) % {"line": first_line[key]}
        else:
            first_line[key] = row.line
            fresh.append(row)
            continue
        probable.append(
            RowProblem(
                line=row.line,
                reason=reason,
                values=(values_of_line or {}).get(row.line) or row.values(),
            )
        )
    return fresh, probable


def _split_registered(
    rows: list[ImportRow], values_of_line: dict[int, dict[str, str]] | None = None
) -> tuple[list[ImportRow], list[RowProblem]]:
    """Rows whose phone nobody has yet, and those already registered (one query per
    LOOKUP_CHUNK phones). `values_of_line` gives the cells as written, to show."""
    phones = [row.phone for row in rows if row.phone]
    registered: set[str] = set()
    for start in range(0, len(phones), LOOKUP_CHUNK):
        registered.update(
            User.objects.filter(
                phone__in=phones[start : start + LOOKUP_CHUNK]
            ).values_list("phone", flat=True)
        )
    if not registered:
        return rows, []
    fresh, duplicates = [], []
    for row in rows:
        if row.phone in registered:
            duplicates.append(
                RowProblem(
                    line=row.line,
                    reason=_("This phone number is already registered."),
                    values=(values_of_line or {}).get(row.line) or row.values(),
                )
            )
        else:
            fresh.append(row)
    return fresh, duplicates
