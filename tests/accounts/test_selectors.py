"""accounts.selectors: when a step that cannot be undone asks for the password."""

from django.test import RequestFactory

from accounts.selectors import password_asked_again
from tests.community.factories import UserFactory


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    request.session = {}
    return request


def test_the_password_is_asked_of_those_who_have_one(db):
    assert password_asked_again(_request(UserFactory()))


def test_a_card_user_without_a_password_is_not_asked(db):
    user = UserFactory()
    user.set_unusable_password()
    assert not password_asked_again(_request(user))
