from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .names import name_clean
from .phones import phone_display, phone_normalise


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, phone, password, **extra_fields):
        phone = phone_normalise(phone) if phone else None
        if "full_name" in extra_fields:
            extra_fields["full_name"] = name_clean(extra_fields["full_name"])
        user = self.model(phone=phone, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, phone=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(phone, password, **extra_fields)

    def create_superuser(self, phone, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(phone, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. The phone number (E.164) is the login identifier.

    `phone` is empty (NULL) for a neighbour a volunteer enrolled without a phone; they
    sign in with a printed card. NULL rather than "" so that uniqueness holds only among
    people who have a number, on every database.
    """

    phone = models.CharField(
        _("phone number"), max_length=16, unique=True, null=True, blank=True
    )
    phone_verified = models.BooleanField(_("phone number confirmed"), default=False)
    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("email address"), blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"), null=True, blank=True
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into the Django admin."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "phone"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "id"]

    def __str__(self):
        if self.phone:
            return f"{self.full_name} ({phone_display(self.phone)})"
        return self.full_name or f"#{self.pk}"

    @property
    def phone_for_display(self) -> str:
        return phone_display(self.phone or "")

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        # Vietnamese names put the given name last: "Nguyễn Văn An" -> "An".
        return self.full_name.split()[-1] if self.full_name else ""


class SmsMessage(models.Model):
    """The outbox: every SMS sent through the `outbox` backend, readable by admins."""

    to = models.CharField(_("to"), max_length=16, db_index=True)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("SMS message")
        verbose_name_plural = _("SMS outbox")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.to}: {self.body[:40]}"


class SignInCard(models.Model):
    """A printed card whose QR code signs one resident in once.

    Only the SHA-256 of the token is stored: a copy of the database cannot be used to
    sign anyone in. Issuing a new card revokes the person's unused ones.
    """

    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="signin_cards",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    issued_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("issued at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in card")
        verbose_name_plural = _("sign-in cards")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"
