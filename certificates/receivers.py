"""Listening to learning (a completed course earns its certificate), to deletions,
and to community (a resident who withdraws their consent loses their certificates)."""

from django.db import transaction

from community.models import ResidentProfile

from .models import Certificate
from .services import certificate_issue, certificate_revoke

# The reason stored on a certificate whose holder withdrew their consent; the
# verification page shows it translated (like "re-issued").
WITHDRAWN = "withdrawn"


def issue_on_course_completed(sender, *, user, course, **kwargs) -> None:
    certificate_issue(user=user, course=course)


def delete_pdf_file(sender, *, instance, **kwargs) -> None:
    """A deleted certificate (e.g. its holder's account was deleted) leaves no PDF.

    The file holds the person's name, birth year and neighbourhood; it goes once
    the deletion is committed, so a rolled-back deletion keeps it.
    """
    if instance.pdf:
        storage, name = instance.pdf.storage, instance.pdf.name
        transaction.on_commit(lambda: storage.delete(name))


def revoke_on_withdrawal(sender, *, profile, previous_status=None, **kwargs) -> None:
    """A resident withdrew their consent: their certificates stop being valid.

    Each valid one is revoked with the reason "withdrawn" (the verification page
    says so, translated, and shows no name). The name, birth year and neighbourhood
    printed on them are erased, and their PDF files deleted once committed: the
    rows stay only so that a scanned QR code still answers "withdrawn".
    Moving away or dying leaves certificates as they are.
    """
    if profile.status != ResidentProfile.Status.WITHDRAWN:
        return
    with transaction.atomic():
        certificates = list(
            Certificate.objects.select_for_update().filter(user_id=profile.user_id)
        )
        for certificate in certificates:
            if certificate.is_valid:
                certificate_revoke(certificate=certificate, reason=WITHDRAWN)
        files = [(c.pdf.storage, c.pdf.name) for c in certificates if c.pdf]
        Certificate.objects.filter(user_id=profile.user_id).update(
            holder_name="", holder_birth_year=None, holder_neighbourhood="", pdf=""
        )

        def delete_files():
            for storage, name in files:
                storage.delete(name)

        transaction.on_commit(delete_files)
