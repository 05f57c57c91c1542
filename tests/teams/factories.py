"""Helpers for teams tests."""

from tests.community.factories import PASSWORD


def login(client, user) -> None:
    client.logout()
    assert client.login(phone=user.phone, password=PASSWORD)
