from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from django.db.models.signals import post_delete

        from learning.signals import course_completed

        from .models import Certificate
        from .receivers import delete_pdf_file, issue_on_course_completed

        course_completed.connect(
            issue_on_course_completed,
            dispatch_uid="certificates.issue_on_course_completed",
        )
        post_delete.connect(
            delete_pdf_file, sender=Certificate, dispatch_uid="certificates.delete_pdf"
        )
