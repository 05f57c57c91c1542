"""Reads for certificates: look-ups by code, who may download, what the PDF prints."""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from community.access import can_view_resident, is_city_admin
from community.models import ResidentProfile
from learning.models import LessonPage

from .codes import code_parse
from .models import Certificate
from .pdf import CertificateContent

logger = logging.getLogger(__name__)

# "What it covered", printed under the course title; a longer course shows its first.
MAX_LESSONS_PRINTED = 6


def certificate_by_code(*, code: str) -> Certificate | None:
    """The certificate for a code as a person typed it (forgiving), or None."""
    canonical = code_parse(code)
    if canonical is None:
        return None
    return Certificate.objects.filter(code=canonical).first()


def certificate_verify_url(*, code: str) -> str:
    """The absolute address printed in the QR code (SITE_BASE_URL, DESIGN.md §4)."""
    return settings.SITE_BASE_URL + reverse("certificates:verify", args=[code])


def certificate_can_download(*, user, certificate: Certificate) -> bool:
    """The holder, and the staff who may see the holder (`community.access`)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if certificate.user_id == user.pk or is_city_admin(user):
        return True
    profile = (
        ResidentProfile.objects.select_related("neighbourhood")
        .filter(user_id=certificate.user_id)
        .first()
    )
    return profile is not None and can_view_resident(user, profile)


def certificates_of(*, user) -> dict[int, Certificate]:
    """A person's valid certificates, by course id (for "my learning")."""
    return {
        certificate.course_id: certificate
        for certificate in Certificate.objects.filter(user=user, revoked_at=None)
    }


def _seal_bytes(ward) -> bytes | None:
    image = ward.certificate_seal if ward else None
    if image is None:
        return None
    try:
        with image.file.open("rb") as handle:
            return handle.read()
    except OSError:
        logger.warning("Seal image of ward %s cannot be read", ward.pk, exc_info=True)
        return None


def certificate_content(*, certificate: Certificate) -> CertificateContent:
    """Everything `certificates.pdf` prints, fetched here so rendering stays pure."""
    ward = certificate.ward
    course = certificate.course
    lessons: tuple[str, ...] = ()
    promise = ""
    if course is not None:
        promise = course.promise
        lessons = tuple(
            LessonPage.objects.live()
            .child_of(course)
            .order_by("path")
            .values_list("title", flat=True)[:MAX_LESSONS_PRINTED]
        )
    return CertificateContent(
        code=certificate.code,
        verify_url=certificate_verify_url(code=certificate.code),
        holder_name=certificate.holder_name,
        holder_birth_year=certificate.holder_birth_year,
        holder_neighbourhood=certificate.holder_neighbourhood,
        ward_name=ward.name if ward else "",
        city=ward.city if ward else "",
        authority=ward.certificate_authority if ward else "",
        signer_name=ward.certificate_signer_name if ward else "",
        signer_title=ward.certificate_signer_title if ward else "",
        course_title=certificate.course_title,
        course_promise=promise,
        course_lessons=lessons,
        issued_on=timezone.localdate(certificate.issued_at),
        seal=_seal_bytes(ward),
    )
