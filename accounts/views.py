"""Signing in with a printed card (the QR code a volunteer hands out)."""

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth import login, logout
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .ratelimit import hit_allowed
from .services import signin_card_use


@never_cache
@require_http_methods(["GET", "POST"])
def signin_card(request, token: str):
    """GET shows a button; only the POST spends the card.

    Chat apps and link checkers open links they see; if a GET signed in, a preview in
    Zalo would use up the resident's card before they scanned it.

    Only uses (POSTs, right or wrong) count against `SIGNIN_CARD_RATE` per address:
    thirty neighbours on one ward-hall Wi-Fi sign in within a minute, however often
    their pages were opened. Views need no limit of their own against guessing: the
    GET never looks the token up, so it tells a real card from a guess in no way.
    """
    if request.method == "GET":
        return render(request, "accounts/signin_card.html", {"token": token})
    if not hit_allowed(request, action="signin_card", rate=settings.SIGNIN_CARD_RATE):
        return render(
            request, "accounts/signin_card.html", {"limited": True}, status=429
        )
    try:
        user = signin_card_use(token=token)
    except ValidationError as error:
        return render(
            request,
            "accounts/signin_card.html",
            {"error": error.messages[0]},
            status=410,
        )
    if request.user.is_authenticated and request.user.pk != user.pk:
        logout(request)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    # Django's login() is not allauth's: record the device, so that "sign out of
    # every device" and an erasure end this session too.
    UserSession.objects.create_from_request(request)
    if user.phone:
        # They can receive SMS: from now on they sign in with their own password.
        if not user.has_usable_password():
            query = urlencode({"next": settings.LOGIN_REDIRECT_URL})
            return redirect(f"{reverse('account_set_password')}?{query}")
        return redirect(settings.LOGIN_REDIRECT_URL)
    # No phone: this device stays signed in; a volunteer prints a new card if needed.
    request.session.set_expiry(settings.SIGNIN_CARD_SESSION_DAYS * 24 * 60 * 60)
    return redirect(settings.LOGIN_REDIRECT_URL)
