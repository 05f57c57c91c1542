"""The search key of a name: lower case, no diacritics, single spaces.

"Nguyễn Văn An" and "nguyen  van an" both become "nguyen van an", so the database
filters with a plain `contains` on every backend (no `unaccent` extension needed).
"""

import unicodedata


def search_key(text: str) -> str:
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.lower().split())


def without_diacritics(text: str) -> str:
    """ "Nguyễn Văn An" -> "Nguyen Van An": for SMS, where one part holds 160 such
    characters but only 70 with diacritics."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_column(name: str) -> str:
    """What `ResidentCard.search_name` stores: the key after a space, so that a search
    for " " + key matches from the start of a word ("an" finds "Văn An", not
    "Đặng")."""
    return " " + search_key(name)
