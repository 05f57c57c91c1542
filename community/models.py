from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .roles import Role


class Ward(models.Model):
    """A ward (phường): the unit that runs the movement, and issues certificates."""

    name = models.CharField(_("name"), max_length=120)
    city = models.CharField(_("city or province"), max_length=120)
    certificate_authority = models.CharField(
        _("issuing authority"),
        max_length=200,
        blank=True,
        help_text=_(
            "As printed on certificates, e.g. 'Ủy ban nhân dân phường Gia Viên'."
        ),
    )
    certificate_signer_name = models.CharField(
        _("signer's name"), max_length=120, blank=True
    )
    certificate_signer_title = models.CharField(
        _("signer's title"), max_length=120, blank=True
    )
    certificate_seal = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("seal image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("ward")
        verbose_name_plural = _("wards")
        ordering = ["city", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "name"], name="ward_unique_name_in_city"
            )
        ]

    def __str__(self):
        return f"{self.name}, {self.city}"


class Neighbourhood(models.Model):
    """A neighbourhood (tổ dân phố) of a ward."""

    ward = models.ForeignKey(
        Ward,
        verbose_name=_("ward"),
        on_delete=models.PROTECT,
        related_name="neighbourhoods",
    )
    number = models.PositiveSmallIntegerField(_("number"), default=0)
    name = models.CharField(_("name"), max_length=120)
    adult_population = models.PositiveIntegerField(
        _("adult population"),
        default=0,
        help_text=_("Residents aged 18 and over, for completion rates."),
    )

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        ordering = ["ward_id", "number", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["ward", "name"], name="neighbourhood_unique_name_in_ward"
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.ward.name}"


class ResidentProfile(models.Model):
    """Where a resident lives, and how and with whose consent they were enrolled."""

    class EnrolledHow(models.TextChoices):
        SELF = "self", _("Signed up themselves")
        ASSISTED = "assisted", _("Enrolled by a volunteer")
        IMPORTED = "imported", _("Imported from a list")

    class Status(models.TextChoices):
        """Only active residents appear in rosters and reminders (issue #9)."""

        ACTIVE = "active", _("Lives here")
        MOVED_AWAY = "moved_away", _("Moved away")
        DECEASED = "deceased", _("Deceased")
        WITHDRAWN = "withdrawn", _("Withdrew consent (data erased)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="resident_profile",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="residents",
    )
    consent_given_at = models.DateTimeField(_("consent given at"))
    consent_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consent confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The volunteer who confirmed a spoken or paper consent."),
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolled_residents",
    )
    enrolled_how = models.CharField(
        _("enrolled how"),
        max_length=10,
        choices=EnrolledHow.choices,
        default=EnrolledHow.SELF,
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    status_changed_at = models.DateTimeField(
        _("status changed at"), null=True, blank=True
    )
    status_reason = models.CharField(_("reason"), max_length=300, blank=True)
    # What the roster searches: the name folded (`community.text.search_column`),
    # written by community's services with the name; empty once erased.
    search_name = models.CharField(
        _("name for searching"), max_length=160, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("resident")
        verbose_name_plural = _("residents")
        indexes = [models.Index(fields=["neighbourhood", "status"])]

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    def __str__(self):
        return str(self.user)


class RoleAssignment(models.Model):
    """One role held by one person, with its scope.

    A volunteer holds one row per neighbourhood served; an officer one row per ward.
    Created and removed only through `community.services.role_grant/role_revoke`.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    ward = models.ForeignKey(
        Ward,
        verbose_name=_("ward"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["user_id", "role"]
        constraints = [
            models.CheckConstraint(
                name="role_scope_matches_role",
                condition=(
                    Q(
                        role=Role.VOLUNTEER,
                        neighbourhood__isnull=False,
                        ward__isnull=True,
                    )
                    | Q(
                        role=Role.OFFICER,
                        ward__isnull=False,
                        neighbourhood__isnull=True,
                    )
                    | Q(
                        role__in=[Role.EDITOR, Role.CITY_ADMIN],
                        ward__isnull=True,
                        neighbourhood__isnull=True,
                    )
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "neighbourhood"],
                condition=Q(role=Role.VOLUNTEER),
                name="role_unique_volunteer_neighbourhood",
            ),
            models.UniqueConstraint(
                fields=["user", "ward"],
                condition=Q(role=Role.OFFICER),
                name="role_unique_officer_ward",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(role__in=[Role.EDITOR, Role.CITY_ADMIN]),
                name="role_unique_unscoped",
            ),
        ]

    def __str__(self):
        scope = self.neighbourhood or self.ward
        label = self.get_role_display()
        return f"{self.user} – {label}" + (f" – {scope}" if scope else "")


class AccessLogEntry(models.Model):
    """Who did what to whose personal data, and when (DESIGN.md §6, issue #9).

    Written only through `community.services.access_log_record`. `detail` says what,
    never the personal data itself (no names, phones or birth years), so an erased
    resident's log holds nothing personal. Purged after `ACCESS_LOG_RETENTION_DAYS`
    by `purge_access_log`.
    """

    class Action(models.TextChoices):
        VIEWED = "viewed", _("Viewed a resident's record")
        CHANGED = "changed", _("Changed a resident's record")
        EXPORTED = "exported", _("Exported a list with personal data")
        CARD_PRINTED = "card_printed", _("Printed a sign-in card")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="access_log_entries",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    detail = models.CharField(_("what"), max_length=255, blank=True)
    # A list a staff member opened (a roster page, a search, the admin's user list)
    # is one entry naming everyone it showed, so that each person finds it in their
    # own data download (issue #16).
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("people shown"),
        blank=True,
        related_name="access_log_listings",
    )

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["subject", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} {self.action}"
