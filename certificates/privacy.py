"""certificates' part of "download my data" (`community.privacy`)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from community.privacy import personal_data_register

from .models import Certificate
from .selectors import certificate_verify_url


def certificates_of_person(user) -> list[dict]:
    return [
        {
            "course": certificate.course_title,
            "code": certificate.code,
            "issued_at": certificate.issued_at,
            "holder_name": certificate.holder_name,
            "holder_birth_year": certificate.holder_birth_year,
            "holder_neighbourhood": certificate.holder_neighbourhood,
            "status": gettext("valid") if certificate.is_valid else gettext("revoked"),
            "revoked_at": certificate.revoked_at,
            "revoked_reason": certificate.revoked_reason,
            "verify_url": certificate_verify_url(code=certificate.code),
        }
        for certificate in Certificate.objects.filter(user=user).order_by(
            "issued_at", "pk"
        )
    ]


personal_data_register(
    "certificates",
    _("Your certificates"),
    certificates_of_person,
    labels={
        "course": _("Course"),
        "code": _("Code"),
        "issued_at": _("Issued on"),
        "holder_name": _("Name printed"),
        "holder_birth_year": _("Year of birth printed"),
        "holder_neighbourhood": _("Neighbourhood printed"),
        "status": _("Status"),
        "revoked_at": _("Revoked on"),
        "revoked_reason": _("Reason"),
        "verify_url": _("Check it at"),
    },
    order=50,
)
