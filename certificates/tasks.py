"""Background jobs: rendering certificates (DESIGN.md §5).

Inline by default (ImmediateBackend); a real worker in production, so a burst of
completions never makes a web request wait for WeasyPrint.
"""

from django_tasks import task

from .models import Certificate
from .services import certificate_pdf


@task()
def certificate_render_task(certificate_id: int) -> None:
    """Render and store one certificate's PDF, unless a current one is stored."""
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None or certificate.revoked_at is not None:
        return
    certificate_pdf(certificate=certificate)
