"""Printed sign-in cards: one use, expiry, replacement, hashed tokens."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import SignInCard
from accounts.services import signin_card_issue, signin_card_url
from tests.community.factories import UserFactory


def card_path(token):
    return f"/accounts/card/{token}/"


@pytest.fixture
def no_phone(db):
    user = UserFactory(phone=None, full_name="Bà Nguyễn Thị Tư")
    user.set_unusable_password()
    user.save()
    return user


@pytest.fixture
def with_phone(db):
    user = UserFactory(phone="+84912345678")
    user.set_unusable_password()
    user.save()
    return user


def test_the_card_link_is_absolute_and_the_token_is_stored_hashed(no_phone, settings):
    settings.SITE_BASE_URL = "https://hocvuso.example.vn"
    card, token = signin_card_issue(user=no_phone, issued_by=None)
    assert (
        signin_card_url(token) == f"https://hocvuso.example.vn/accounts/card/{token}/"
    )
    assert card.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(SignInCard.objects.values_list())
    assert len(token) >= 43  # 256 random bits


def test_looking_at_the_link_does_not_spend_it(client, no_phone):
    _card, token = signin_card_issue(user=no_phone, issued_by=None)
    response = client.get(card_path(token))
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert SignInCard.objects.get().used_at is None


def test_no_phone_resident_is_signed_in_for_months_and_the_card_works_once(
    client, no_phone, settings
):
    _card, token = signin_card_issue(user=no_phone, issued_by=None)

    response = client.post(card_path(token))

    assert response.status_code == 302
    assert response["Location"] == settings.LOGIN_REDIRECT_URL
    assert client.session["_auth_user_id"] == str(no_phone.pk)
    assert client.session.get_expiry_age() >= 179 * 24 * 3600

    client.logout()
    again = client.post(card_path(token))
    assert again.status_code == 410
    assert "_auth_user_id" not in client.session


def test_resident_with_a_phone_is_asked_to_choose_a_password(client, with_phone):
    _card, token = signin_card_issue(user=with_phone, issued_by=None)
    response = client.post(card_path(token))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/password/set/?next=")

    page = client.get(response["Location"])
    assert page.status_code == 200
    client.post(
        response["Location"],
        {"password1": "hoc-vu-so-2026", "password2": "hoc-vu-so-2026"},
    )
    with_phone.refresh_from_db()
    assert with_phone.check_password("hoc-vu-so-2026")


def test_a_new_card_replaces_the_old_one(client, no_phone):
    _old, old_token = signin_card_issue(user=no_phone, issued_by=None)
    _new, new_token = signin_card_issue(user=no_phone, issued_by=None)

    assert client.post(card_path(old_token)).status_code == 410
    assert client.post(card_path(new_token)).status_code == 302


def test_an_expired_card_is_refused(client, no_phone):
    card, token = signin_card_issue(user=no_phone, issued_by=None)
    card.expires_at = timezone.now() - timedelta(seconds=1)
    card.save()
    response = client.post(card_path(token))
    assert response.status_code == 410
    assert "_auth_user_id" not in client.session


def test_an_unknown_token_is_refused_plainly(client, db):
    response = client.post(card_path("khong-co-the-nay"))
    assert response.status_code == 410


def test_guessing_cards_is_rate_limited(client, db, settings):
    settings.SIGNIN_CARD_RATE = "5/m"
    codes = [client.post(card_path(f"doan-{i}")).status_code for i in range(7)]
    assert codes[:5] == [410] * 5
    assert codes[5:] == [429, 429]


def test_thirty_neighbours_scan_and_sign_in_on_one_wifi(db, settings):
    from django.test import Client

    cards = []
    for i in range(30):
        person = UserFactory(phone=None, full_name=f"Bà Hàng Xóm {i}")
        cards.append(signin_card_issue(user=person, issued_by=None)[1])
    for token in cards:
        phone = Client(REMOTE_ADDR="203.0.113.7")
        # A chat preview or a second look opens the page more than once.
        assert phone.get(card_path(token)).status_code == 200
        assert phone.get(card_path(token)).status_code == 200
        assert phone.post(card_path(token)).status_code == 302
    assert SignInCard.objects.filter(used_at__isnull=False).count() == 30
    # The 31st use within the minute is held back.
    refused = Client(REMOTE_ADDR="203.0.113.7").post(card_path("doan-them"))
    assert refused.status_code == 429


def test_opening_a_card_page_tells_nothing_about_the_token(client, no_phone):
    """Why views need no limit of their own: the page does not look the token up,
    so no number of views tells a real token from a guess."""
    _card, token = signin_card_issue(user=no_phone, issued_by=None)
    real = client.get(card_path(token)).content.decode().replace(token, "TOKEN")
    guess = "x" * len(token)
    guessed = client.get(card_path(guess)).content.decode().replace(guess, "TOKEN")
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
    assert strip.sub("", real) == strip.sub("", guessed)
