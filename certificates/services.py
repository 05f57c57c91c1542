"""Writes for certificates: issue, revoke, re-issue, and the stored PDF.

The only place `Certificate` rows are made or changed. Issued and revoked are
announced once (`certificates.signals`) after the transaction commits; rendering is
queued as a background task (`certificates.tasks`) after commit too.
"""

import logging
import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from community.models import AccessLogEntry, ResidentProfile
from community.services import access_log_record
from learning.models import CoursePage

from .codes import code_generate
from .models import Certificate
from .pdf import TEMPLATE_VERSION, certificate_render_pdf
from .selectors import certificate_content
from .signals import certificate_issued, certificate_revoked

logger = logging.getLogger(__name__)

REISSUED = "re-issued"


def _valid_certificate(*, user: User, course: CoursePage) -> Certificate | None:
    return Certificate.objects.filter(user=user, course=course, revoked_at=None).first()


@transaction.atomic
def certificate_issue(*, user: User, course: CoursePage) -> Certificate:
    """The person's valid certificate for the course, made now if there is none.

    Idempotent: a second call, a retried task or a second announcement of the same
    completion returns the same certificate. Two calls at once (two workers) are
    settled by the database: the conditional unique constraint lets one insert win;
    the other catches the IntegrityError and returns the winner's row.
    """
    existing = _valid_certificate(user=user, course=course)
    if existing is not None:
        return existing
    profile = (
        ResidentProfile.objects.select_related("neighbourhood__ward")
        .filter(user=user)
        .first()
    )
    neighbourhood = profile.neighbourhood if profile else None
    try:
        with transaction.atomic():  # a savepoint: the outer transaction survives
            certificate = Certificate.objects.create(
                user=user,
                course=course,
                code=code_generate(),
                issued_at=timezone.now(),
                holder_name=user.full_name,
                holder_birth_year=user.birth_year,
                holder_neighbourhood=neighbourhood.name if neighbourhood else "",
                course_title=course.title,
                ward=neighbourhood.ward if neighbourhood else None,
            )
    except IntegrityError:
        existing = _valid_certificate(user=user, course=course)
        if existing is None:  # not the race we know: let it be seen
            raise
        return existing

    def announce():
        certificate_issued.send(sender=Certificate, certificate=certificate)
        from .tasks import certificate_render_task

        certificate_render_task.enqueue(certificate.pk)

    transaction.on_commit(announce)
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    """Revoke, with a reason shown on the verification page; twice is a no-op."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Please give the reason for revoking."), code="reason")
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.revoked_at is not None:
        return locked
    locked.revoked_at = timezone.now()
    locked.revoked_reason = reason[:300]
    locked.save(update_fields=["revoked_at", "revoked_reason"])
    transaction.on_commit(
        lambda: certificate_revoked.send(
            sender=Certificate, certificate=locked, reason=locked.revoked_reason
        )
    )
    certificate.revoked_at, certificate.revoked_reason = (
        locked.revoked_at,
        locked.revoked_reason,
    )
    return locked


@transaction.atomic
def certificate_reissue(*, certificate: Certificate) -> Certificate:
    """After a correction of the holder's details: revoke ("re-issued"), issue anew.

    The new certificate copies the person's current name, birth year and
    neighbourhood, and gets a new code; the old code then verifies as revoked.
    """
    if certificate.course_id is None:
        raise ValidationError(
            _("The course of this certificate no longer exists."), code="no_course"
        )
    user = User.objects.get(pk=certificate.user_id)
    course = CoursePage.objects.get(pk=certificate.course_id)
    certificate_revoke(certificate=certificate, reason=REISSUED)
    return certificate_issue(user=user, course=course)


def certificate_render(*, certificate: Certificate) -> bytes:
    """Render the PDF now and keep it in private storage, replacing an older one.

    The file name is random, not the public code: someone who only knows the code
    (anyone who saw the QR) must not find the file, even if storage leaked a listing.
    """
    pdf = certificate_render_pdf(certificate_content(certificate=certificate))
    old_name = certificate.pdf.name
    certificate.pdf.save(
        f"{secrets.token_urlsafe(24)}.pdf", ContentFile(pdf), save=False
    )
    certificate.pdf_template_version = TEMPLATE_VERSION
    Certificate.objects.filter(pk=certificate.pk).update(
        pdf=certificate.pdf.name, pdf_template_version=TEMPLATE_VERSION
    )
    if old_name and old_name != certificate.pdf.name:
        certificate.pdf.storage.delete(old_name)
    return pdf


def certificate_pdf(*, certificate: Certificate) -> bytes:
    """The stored PDF; rendered and stored first if missing or of an older template."""
    if certificate.pdf and certificate.pdf_template_version == TEMPLATE_VERSION:
        try:
            with certificate.pdf.storage.open(certificate.pdf.name, "rb") as handle:
                return handle.read()
        except FileNotFoundError:
            logger.warning("Stored PDF of certificate %s is missing", certificate.pk)
    return certificate_render(certificate=certificate)


MERGED_DUPLICATE = "merged duplicate"


@transaction.atomic
def certificate_pdf_viewed(*, certificate: Certificate, by: User) -> None:
    """Staff opening someone's certificate PDF is logged (issue #16); the holder
    opening their own is not."""
    if by.pk == certificate.user_id:
        return
    profile = (
        ResidentProfile.objects.filter(user_id=certificate.user_id)
        .select_related("neighbourhood")
        .first()
    )
    access_log_record(
        actor=by,
        action=AccessLogEntry.Action.VIEWED,
        subject=certificate.user,
        neighbourhood=profile.neighbourhood if profile else None,
        detail="certificate PDF",
    )


def certificates_merge(*, keeper: User, duplicate: User) -> list[Certificate]:
    """Give `keeper` the certificates of `duplicate` (two records, one person).

    One valid certificate per course: when both hold one, the earliest issued is
    kept (the one printed first) and the other revoked as "merged duplicate", never
    deleted, so its printed QR code still verifies, as revoked. Returns the revoked.
    """
    valid = Certificate.objects.select_for_update().filter(
        user__in=[keeper, duplicate], revoked_at=None
    )
    by_course: dict[int | None, list[Certificate]] = {}
    for certificate in valid.order_by("issued_at", "pk"):
        if certificate.course_id is not None:
            by_course.setdefault(certificate.course_id, []).append(certificate)
    revoked = []
    for certificates in by_course.values():
        for extra in certificates[1:]:
            revoked.append(
                certificate_revoke(certificate=extra, reason=MERGED_DUPLICATE)
            )
    Certificate.objects.filter(user=duplicate).update(user=keeper)
    return revoked
