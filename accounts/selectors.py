"""Reads for accounts."""

import time

from allauth.account.internal.flows.login import get_authentication_records

# How long a sign-in by SMS code stands in for the password (a fresh proof that the
# person holds the phone): as long as a code itself is valid.
RECENT_CODE_SECONDS = 10 * 60


def signed_in_by_code_recently(request) -> bool:
    """True when this session's person proved, minutes ago, that they hold their
    phone: they signed in with a one-time SMS code.

    Older people forget passwords; the code is how they sign in then. It also
    stands in for the password where one is asked again: choosing a new password
    without the old one, and deleting the account. (allauth keeps these records in
    the session; reading them goes through its helper.)
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    now = time.time()
    return any(
        record.get("method") == "code"
        and now - float(record.get("at", 0)) <= RECENT_CODE_SECONDS
        for record in get_authentication_records(request, user)
    )


def password_asked_again(request) -> bool:
    """Whether a step that cannot be undone (deleting one's account) asks for the
    password again: only for those who have one (card users have none) and did not
    just prove, with an SMS code, that they hold their phone."""
    user = request.user
    return user.has_usable_password() and not signed_in_by_code_recently(request)
