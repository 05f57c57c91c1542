"""Writes for accounts: one-time sign-in cards."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .models import SignInCard, SmsMessage, User


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def signin_card_issue(*, user: User, issued_by: User | None) -> tuple[SignInCard, str]:
    """A new card for `user`; returns it with the clear token (never stored).

    The person's earlier unused cards stop working.
    """
    now = timezone.now()
    signin_cards_void(user=user, now=now)
    token = secrets.token_urlsafe(32)
    card = SignInCard.objects.create(
        user=user,
        token_hash=_hash(token),
        issued_by=issued_by,
        created_at=now,
        expires_at=now + timedelta(days=settings.SIGNIN_CARD_VALID_DAYS),
    )
    return card, token


def signin_cards_void(*, user: User, now=None) -> int:
    """The person's unused cards stop working (a new card, or a role granted)."""
    return SignInCard.objects.filter(user=user, used_at=None, revoked_at=None).update(
        revoked_at=now or timezone.now()
    )


def _card_allowed(user: User) -> bool:
    """Whether a card may sign this account in: decided by the access module named
    in `SIGNIN_CARD_ALLOWED` (accounts imports no app above it)."""
    return import_string(settings.SIGNIN_CARD_ALLOWED)(user)


def signin_card_url(token: str) -> str:
    """The absolute address printed in the card's QR code."""
    return f"{settings.SITE_BASE_URL}/accounts/card/{token}/"


@transaction.atomic
def signin_card_use(*, token: str) -> User:
    """Spend the card once and return its holder, or refuse with a clear reason."""
    card = (
        SignInCard.objects.select_for_update()
        .select_related("user")
        .filter(token_hash=_hash(token))
        .first()
    )
    if card is None or not card.user.is_active or not _card_allowed(card.user):
        # A staff account never signs in with a card, whoever printed it.
        raise ValidationError(_("This sign-in card is not valid."), code="unknown")
    if card.used_at is not None:
        raise ValidationError(
            _("This card has already been used. Ask a volunteer for a new one."),
            code="used",
        )
    if card.revoked_at is not None:
        raise ValidationError(
            _("A newer card replaced this one. Please use the newest card."),
            code="revoked",
        )
    if card.expires_at <= timezone.now():
        raise ValidationError(
            _("This sign-in card has expired. Ask a volunteer for a new one."),
            code="expired",
        )
    card.used_at = timezone.now()
    card.save(update_fields=["used_at"])
    return card.user


@transaction.atomic
def user_phone_confirm(*, user: User, phone: str) -> User:
    """The person proved with an SMS code that `phone` is theirs: it becomes their
    number, confirmed.

    After a change of number, the SMS sent to the old one go from the outbox: the
    old number may soon be someone else's, and an erasure later only finds the
    messages of the current number.
    """
    old = user.phone
    if old == phone and user.phone_verified:
        return user
    user.phone = phone
    user.phone_verified = True
    user.save(update_fields=["phone", "phone_verified"])
    if old and old != phone:
        SmsMessage.objects.filter(to=old).delete()
    return user


@transaction.atomic
def user_anonymise(*, user: User) -> None:
    """Erase what identifies a person, keeping the row that anonymous records point to.

    Name, phone, email and birth year are cleared, the password made unusable and the
    account closed; the person's sign-in cards, sessions and the SMS sent to their
    number are deleted. Learning records stay attached to the nameless row.
    """
    phone = user.phone
    user.full_name = ""
    user.phone = None
    user.phone_verified = False
    user.email = ""
    user.birth_year = None
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    SignInCard.objects.filter(user=user).delete()
    if phone:
        SmsMessage.objects.filter(to=phone).delete()
    sessions_end(user=user)


def sessions_end(*, user: User) -> int:
    """Sign the person out of every device; return how many sessions ended.

    allauth's user sessions know each device a person signed in on (through
    allauth, or a sign-in card: `accounts.views.signin_card` records it), so this
    ends exactly those, without reading anyone else's session.
    """
    from allauth.usersessions.models import UserSession

    sessions = UserSession.objects.filter(user_id=user.pk)
    ended = 0
    for session in sessions.iterator():
        session.end()
        ended += 1
    return ended
