"""Django's own form messages that residents and volunteers can meet and that
Django's Vietnamese catalogue leaves in English (or says wrongly), listed so that
`makemessages` puts them in our catalogue, which Django reads first (`LOCALE_PATHS`).

- "Null characters are not allowed.": any text box, for a pasted NUL character.
- The short-password message: Django 5.2 changed its placeholder (`%d`), and the
  Vietnamese catalogue only knows the old one.
- "“%(pk)s” is not a valid value.": a list of choices (who came to a session) sent
  with a choice that does not exist.
- "Enter a whole number.": Django's Vietnamese says "số tổng thể" ("overall number").

Nothing imports this module; `gettext_noop` and `ngettext_lazy` only mark the strings.
Check again after a Django upgrade: `tests/accounts/test_messages_vi.py`.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO_MESSAGES = [
    gettext_noop("Null characters are not allowed."),
    gettext_noop("“%(pk)s” is not a valid value."),
    gettext_noop("Enter a whole number."),
]

PLURAL_MESSAGES = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        8,
    ),
]
