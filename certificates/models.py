from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .storage import private_storage


class Certificate(models.Model):
    """A certificate of one course for one person, as printed on the day it was issued.

    Made only by `certificates.services.certificate_issue`. The holder's name, birth
    year and neighbourhood, the course title and the ward are copied at issue, so a
    later correction or move changes nothing already printed; an admin re-issues
    instead (the old one is revoked with the reason "re-issued").

    At most one valid (not revoked) certificate per person and course: the database
    enforces it, so two workers issuing at once make one row.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    # SET_NULL: deleting a course page must not delete what people were given; the
    # title is kept in `course_title` for the verification page.
    course = models.ForeignKey(
        "learning.CoursePage",
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    code = models.CharField(_("code"), max_length=40, unique=True)
    issued_at = models.DateTimeField(_("issued at"))
    holder_name = models.CharField(_("holder's name"), max_length=150)
    holder_birth_year = models.PositiveSmallIntegerField(
        _("holder's birth year"), null=True, blank=True
    )
    holder_neighbourhood = models.CharField(
        _("holder's neighbourhood"), max_length=120, blank=True
    )
    course_title = models.CharField(_("course title"), max_length=255)
    ward = models.ForeignKey(
        "community.Ward",
        verbose_name=_("issuing ward"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(
        _("reason for revoking"), max_length=300, blank=True
    )
    pdf = models.FileField(
        _("PDF"), upload_to="certificates/", storage=private_storage, blank=True
    )
    pdf_template_version = models.PositiveSmallIntegerField(
        _("PDF template version"), default=0
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(revoked_at__isnull=True),
                name="certificate_one_valid_per_course",
            )
        ]

    def __str__(self):
        return f"{self.code} – {self.holder_name} – {self.course_title}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
