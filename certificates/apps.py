from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from django.db.models.signals import post_delete

        from community.signals import resident_removed
        from learning.signals import course_completed

        from . import privacy  # noqa: F401 (registers its "my data" sections)
        from .models import Certificate
        from .receivers import (
            delete_pdf_file,
            issue_on_course_completed,
            revoke_on_withdrawal,
        )

        course_completed.connect(
            issue_on_course_completed,
            dispatch_uid="certificates.issue_on_course_completed",
        )
        post_delete.connect(
            delete_pdf_file, sender=Certificate, dispatch_uid="certificates.delete_pdf"
        )
        resident_removed.connect(
            revoke_on_withdrawal, dispatch_uid="certificates.revoke_on_withdrawal"
        )
