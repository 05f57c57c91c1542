"""Reading an uploaded list into rows of cells: CSV as Excel writes it, and XLSX.

Nothing here knows what the columns mean; `cells.py` does. A file that cannot be read
as a table at all raises `ImportFileError` with a message for the person who sent it.
"""

import codecs
import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.utils.translation import gettext as _

# A 5 MB list must go through: the limit sits well above it.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_ROWS = 200_000
# An XLSX is a zip: refuse one that would unpack to far more than any list (zip bomb).
MAX_UNZIPPED_RATIO = 40

DELIMITERS = (";", ",", "\t")


class ImportFileError(Exception):
    """The whole file is refused; the message says why, in the user's language."""


@dataclass
class Cell:
    """One cell as read: its value (str, int, float, date or None).

    `formula` is set when the spreadsheet holds a formula there: its text, and `value`
    is what Excel saved as its result (None when the file holds no saved result).
    """

    value: object
    formula: str | None = None


@dataclass
class Table:
    """The rows of the file, each with the line number people see in Excel."""

    rows: Iterator[tuple[int, list[Cell]]]
    kind: str  # "csv" or "xlsx"


def max_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_rows() -> int:
    return getattr(settings, "IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS)


def read_table(data: bytes, filename: str) -> Table:
    """Open the file by what it contains (the name can lie), or refuse it."""
    if len(data) > max_bytes():
        raise ImportFileError(
            _("The file is too big (%(size)s MB). The limit is %(limit)s MB.")
            % {
                "size": f"{len(data) / 1024 / 1024:.1f}",
                "limit": f"{max_bytes() / 1024 / 1024:g}",
            }
        )
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04"):
        return Table(rows=_xlsx_rows(data), kind="xlsx")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _(
                "This is an old Excel file (.xls). Open it in Excel and save it as "
                "“Excel Workbook (.xlsx)” or “CSV UTF-8”, then send it again."
            )
        )
    return Table(rows=_csv_rows(_decode(data)), kind="csv")


def _not_a_spreadsheet() -> ImportFileError:
    return ImportFileError(
        _(
            "This file is not a spreadsheet. Please send a list saved from Excel as "
            "CSV or XLSX."
        )
    )


def _decode(data: bytes) -> str:
    """Text as Excel saves it: UTF-8 (with or without BOM), UTF-16, or the old
    Windows code pages for Vietnamese (1258) and Western (1252)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "cp1258", "cp1252"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            # cp1258 writes diacritics as combining marks; so do some Macs.
            return unicodedata.normalize("NFC", text)
        break
    raise _not_a_spreadsheet()


def _looks_like_text(text: str) -> bool:
    """Binary files (images, PDFs) decode in a single-byte code page but are full of
    control characters; a list never is."""
    sample = text[:65536]
    if "\x00" in sample:
        return False
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t")
    return controls <= len(sample) // 1000


def _sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines most consistently into columns.

    Excel writes `;` where the decimal comma is local (Vietnamese Windows), `,`
    elsewhere, tabs for "Unicode text"; a `sep=;` first line says it outright.
    """
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    if first.lower().startswith("sep=") and len(first) == 5:
        return first[4]
    lines = [line for line in text[:65536].splitlines() if line.strip()][:20]
    best, best_score = ",", -1
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        if not counts or max(counts) < 2:
            continue
        widest = max(counts)
        score = sum(1 for count in counts if count == widest) * widest
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(text: str) -> Iterator[tuple[int, list[Cell]]]:
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    for index, row in enumerate(reader):
        if index == 0 and len(row) == 1 and row[0].lower().startswith("sep="):
            line = reader.line_num + 1
            continue
        _check_row_count(index)
        yield line, [Cell(value) for value in row]
        # A quoted cell may hold line breaks: the next row starts after them.
        line = reader.line_num + 1


def _check_row_count(index: int) -> None:
    if index > max_rows():
        raise ImportFileError(
            _("The file has more than %(rows)s rows. Please split it into parts.")
            % {"rows": f"{max_rows():,}".replace(",", ".")}
        )


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[Cell]]]:
    """The first sheet, with the values as Excel last saved them.

    Read twice in step, streaming: once for the saved values (`data_only`), once for
    the formulas, so that a formula whose result was never saved is reported rather
    than read as an empty cell. Nothing is ever evaluated.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise _not_a_spreadsheet() from exc
    if unzipped > MAX_UNZIPPED_RATIO * max_bytes():
        raise ImportFileError(
            _("The file is too big once opened. Please split it into parts.")
        )
    values_book = _open_workbook(data, data_only=True)
    formulas_book = _open_workbook(data, data_only=False)
    try:
        if not values_book.worksheets:
            raise _not_a_spreadsheet()
        values = values_book.worksheets[0].iter_rows(values_only=True)
        formulas = formulas_book.worksheets[0].iter_rows(values_only=True)
        for index, (saved, written) in enumerate(zip(values, formulas, strict=False)):
            _check_row_count(index)
            cells = [
                Cell(
                    _plain(value),
                    formula=_formula_text(
                        written[position] if position < len(written) else None
                    ),
                )
                for position, value in enumerate(saved)
            ]
            yield index + 1, cells
    except ImportFileError:
        raise
    except Exception as exc:  # a broken sheet raises many kinds of error
        raise _not_a_spreadsheet() from exc
    finally:
        values_book.close()
        formulas_book.close()


def _open_workbook(data: bytes, *, data_only: bool):
    from openpyxl import load_workbook

    try:
        return load_workbook(
            io.BytesIO(data), read_only=True, data_only=data_only, keep_links=False
        )
    except Exception as exc:  # a broken file raises many kinds of error
        raise _not_a_spreadsheet() from exc


def _formula_text(value) -> str | None:
    if isinstance(value, str):
        return value if value.startswith("=") else None
    if value is None or isinstance(value, int | float | date | datetime):
        return None
    # openpyxl's ArrayFormula / DataTableFormula
    text = getattr(value, "text", None)
    return str(text or "=")


def _plain(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
