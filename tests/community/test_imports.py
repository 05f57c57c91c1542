"""Importing a list of residents: the engine (`community.imports`) and its command."""

import csv
import io
import os
import random
import signal
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.utils import translation
from openpyxl import Workbook

import community.imports.reading
from accounts.models import User
from community.imports import (
    ALL_OR_NOTHING,
    GOOD_ROWS,
    ImportFileError,
    find_neighbourhood,
    import_apply,
    import_preview,
)
from community.models import ResidentProfile
from community.signals import resident_registered
from tests.community.factories import NeighbourhoodFactory

ROOT = Path(__file__).resolve().parents[2]
HEADER = ["STT", "Họ và tên", "Năm sinh", "Số điện thoại", "Tổ dân phố", "Ghi chú"]

# The messy list, line by line as Excel numbers them (the header is line 1).
# None is a blank line.
MESSY = [
    HEADER,  # 1
    ["1", "Nguyễn Văn An", "1965", "0912 345 678", "Tổ dân phố số 1", ""],  # 2
    None,  # 3
    ["2", "  Trần   Thị  Bình ", "1970", "0912.345.679", "Tổ 2", "hay quên"],  # 4
    ["3", "Lê Văn Cường", "12/03/1958", "+84 912 345 680", "2", ""],  # 5
    ["4", "Phạm Thị Dung", "1980", "84912345681", "tổ dân phố SỐ 1", ""],  # 6
    ["5", "Hoàng Văn Em", "1990", "0912 345 678", "Tổ dân phố số 1", ""],  # 7 dup of 2
    ["6", "Vũ Thị Phương", "1975", "0987 000 111", "Tổ dân phố số 1", ""],  # 8 in DB
    ["7", "", "1960", "0912 345 682", "Tổ dân phố số 1", ""],  # 9 no name
    ["8", "Đỗ Văn Giang", "1850", "", "Tổ dân phố số 1", ""],  # 10
    ["9", "Bùi Thị Hoa", "2030", "", "Tổ dân phố số 1", ""],  # 11
    ["10", "Ngô Văn Ích", "1962", "", "Tổ dân phố số 9", ""],  # 12 no such place
    ["11", '=HYPERLINK("http://x.example","Bấm")', "1962", "", "Tổ 1", ""],  # 13
    ["12", "Dương Văn Khoa", "=1+1", "", "Tổ dân phố số 1", ""],  # 14
    ["13", "Lý Thị Lan", "1955", "", "Tổ dân phố số 1", ""],  # 15 no phone
    ["14", "Lý Thị Mai", "1955", "", "Tổ dân phố số 1", ""],  # 16 no phone
    ["15", "Mai Văn Nam", "1966", "0123 456", "Tổ dân phố số 1", ""],  # 17
    ["", "", "", "", "", ""],  # 18 only separators
    ["16", "Tô Thị Phúc", "1968", "0912345683", "Tổ dân phố số 1 ", "=SUM(A1:A2)", "x"],
]
GOOD_LINES = [2, 4, 5, 6, 15, 16, 19]
DUPLICATE_LINES = [7, 8]
BAD_LINES = [9, 10, 11, 12, 13, 14, 17]


def csv_bytes(rows, *, delimiter=",", bom=True, encoding="utf-8") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row or [])
    return (("\ufeff" if bom else "") + out.getvalue()).encode(encoding)


@pytest.fixture
def existing(make_resident, places):
    """Someone already registered with the phone of line 8."""
    return make_resident(
        places["n1"], phone="+84987000111", full_name="Vũ Thị Phương", birth_year=1941
    )


@pytest.fixture
def volunteer(make_staff, places, roles):
    return make_staff(roles.VOLUNTEER, neighbourhood=places["n1"], phone="+84911000001")


def preview_of(data: bytes, places, filename="danh-sach.csv", **kwargs):
    return import_preview(data=data, filename=filename, ward=places["ward"], **kwargs)


# --- The preview -----------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_messy_list_is_sorted_into_new_duplicate_and_bad_rows(
    places, existing, delimiter
):
    with translation.override("en"):
        preview = preview_of(csv_bytes(MESSY, delimiter=delimiter), places)

    assert [row.line for row in preview.rows] == GOOD_LINES
    assert [problem.line for problem in preview.duplicates] == DUPLICATE_LINES
    assert [problem.line for problem in preview.bad] == BAD_LINES
    assert preview.lines_read == 16
    assert preview.summary == {"lines_read": 16, "new": 7, "duplicates": 2, "bad": 7}
    assert not preview.ok

    by_line = {row.line: row for row in preview.rows}
    assert [by_line[line].phone for line in (2, 4, 5, 6)] == [
        "+84912345678",
        "+84912345679",
        "+84912345680",
        "+84912345681",
    ]
    assert by_line[15].phone is None and by_line[16].phone is None
    assert by_line[4].full_name == "Trần Thị Bình"
    assert by_line[5].birth_year == 1958
    assert by_line[4].neighbourhood == places["n2"]
    assert by_line[5].neighbourhood == places["n2"]
    assert by_line[6].neighbourhood == places["n1"]
    assert by_line[19].neighbourhood == places["n1"]

    reasons = {problem.line: problem.reason for problem in preview.bad}
    assert "name is missing" in reasons[9]
    assert "1850" in reasons[10] and "between 1900 and" in reasons[10]
    assert "2030" in reasons[11]
    assert "no neighbourhood “Tổ dân phố số 9” in Phường Gia Viên" in reasons[12]
    assert "formula" in reasons[13] and "HYPERLINK" in reasons[13]
    assert "formula" in reasons[14] and "=1+1" in reasons[14]
    assert "not a Vietnamese mobile number" in reasons[17]
    duplicates = {problem.line: problem.reason for problem in preview.duplicates}
    assert duplicates[7] == "The same phone number is on line 2."
    assert duplicates[8] == "This phone number is already registered."
    # What the person wrote is shown back with each problem.
    assert preview.duplicates[0].values["phone"] == "0912 345 678"
    assert preview.bad[1].values["birth_year"] == "1850"


def test_headers_as_people_write_them_below_a_title_and_one_neighbourhood_for_all(
    places,
):
    rows = [
        ["DANH SÁCH NGƯỜI DÂN THAM GIA BÌNH DÂN HỌC VỤ SỐ"],
        [],
        ["stt", " HỌ  TÊN ", "Ngày sinh", "SĐT", "Địa chỉ"],
        ["1", "Nguyễn Thị Hồng", "05/09/1971", "0912345690", "Số 3 Lê Lợi"],
        ["2", "Trần Văn Hùng", "1969-01-31", "", ""],
    ]
    preview = preview_of(csv_bytes(rows, bom=False), places, neighbourhood=places["n2"])
    assert preview.ok
    assert [(row.line, row.birth_year) for row in preview.rows] == [
        (4, 1971),
        (5, 1969),
    ]
    assert {row.neighbourhood for row in preview.rows} == {places["n2"]}


def test_without_a_neighbourhood_column_or_option_every_row_is_bad(places):
    rows = [["Họ và tên", "Năm sinh"], ["Nguyễn Thị Hồng", "1971"]]
    with translation.override("en"):
        preview = preview_of(csv_bytes(rows), places)
    assert [(p.line, p.reason) for p in preview.bad] == [
        (2, "The neighbourhood is missing.")
    ]


def test_a_list_that_splits_family_and_given_names_joins_them(places):
    rows = [
        ["Họ và tên đệm", "Tên", "Năm sinh", "Tổ"],
        ["Nguyễn Thị", "Hồng", "1971", "1"],
        ["Trần Văn", "", "1969", "1"],
    ]
    with translation.override("en"):
        preview = preview_of(csv_bytes(rows), places)
    assert [row.full_name for row in preview.rows] == ["Nguyễn Thị Hồng"]
    assert [(p.line, p.reason) for p in preview.bad] == [(3, "The name is missing.")]


def test_neighbourhoods_are_found_by_name_or_number_in_this_ward_only(places):
    ward = places["ward"]
    for text in ("Tổ dân phố số 2", "to dan pho so 2", "Tổ 2", "TDP 02", "2", "tổ 2"):
        assert find_neighbourhood(ward=ward, text=text) == places["n2"], text
    assert find_neighbourhood(ward=ward, text="Tổ 3") is None  # n3 is another ward's
    named = NeighbourhoodFactory(ward=ward, number=0, name="Khu tập thể Cầu Đất")
    assert find_neighbourhood(ward=ward, text="khu tap the cau dat") == named


def test_windows_code_page_files_are_read(places):
    # Saved as "CSV" by an old Vietnamese Windows: code page 1258, not UTF-8.
    data = "Ho va ten;Nam sinh;To dan pho\r\nLê Văn Tám;1960;To 1\r\n".encode("cp1258")
    preview = preview_of(data, places)
    assert [row.full_name for row in preview.rows] == ["Lê Văn Tám"]


# --- Spreadsheets -----------------------------------------------------------------


def xlsx_bytes(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for index, row in enumerate(rows, start=1):
        for column, value in enumerate(row or [], start=1):
            cell = sheet.cell(row=index, column=column, value=value)
            if isinstance(value, str) and value.startswith("'="):
                # Text that looks like a formula (typed after an apostrophe).
                cell.value, cell.data_type = value[1:], "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_excel_workbook_with_numbers_dates_and_formulas(places, existing):
    rows = [
        ["Họ và tên", "Năm sinh", "Số điện thoại", "Tổ dân phố"],  # 1
        ["Nguyễn Văn An", 1965, 912345678, "Tổ dân phố số 1"],  # 2: phone as number
        ["Trần Thị Bình", date(1970, 4, 30), "0912 345 679", 2],  # 3: date, number
        None,  # 4
        ["Lê Văn Cường", "=1+1", "", "Tổ 1"],  # 5: formula, no saved value
        ['\'=HYPERLINK("http://x.example")', 1960, "", "Tổ 1"],  # 6: text "=..."
        ["Vũ Thị Phương", 1975.0, "0987000111", "Tổ 1"],  # 7: already registered
        ["Đỗ Văn Giang", 1850, "", "Tổ 1"],  # 8
        ["=B2", None, None, None],  # 9: only a formula, no saved value: not blank
    ]
    with translation.override("en"):
        preview = preview_of(xlsx_bytes(rows), places, filename="ds.xlsx")
    assert [(r.line, r.phone, r.birth_year) for r in preview.rows] == [
        (2, "+84912345678", 1965),
        (3, "+84912345679", 1970),
    ]
    assert preview.rows[1].neighbourhood == places["n2"]
    assert [p.line for p in preview.duplicates] == [7]
    reasons = {p.line: p.reason for p in preview.bad}
    assert sorted(reasons) == [5, 6, 8, 9]
    assert "formula" in reasons[5] and "=1+1" in reasons[5]
    assert "formula" in reasons[6]


def test_a_formula_with_its_saved_result_is_read_as_that_value(places):
    data = xlsx_bytes(
        [["Họ và tên", "Năm sinh", "Tổ dân phố"], ["Phan Văn Lợi", "=1960+5", "Tổ 1"]]
    )
    # openpyxl saves no results; write one in, as Excel would have.
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"<f>1960+5</f><v></v>", b"<f>1960+5</f>")
                content = content.replace(b"<f>1960+5</f>", b"<f>1960+5</f><v>1965</v>")
            target.writestr(item, content)
    preview = preview_of(out.getvalue(), places, filename="ds.xlsx")
    assert [(row.full_name, row.birth_year) for row in preview.rows] == [
        ("Phan Văn Lợi", 1965)
    ]


# --- Whole files refused -------------------------------------------------------------

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + random.Random(2).randbytes(
    900
)


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (random.Random(1).randbytes(4000), "ds.csv"),
        (PNG, "anh.png"),
        (PNG, "ds.xlsx"),
        (b"PK\x03\x04" + random.Random(3).randbytes(500), "ds.xlsx"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\x00\x01\x02", "ds.csv"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(places, data, filename):
    with translation.override("en"), pytest.raises(ImportFileError) as refused:
        preview_of(data, places, filename=filename)
    assert "not a spreadsheet" in str(refused.value)
    assert User.objects.count() == 0


def test_the_refusal_goes_through_the_translation_catalogue(places, monkeypatch):
    monkeypatch.setattr(community.imports.reading, "_", lambda text: f"[vi] {text}")
    with pytest.raises(ImportFileError, match=r"^\[vi\] This file is not a"):
        preview_of(PNG, places)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["Năm sinh", "Số điện thoại"], ["1960", "0912345678"]], "no “Họ và tên”"),
        ([["Nguyễn Văn An", "1960"], ["Trần Văn Bình", "1961"]], "column headings"),
        ([[], [""]], "empty"),
    ],
)
def test_a_list_without_headings_or_names_is_refused(places, rows, message):
    with translation.override("en"), pytest.raises(ImportFileError, match=message):
        preview_of(csv_bytes(rows), places)


def test_an_old_xls_file_gets_its_own_advice(places):
    with translation.override("en"), pytest.raises(ImportFileError, match=r"\.xls"):
        preview_of(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), places)


@override_settings(IMPORT_MAX_BYTES=1000)
def test_a_file_over_the_limit_is_refused(places):
    data = csv_bytes([HEADER] + [MESSY[1]] * 40)
    with translation.override("en"), pytest.raises(ImportFileError, match="too big"):
        preview_of(data, places)


def test_a_five_megabyte_list_is_accepted_and_imported(places, volunteer):
    notes = "Đã gọi điện, hẹn buổi học thứ Bảy tại nhà văn hoá. " * 24
    rows = [HEADER + ["Địa chỉ"]]
    count = 0
    while len(csv_bytes(rows)) < 5 * 1024 * 1024:
        chunk = [
            [str(n), f"Người Thứ {n}", str(1940 + n % 60), f"091{n:07d}", "Tổ 1", notes]
            + [f"Số {n} Lê Lợi"]
            for n in range(count, count + 500)
        ]
        rows += chunk
        count += len(chunk)
    data = csv_bytes(rows)
    assert 5 * 1024 * 1024 <= len(data) < 6 * 1024 * 1024

    preview = preview_of(data, places)
    assert preview.ok and not preview.duplicates
    assert len(preview.rows) == count

    result = import_apply(preview=preview, mode=GOOD_ROWS, imported_by=volunteer)
    assert result.created == count
    assert ResidentProfile.objects.filter(enrolled_how="imported").count() == count


# --- The import --------------------------------------------------------------------


def test_all_or_nothing_imports_nobody_when_a_row_is_bad(places, existing, volunteer):
    users_before = set(User.objects.values_list("pk", flat=True))
    preview = preview_of(csv_bytes(MESSY), places)
    result = import_apply(preview=preview, mode=ALL_OR_NOTHING, imported_by=volunteer)
    assert (result.created, result.skipped_duplicates, result.not_imported_bad) == (
        0,
        2,
        7,
    )
    assert set(User.objects.values_list("pk", flat=True)) == users_before


def test_good_rows_imports_exactly_the_good_rows(
    places, existing, volunteer, django_capture_on_commit_callbacks
):
    announced = []

    def listen(sender, profile, **kwargs):
        announced.append(profile.user.full_name)

    resident_registered.connect(listen)
    try:
        preview = preview_of(csv_bytes(MESSY), places)
        with django_capture_on_commit_callbacks(execute=True):
            result = import_apply(
                preview=preview, mode=GOOD_ROWS, imported_by=volunteer
            )
    finally:
        resident_registered.disconnect(listen)

    assert (result.created, result.skipped_duplicates, result.not_imported_bad) == (
        7,
        2,
        7,
    )
    imported = ResidentProfile.objects.filter(enrolled_how="imported").select_related(
        "user"
    )
    assert sorted(p.user.full_name for p in imported) == sorted(
        row.full_name for row in preview.rows
    )
    assert sorted(announced) == sorted(row.full_name for row in preview.rows)
    assert sorted(p.user.phone or "" for p in imported) == [
        "",
        "",
        "+84912345678",
        "+84912345679",
        "+84912345680",
        "+84912345681",
        "+84912345683",
    ]
    for profile in imported:
        assert not profile.user.has_usable_password()
        assert profile.enrolled_by == volunteer
        assert profile.consent_confirmed_by == volunteer
        assert profile.consent_given_at is not None
    binh = imported.get(user__phone="+84912345679")
    assert (binh.user.full_name, binh.user.birth_year) == ("Trần Thị Bình", 1970)
    assert binh.neighbourhood == places["n2"]


def test_imported_residents_are_searchable_and_announced_once(
    places, volunteer, django_capture_on_commit_callbacks
):
    """The search key is written with the profile by community itself (no fake
    post_save for teams to hear, issue #17); apps above hear `resident_registered`
    once per person, after the commit."""
    heard = []

    def listen(sender, profile, **kwargs):
        heard.append(profile.pk)

    resident_registered.connect(listen)
    try:
        preview = preview_of(csv_bytes([HEADER, MESSY[1], MESSY[3]]), places)
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            import_apply(preview=preview, mode=GOOD_ROWS, imported_by=volunteer)
        assert heard == []  # nothing before the commit
        for callback in callbacks:
            callback()
    finally:
        resident_registered.disconnect(listen)
    profiles = ResidentProfile.objects.filter(enrolled_how="imported")
    assert sorted(heard) == sorted(p.pk for p in profiles)
    assert sorted(p.search_name for p in profiles) == [
        " nguyen van an",
        " tran thi binh",
    ]


def test_duplicates_never_change_the_people_already_registered(
    places, existing, volunteer
):
    before = User.objects.values().get(pk=existing.pk)
    profile_before = ResidentProfile.objects.values().get(user=existing)
    preview = preview_of(csv_bytes(MESSY), places)
    import_apply(preview=preview, mode=GOOD_ROWS, imported_by=volunteer)
    assert User.objects.values().get(pk=existing.pk) == before
    assert ResidentProfile.objects.values().get(user=existing) == profile_before
    assert User.objects.filter(phone="+84987000111").count() == 1


def test_someone_registered_after_the_preview_is_skipped_not_updated(
    places, make_resident, volunteer
):
    rows = [HEADER, MESSY[1], MESSY[3]]
    preview = preview_of(csv_bytes(rows), places)
    assert len(preview.rows) == 2
    meanwhile = make_resident(
        places["n2"], phone="+84912345678", full_name="Người Khác"
    )

    result = import_apply(preview=preview, mode=ALL_OR_NOTHING, imported_by=volunteer)

    assert (result.created, result.skipped_duplicates) == (1, 1)
    assert [problem.line for problem in result.duplicates] == [2]
    meanwhile.refresh_from_db()
    assert meanwhile.full_name == "Người Khác"


def test_progress_is_reported_until_every_row_is_done(places, volunteer, monkeypatch):
    monkeypatch.setattr(community.imports, "BATCH_SIZE", 2)
    rows = [HEADER] + [[str(n), f"Người {n}", "1960", "", "Tổ 1", ""] for n in range(5)]
    calls = []
    preview = preview_of(csv_bytes(rows), places)
    import_apply(
        preview=preview,
        mode=GOOD_ROWS,
        imported_by=volunteer,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(0, 5), (2, 5), (4, 5), (5, 5)]


def test_an_import_that_fails_midway_writes_nothing(places, volunteer, monkeypatch):
    monkeypatch.setattr(community.imports, "BATCH_SIZE", 2)
    rows = [HEADER] + [[str(n), f"Người {n}", "1960", "", "Tổ 1", ""] for n in range(5)]
    preview = preview_of(csv_bytes(rows), places)

    def stop(done, total):
        if done >= 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_apply(
            preview=preview, mode=GOOD_ROWS, imported_by=volunteer, progress=stop
        )
    assert not ResidentProfile.objects.filter(enrolled_how="imported").exists()
    assert User.objects.count() == 1


def test_an_unknown_mode_is_a_programming_error(places):
    preview = preview_of(csv_bytes([HEADER, MESSY[1]]), places)
    with pytest.raises(ValueError, match="mode"):
        import_apply(preview=preview, mode="some", imported_by=None)


# --- The command -------------------------------------------------------------------


def run_command(*args):
    out = io.StringIO()
    with translation.override("en"):
        try:
            call_command("import_residents", *args, stdout=out, stderr=io.StringIO())
        except CommandError as error:
            return out.getvalue(), str(error)
    return out.getvalue(), None


def test_the_command_dry_run_shows_every_problem_and_imports_nothing(
    places, existing, tmp_path
):
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes(MESSY, delimiter=";"))
    out, error = run_command(str(path), "--ward", "Phường Gia Viên", "--dry-run")
    assert "Read 16 lines: 7 new, 2 duplicates, 7 bad." in out
    for line in BAD_LINES + DUPLICATE_LINES:
        assert f"Line {line}: " in out
    assert "Dry run" in out
    assert error and "nobody would be imported" in error
    assert User.objects.count() == 1


def test_the_command_all_or_nothing_refuses_and_good_rows_imports(
    places, existing, volunteer, tmp_path
):
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes(MESSY))
    _out, error = run_command(str(path), "--ward", "gia vien")
    assert error and "Nothing was imported" in error
    assert not ResidentProfile.objects.filter(enrolled_how="imported").exists()

    out, error = run_command(
        str(path),
        "--ward",
        "Phường Gia Viên",
        "--city",
        "Hải Phòng",
        "--mode",
        "good_rows",
        "--imported-by",
        "0911 000 001",
    )
    assert error is None
    assert "Imported 7, skipped 2 duplicates, 7 bad rows not imported." in out
    imported = ResidentProfile.objects.filter(enrolled_how="imported")
    assert imported.count() == 7
    assert set(imported.values_list("consent_confirmed_by", flat=True)) == {
        volunteer.pk
    }


def test_the_command_with_one_neighbourhood_for_a_file_without_the_column(
    places, tmp_path
):
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes([["Họ tên", "Năm sinh"], ["Lò Văn Sáu", "1950"]]))
    out, error = run_command(
        str(path), "--ward", "Phường Gia Viên", "--neighbourhood", "Tổ dân phố số 2"
    )
    assert error is None, out
    profile = ResidentProfile.objects.get(user__full_name="Lò Văn Sáu")
    assert profile.neighbourhood == places["n2"]
    assert profile.consent_confirmed_by is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ward", "Phường Không Có"], "There is no ward “Phường Không Có”"),
        (["--ward", "Phường Gia Viên", "--neighbourhood", "Tổ 7"], "no neighbourhood"),
        (["--ward", "Phường Gia Viên", "--imported-by", "0900000009"], "No account"),
    ],
)
def test_the_command_names_what_it_cannot_find(places, tmp_path, args, message):
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes([HEADER, MESSY[1]]))
    _out, error = run_command(str(path), *args)
    assert error and message in error
    assert not ResidentProfile.objects.exists()


def test_the_command_refuses_a_picture(places, tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(PNG)
    _out, error = run_command(str(path), "--ward", "Phường Gia Viên")
    assert error and "not a spreadsheet" in error


# --- Killed mid-import (PostgreSQL) ---------------------------------------------


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="kills a real process importing into a shared PostgreSQL database",
)
@pytest.mark.django_db(transaction=True)
def test_a_killed_import_leaves_nothing_half_written(places, tmp_path):
    rows = [HEADER] + [
        [str(n), f"Người Thứ {n}", "1960", f"091{n:07d}", "Tổ 1", ""]
        for n in range(20_000)
    ]
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes(rows))
    settings = connection.settings_dict
    url = "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(
        **{key: settings[key] or "" for key in ("USER", "PASSWORD", "HOST", "PORT")},
        NAME=settings["NAME"],
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "import_residents", str(path), "--ward"]
        + ["Phường Gia Viên", "--mode", "good_rows", "--verbosity", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        seen = []
        for line in process.stdout:
            seen.append(line)
            if line.split()[:1] == ["1000"]:  # "1000 of 20000", in any language
                break
        assert process.poll() is None, "".join(seen)
        # Rows are being written inside the open transaction right now.
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    assert User.objects.count() == 0
    assert ResidentProfile.objects.count() == 0


# --- Probable duplicates: the same list imported twice (issue #16) -----------------

NO_PHONES = [
    ["Họ và tên", "Năm sinh", "Tổ dân phố"],
    ["Đỗ Thị Lan", "1955", "Tổ 1"],  # 2
    ["Phan Văn Tư", "1950", "Tổ 1"],  # 3
    ["đỗ  thị lan", "1955", "Tổ 1"],  # 4 the same as line 2, typed otherwise
    ["Đỗ Thị Lan", "1956", "Tổ 1"],  # 5 another year: someone else
    ["Đỗ Thị Lan", "1955", "Tổ 2"],  # 6 another neighbourhood: someone else
]


def test_a_list_imported_twice_creates_nobody_the_second_time(places, volunteer):
    first = preview_of(csv_bytes(NO_PHONES), places)
    assert [row.line for row in first.rows] == [2, 3, 5, 6]
    assert [problem.line for problem in first.duplicates] == [4]
    assert "Dòng 2" in first.duplicates[0].reason
    import_apply(preview=first, mode=GOOD_ROWS, imported_by=volunteer)
    assert User.objects.filter(full_name="Đỗ Thị Lan").count() == 3

    again = preview_of(csv_bytes(NO_PHONES), places)

    assert again.rows == []
    assert [problem.line for problem in again.duplicates] == [2, 3, 4, 5, 6]
    assert "năm sinh đăng ký ở tổ dân phố này" in again.duplicates[0].reason
    result = import_apply(preview=again, mode=GOOD_ROWS, imported_by=volunteer)
    assert result.created == 0
    assert User.objects.filter(full_name="Đỗ Thị Lan").count() == 3
