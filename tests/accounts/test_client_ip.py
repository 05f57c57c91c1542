"""Client addresses behind the TLS proxy: whose bucket a request counts in.

Behind a proxy every request comes from the proxy's address; only the last
`X-Forwarded-For` entry, the one the proxy itself appended, says who the client is
(allauth's `ALLAUTH_TRUSTED_PROXY_COUNT`, set from `DJANGO_TRUSTED_PROXY_COUNT`).
Earlier entries are whatever the client typed. Without a proxy (count 0) the header
is ignored, so nobody can pick a fresh bucket by sending one.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.community.factories import PASSWORD, UserFactory

LOGIN = "/accounts/login/"
PROXY = "127.0.0.1"
ROOT = Path(__file__).resolve().parents[2]


def behind_proxy(forwarded_for: str) -> Client:
    """A client as gunicorn sees it: from the proxy, with the proxy's header."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def fail_logins(client, times: int) -> None:
    for attempt in range(times):
        # A different number each time: only the per-address count fills up.
        client.post(LOGIN, {"login": f"+8491400{attempt:04d}", "password": "sai"})


def logs_in(client, user) -> bool:
    response = client.post(LOGIN, {"login": user.phone, "password": PASSWORD})
    return response.status_code == 302


@pytest.fixture
def tight_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "3/m/ip,5/300s/key",
    }
    settings.SIGNIN_CARD_RATE = "2/m"


def setting_in_a_fresh_process(**env) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; "
            "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT)",
        ],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_proxy_count_comes_from_the_environment_and_is_0_by_default():
    assert setting_in_a_fresh_process() == "0"
    assert setting_in_a_fresh_process(DJANGO_TRUSTED_PROXY_COUNT="1") == "1"


def test_by_default_the_header_is_ignored(db, settings, tight_limits):
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == 0
    fail_logins(behind_proxy("198.51.100.1"), 3)

    # A forged header does not give a fresh bucket: the same address is held back.
    assert not logs_in(behind_proxy("198.51.100.2"), UserFactory())
    assert behind_proxy("198.51.100.3").post("/accounts/card/x/").status_code == 410
    assert behind_proxy("198.51.100.4").post("/accounts/card/x/").status_code == 410
    assert behind_proxy("198.51.100.5").post("/accounts/card/x/").status_code == 429


def test_behind_the_proxy_each_client_has_its_own_failed_login_bucket(
    db, settings, tight_limits
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    neighbour = UserFactory()
    fail_logins(behind_proxy("198.51.100.1"), 3)

    # The same client is held back, even with a correct password...
    assert not logs_in(behind_proxy("198.51.100.1"), UserFactory())
    # ...and even when it puts another address in front of the proxy's entry.
    assert not logs_in(behind_proxy("10.9.9.9, 198.51.100.1"), UserFactory())
    # Another client behind the same proxy signs in at once.
    assert logs_in(behind_proxy("198.51.100.2"), neighbour)


def test_behind_the_proxy_each_client_has_its_own_bucket_in_our_limits(
    db, settings, tight_limits
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first = behind_proxy("198.51.100.1")
    assert [first.post("/accounts/card/x/").status_code for _ in range(3)] == [
        410,
        410,
        429,
    ]
    forged = behind_proxy("10.9.9.9, 198.51.100.1")
    assert forged.post("/accounts/card/x/").status_code == 429
    assert behind_proxy("198.51.100.2").post("/accounts/card/x/").status_code == 410


def test_our_limits_count_an_ipv6_network_as_one_client(db, tight_limits):
    # One home or phone gets a whole /64: rotating through it is no escape.
    codes = [
        Client(REMOTE_ADDR=f"2001:db8:1:2::{n}").post("/accounts/card/x/").status_code
        for n in range(1, 4)
    ]
    assert codes == [410, 410, 429]
    other = Client(REMOTE_ADDR="2001:db8:1:3::1")
    assert other.post("/accounts/card/x/").status_code == 410
