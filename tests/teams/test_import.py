"""The import page: upload, preview every row, confirm consent and mode, apply as a
background task whose progress the job page shows."""

import io
from datetime import timedelta

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from community.models import ResidentProfile
from teams.models import ImportJob
from teams.services import import_job_create

from .factories import login


def _csv(team, *extra_rows: str) -> bytes:
    r1_phone = team["r1"].phone_for_display
    lines = [
        "Họ và tên;Năm sinh;Số điện thoại;Tổ dân phố;Ghi chú",
        "Lê Thị Mai;1958;0987 654 321;Tổ dân phố số 1;",
        "",
        "Ngô Văn Khải;1850;;Tổ dân phố số 1;",
        f"Trùng Số;1960;{r1_phone};Tổ dân phố số 1;",
        "Người Tổ Hai;1970;;Tổ dân phố số 2;",
        "Bà Không Số;1949;;1;chung điện thoại",
        *extra_rows,
    ]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def _upload(client, data: bytes, name="danh-sach.csv", neighbourhood=""):
    response = client.post(
        reverse("teams:import"),
        {"file": SimpleUploadedFile(name, data), "neighbourhood": neighbourhood},
    )
    assert response.status_code == 302, getattr(response, "context", None)
    return ImportJob.objects.get(pk=int(response.url.rstrip("/").split("/")[-1]))


def _confirm(client, job, capture, mode="good_rows", consent="on"):
    with capture(execute=True):
        return client.post(
            reverse("teams:import_job", args=[job.pk]),
            {"mode": mode, "consent": consent},
        )


def test_preview_shows_every_row_then_imports_the_good_ones(
    client, team, django_capture_on_commit_callbacks
):
    login(client, team["volunteer"])
    job = _upload(client, _csv(team))
    assert job.status == ImportJob.Status.UPLOADED
    assert job.uploaded_by == team["volunteer"] and job.ward == team["ward"]
    # Nobody is created by looking.
    before = User.objects.count()
    page = client.get(reverse("teams:import_job", args=[job.pk]))
    preview = page.context["preview"]
    assert [row.full_name for row in preview.rows] == ["Lê Thị Mai", "Bà Không Số"]
    assert [problem.line for problem in preview.duplicates] == [5]
    # Line 4: born 1850; line 6: a neighbourhood this volunteer does not serve.
    assert [problem.line for problem in preview.bad] == [4, 6]
    assert "Tổ dân phố số 2" in preview.bad[1].reason
    assert "Ngô Văn Khải" in page.text and "Trùng Số" in page.text
    assert User.objects.count() == before

    response = _confirm(client, job, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert job.mode == "good_rows" and job.consent_confirmed_at is not None
    assert (job.created_count, job.duplicate_count, job.bad_count) == (2, 1, 2)
    assert job.progress_done == job.progress_total == 2
    mai = User.objects.get(full_name="Lê Thị Mai")
    assert mai.phone == "+84987654321" and not mai.has_usable_password()
    profile = mai.resident_profile
    assert profile.enrolled_how == ResidentProfile.EnrolledHow.IMPORTED
    assert profile.consent_confirmed_by == team["volunteer"]
    assert User.objects.get(full_name="Bà Không Số").phone is None
    assert not User.objects.filter(full_name="Người Tổ Hai").exists()
    # The result page, and the imported people in the roster's search.
    done = client.get(reverse("teams:import_job", args=[job.pk]))
    assert 'http-equiv="refresh"' not in done.text
    assert 'id="import-result"' in done.text
    roster = client.get(
        reverse("teams:roster", args=[team["n1"].pk]), {"q": "ba khong"}
    )
    assert [r.user.full_name for r in roster.context["rows"]] == ["Bà Không Số"]


def test_all_or_nothing_imports_nothing_when_a_row_is_bad(
    client, team, django_capture_on_commit_callbacks
):
    login(client, team["volunteer"])
    job = _upload(client, _csv(team))
    before = User.objects.count()
    _confirm(client, job, django_capture_on_commit_callbacks, mode="all_or_nothing")
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert job.created_count == 0 and job.bad_count == 2
    assert User.objects.count() == before


def test_consent_must_be_confirmed(client, team, django_capture_on_commit_callbacks):
    login(client, team["volunteer"])
    job = _upload(client, _csv(team))
    response = _confirm(client, job, django_capture_on_commit_callbacks, consent="")
    assert response.status_code == 200
    assert "consent" in response.context["form"].errors
    job.refresh_from_db()
    assert job.status == ImportJob.Status.UPLOADED
    assert not User.objects.filter(full_name="Lê Thị Mai").exists()


def test_confirming_twice_imports_once(
    client, team, django_capture_on_commit_callbacks
):
    login(client, team["volunteer"])
    job = _upload(client, _csv(team))
    _confirm(client, job, django_capture_on_commit_callbacks)
    _confirm(client, job, django_capture_on_commit_callbacks)
    assert User.objects.filter(full_name="Lê Thị Mai").count() == 1


def test_a_file_that_is_not_a_spreadsheet_is_explained(client, team):
    login(client, team["volunteer"])
    job = _upload(client, b"%PDF-1.4 not a list", name="scan.pdf")
    page = client.get(reverse("teams:import_job", args=[job.pk]))
    assert page.status_code == 200
    assert page.context["file_error"]
    assert "form" in page.context and "preview" not in page.context


def test_xlsx_without_a_neighbourhood_column_uses_the_chosen_one(
    client, team, django_capture_on_commit_callbacks
):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Năm sinh", "Số điện thoại"])
    sheet.append(["Phùng Thị Xuân", 1955, "0912.000.111"])
    buffer = io.BytesIO()
    book.save(buffer)
    login(client, team["volunteer"])
    job = _upload(
        client, buffer.getvalue(), name="to1.xlsx", neighbourhood=team["n1"].pk
    )
    assert job.neighbourhood == team["n1"]
    _confirm(client, job, django_capture_on_commit_callbacks)
    person = User.objects.get(full_name="Phùng Thị Xuân")
    assert person.resident_profile.neighbourhood == team["n1"]


def test_a_neighbourhood_not_served_cannot_be_chosen(client, team):
    login(client, team["volunteer"])
    response = client.post(
        reverse("teams:import"),
        {
            "file": SimpleUploadedFile("a.csv", _csv(team)),
            "neighbourhood": team["n2"].pk,
        },
    )
    assert response.status_code == 200
    assert "neighbourhood" in response.context["form"].errors
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize("status", ["queued", "running"])
def test_a_running_import_refreshes_its_page(client, team, status):
    login(client, team["volunteer"])
    job = _upload(client, _csv(team))
    ImportJob.objects.filter(pk=job.pk).update(
        status=status, progress_done=500, progress_total=2000
    )
    page = client.get(reverse("teams:import_job", args=[job.pk]))
    assert '<meta http-equiv="refresh"' in page.text
    assert 'value="25"' in page.text


def test_the_file_is_not_stored_under_media(client, team, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    login(client, team["volunteer"])
    job = _upload(client, _csv(team))
    assert bytes(job.data) == _csv(team)
    assert not any(tmp_path.iterdir())


def test_a_running_import_shows_its_live_progress(client, team):
    """Progress travels through the cache: the import's own transaction hides it."""
    from teams.importing import _progress

    login(client, team["volunteer"])
    job = _upload(client, _csv(team))
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)

    _progress(job.pk)(40, 160)

    page = client.get(reverse("teams:import_job", args=[job.pk]))
    assert page.context["job"].progress_done == 40
    assert page.context["job"].percent == 25
    assert 'http-equiv="refresh"' in page.content.decode()


def test_the_uploaded_file_is_cleared_when_the_job_ends(
    client, team, django_capture_on_commit_callbacks
):
    login(client, team["volunteer"])
    job = _upload(client, _csv(team))
    assert bytes(ImportJob.objects.get(pk=job.pk).data)  # kept until confirmed
    _confirm(client, job, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert bytes(job.data) == b""
    # The result page still shows what happened.
    page = client.get(reverse("teams:import_job", args=[job.pk]))
    assert page.status_code == 200 and 'id="import-result"' in page.text


def test_the_uploaded_file_is_cleared_when_the_job_fails(
    client, team, django_capture_on_commit_callbacks
):
    login(client, team["volunteer"])
    job = _upload(client, b"%PDF-1.4 not a list", name="scan.pdf")
    _confirm(client, job, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert bytes(job.data) == b""


# --- Uploads never confirmed expire (issue #16) ---------------------------------------


def test_an_upload_never_confirmed_is_wiped_after_a_week(client, team):
    def upload():
        return import_job_create(
            uploaded_by=team["volunteer"],
            ward=team["ward"],
            neighbourhood=team["n1"],
            filename="danh-sach.csv",
            data="Họ và tên;Năm sinh\nLê Thị Mai;1960\n".encode(),
        )

    old, recent = upload(), upload()
    ImportJob.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=8)
    )
    call_command("purge_imports")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert bytes(old.data) == b"" and old.status == "expired"
    assert bytes(recent.data) != b"" and recent.status == "uploaded"
    login(client, team["volunteer"])
    page = client.get(reverse("teams:import_job", args=[old.pk]))
    assert page.status_code == 200
    assert "Lê Thị Mai" not in page.text
    assert "form" not in page.context or page.context["form"] is None


def test_invisible_characters_in_imported_names_are_not_stored(
    client, team, django_capture_on_commit_callbacks
):
    login(client, team["volunteer"])
    data = "\r\n".join(
        [
            "Họ và tên;Năm sinh;Số điện thoại;Tổ dân phố",
            "\u202eĐỗ Thị\u200b Lan\u2069;1955;;Tổ dân phố số 1",
            "\u200b\u2060;1956;;Tổ dân phố số 1",
        ]
    ).encode("utf-8")
    job = _upload(client, data)
    preview = client.get(reverse("teams:import_job", args=[job.pk])).context["preview"]
    assert [row.full_name for row in preview.rows] == ["Đỗ Thị Lan"]
    assert [problem.line for problem in preview.bad] == [3]
    assert "tên" in preview.bad[0].reason.lower()

    _confirm(client, job, django_capture_on_commit_callbacks)
    assert User.objects.filter(full_name="Đỗ Thị Lan").exists()
