"""People's names as they are stored and shown: one cleaning for every name field.

Sign-up, my account, the volunteers' enrol and correct forms, the import engine and
the services that store a name all call `name_clean`. A name reaches the public
verification page, printed certificates, sign-in cards and rosters, so what a person
could paste in must not change how the text around it reads.
"""

import unicodedata

# Letters that draw nothing: a name of them alone would look empty.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def name_clean(value) -> str:
    """A name as typed, made safe and uniform to store and show.

    - Unicode "other" characters go: format characters such as the bidirectional
      controls (U+202A–U+202E, U+2066–U+2069, U+200E/F), zero-width spaces and
      joiners (U+200B–U+200D, U+2060, U+FEFF) and the soft hyphen, control
      characters, and private, surrogate or unassigned code points. A right-to-left
      override in a name turns the rest of a line around ("Nguyễn ‮. Rtl").
    - Every kind of space, tab or line break becomes one space; no space at either
      end.
    - Letters are composed (NFC): "ễ" typed as "e" + two marks is stored as the one
      letter, so that search, sorting and duplicates see one name.

    Returns "" when nothing visible is left: callers refuse such a name as missing.
    """
    if value is None:
        return ""
    kept = []
    for char in str(value):
        if char.isspace():
            kept.append(" ")
        elif not unicodedata.category(char).startswith("C") and (
            char not in _BLANK_LETTERS
        ):
            kept.append(char)
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())
