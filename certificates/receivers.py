"""Listening to learning (a completed course earns its certificate) and to deletions."""

from django.db import transaction

from .services import certificate_issue


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
