"""certificates/services.py through the real flow: learning announces, we issue."""

import pytest
from django.core.exceptions import ValidationError

import certificates.services
from certificates import pdf as pdf_module
from certificates.models import Certificate
from certificates.services import (
    REISSUED,
    certificate_issue,
    certificate_pdf,
    certificate_reissue,
    certificate_revoke,
)
from certificates.signals import certificate_issued, certificate_revoked
from learning.signals import course_completed
from tests.learning.factories import make_course

from .conftest import complete_course, pdf_text


@pytest.fixture
def announced():
    log = {"issued": [], "revoked": []}

    def on_issued(sender, certificate, **kwargs):
        log["issued"].append(certificate.code)

    def on_revoked(sender, certificate, reason, **kwargs):
        log["revoked"].append((certificate.code, reason))

    certificate_issued.connect(on_issued)
    certificate_revoked.connect(on_revoked)
    yield log
    certificate_issued.disconnect(on_issued)
    certificate_revoked.disconnect(on_revoked)


def test_completing_a_course_issues_one_certificate_with_the_details_of_the_day(
    holder, course, places, announced, django_capture_on_commit_callbacks
):
    page, lessons = course
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(holder, lessons)
    certificate = Certificate.objects.get(user=holder)
    assert certificate.course_id == page.pk
    assert certificate.holder_name == "Nguyễn Thị Hồng Nhung"
    assert certificate.holder_birth_year == 1962
    assert certificate.holder_neighbourhood == places["n1"].name
    assert certificate.ward == places["ward"]
    assert certificate.course_title == page.title
    assert certificate.is_valid
    assert announced["issued"] == [certificate.code]
    # Rendered by the background task (inline here) and stored.
    assert certificate.pdf.name.startswith("certificates/")
    assert certificate.code not in certificate.pdf.name
    assert certificate.pdf_template_version == pdf_module.TEMPLATE_VERSION
    with certificate.pdf.open("rb") as handle:
        assert "Nguyễn Thị Hồng Nhung" in pdf_text(handle.read())


def test_a_second_announcement_or_a_retry_makes_no_second_certificate(
    issued, holder, course, announced, django_capture_on_commit_callbacks
):
    page, _lessons = course
    with django_capture_on_commit_callbacks(execute=True):
        again = certificate_issue(user=holder, course=page)
        course_completed.send(
            sender=type(page), user=holder, course=page, completion=None
        )
    assert again.pk == issued.pk
    assert Certificate.objects.filter(user=holder).count() == 1
    assert announced["issued"] == []


def test_the_holder_details_are_kept_as_they_were_at_issue(issued, holder):
    holder.full_name = "Nguyễn Thị Hồng"
    holder.save()
    issued.refresh_from_db()
    assert issued.holder_name == "Nguyễn Thị Hồng Nhung"


def test_revoke_keeps_the_reason_and_announces_once(
    issued, announced, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=issued, reason="Cấp nhầm người")
        certificate_revoke(certificate=issued, reason="again")
    issued.refresh_from_db()
    assert issued.revoked_at is not None
    assert issued.revoked_reason == "Cấp nhầm người"
    assert announced["revoked"] == [(issued.code, "Cấp nhầm người")]


def test_revoke_needs_a_reason(issued):
    with pytest.raises(ValidationError):
        certificate_revoke(certificate=issued, reason="  ")
    issued.refresh_from_db()
    assert issued.is_valid


def test_reissue_after_a_correction_revokes_the_old_and_prints_the_new_name(
    issued, holder, announced, django_capture_on_commit_callbacks
):
    holder.full_name = "Nguyễn Thị Hồng Nhung Anh"
    holder.save()
    with django_capture_on_commit_callbacks(execute=True):
        new = certificate_reissue(certificate=issued)
    issued.refresh_from_db()
    assert issued.revoked_reason == REISSUED
    assert new.pk != issued.pk and new.code != issued.code
    assert new.holder_name == "Nguyễn Thị Hồng Nhung Anh"
    assert Certificate.objects.filter(user=holder, revoked_at=None).get() == new
    assert announced["revoked"] == [(issued.code, REISSUED)]
    assert announced["issued"] == [new.code]
    assert "Nguyễn Thị Hồng Nhung Anh" in pdf_text(certificate_pdf(certificate=new))


def test_a_stored_pdf_is_served_without_rendering(issued, monkeypatch):
    stored = certificate_pdf(certificate=issued)

    def refuse(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(certificates.services, "certificate_render_pdf", refuse)
    assert certificate_pdf(certificate=issued) == stored


def test_a_new_template_version_renders_again_on_next_download(issued, monkeypatch):
    old_name = issued.pdf.name
    monkeypatch.setattr(
        certificates.services, "TEMPLATE_VERSION", pdf_module.TEMPLATE_VERSION + 1
    )
    pdf = certificate_pdf(certificate=issued)
    issued.refresh_from_db()
    assert issued.pdf_template_version == pdf_module.TEMPLATE_VERSION + 1
    assert issued.pdf.name != old_name
    assert not issued.pdf.storage.exists(old_name)
    with issued.pdf.open("rb") as handle:
        assert handle.read() == pdf


def test_a_lost_file_is_rendered_again(issued):
    issued.pdf.storage.delete(issued.pdf.name)
    assert pdf_text(certificate_pdf(certificate=issued)).count("GIẤY CHỨNG NHẬN") == 1


def test_a_person_without_a_neighbourhood_still_gets_a_certificate(
    db, django_capture_on_commit_callbacks
):
    from tests.community.factories import UserFactory

    person = UserFactory(full_name="Lê Văn Tám")
    page, lessons = make_course(lessons=1, slug="other")
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(person, lessons)
    certificate = Certificate.objects.get(user=person)
    assert certificate.ward is None and certificate.holder_neighbourhood == ""
    assert "Lê Văn Tám" in pdf_text(certificate_pdf(certificate=certificate))


def test_deleting_the_holder_deletes_the_stored_pdf(
    issued, holder, django_capture_on_commit_callbacks
):
    storage, name = issued.pdf.storage, issued.pdf.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        holder.delete()
    assert not Certificate.objects.filter(pk=issued.pk).exists()
    assert not storage.exists(name)
