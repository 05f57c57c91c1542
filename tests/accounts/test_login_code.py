"""Asking for a sign-in code by SMS (`POST /accounts/login/code/`).

The answer must not tell a registered number from an unregistered one (account
enumeration), no SMS goes to a number without an account (SMS pumping), and requests
are limited per number and per client address, whether the number is registered or
not. The limit says what happened and when to ask again.
"""

import re

import pytest
from django.test import Client

from accounts.models import SmsMessage
from tests.community.factories import UserFactory

REQUEST_CODE = "/accounts/login/code/"
CONFIRM_CODE = "/accounts/login/code/confirm/"
KNOWN = "+84912345678"
UNKNOWN = "+84987654321"


def english_client(**defaults) -> Client:
    client = Client(**defaults)
    client.cookies["django_language"] = "en"
    return client


def page_without(content: bytes, *numbers: str) -> str:
    """A page with what differs between two visitors taken out: the CSRF token and
    the number they typed."""
    page = content.decode()
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)
    for number in numbers:
        page = page.replace(number, "NUMBER")
    return page


@pytest.fixture
def resident(db):
    return UserFactory(phone=KNOWN)


def test_registered_and_unregistered_numbers_get_the_same_answer(resident):
    known, unknown = english_client(), english_client()

    to_known = known.post(REQUEST_CODE, {"phone": "0912 345 678"})
    to_unknown = unknown.post(REQUEST_CODE, {"phone": "0987 654 321"})

    assert to_known.status_code == to_unknown.status_code == 302
    assert to_known["Location"] == to_unknown["Location"] == CONFIRM_CODE
    known_page = known.get(CONFIRM_CODE)
    unknown_page = unknown.get(CONFIRM_CODE)
    assert known_page.status_code == unknown_page.status_code == 200
    assert page_without(known_page.content, "0912 345 678") == page_without(
        unknown_page.content, "0987 654 321"
    )
    assert "If this number has an account" in known_page.content.decode()


def test_no_sms_goes_to_an_unregistered_number_and_no_code_signs_in(db):
    client = english_client()
    response = client.post(REQUEST_CODE, {"phone": "0987 654 321"})
    assert response.status_code == 302

    assert not SmsMessage.objects.exists()
    # Whatever is typed on the code page signs nobody in; the third try ends it.
    for code in ("000000", "123456", ""):
        client.post(CONFIRM_CODE, {"code": code})
    assert "_auth_user_id" not in client.session


def test_a_closed_account_is_answered_like_an_unregistered_number(db):
    UserFactory(phone=KNOWN, is_active=False)
    response = english_client().post(REQUEST_CODE, {"phone": "0912 345 678"})
    assert response.status_code == 302
    assert not SmsMessage.objects.exists()


@pytest.mark.parametrize("number", [KNOWN, UNKNOWN])
def test_three_requests_per_number_then_a_clear_limit(resident, number):
    answers = [
        english_client(REMOTE_ADDR=f"203.0.113.{i}").post(
            REQUEST_CODE, {"phone": number}
        )
        for i in range(4)
    ]

    assert [answer.status_code for answer in answers[:3]] == [302, 302, 302]
    limited = answers[3]
    assert limited.status_code == 200
    message = " ".join(limited.context["form"].errors["phone"])
    assert "asked for too many times" in message
    assert "wait 10 minutes" in message
    assert "failed sign-in" not in message
    assert SmsMessage.objects.count() == (3 if number == KNOWN else 0)


def test_requests_from_one_address_are_limited_whatever_the_numbers(db, settings):
    per_address = int(settings.ACCOUNT_RATE_LIMITS["request_login_code"].split("/")[0])
    # A script keeps no cookies: each request starts afresh.
    for i in range(per_address):
        response = english_client(REMOTE_ADDR="198.51.100.9").post(
            REQUEST_CODE, {"phone": f"+849870{i:05d}"}
        )
        assert response.status_code == 302, i

    refused = english_client(REMOTE_ADDR="198.51.100.9").post(
        REQUEST_CODE, {"phone": "+84987099999"}
    )

    assert refused.status_code == 200
    message = " ".join(refused.context["form"].errors["phone"])
    assert "asked for too many times" in message
    assert "wait 1 minute" in message
    # Another address is not held back.
    other = english_client(REMOTE_ADDR="198.51.100.10")
    assert other.post(REQUEST_CODE, {"phone": "+84987099999"}).status_code == 302
