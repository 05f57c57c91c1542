"""Vietnamese text as people type it: one way to fold diacritics (issue #17).

`fold` is the key for every comparison of names and places: search keys, the
import's headers and neighbourhood names, probable duplicates. "Nguyễn Văn An",
"nguyen  van an" and "NGUYEN-VAN-AN" all fold to "nguyen van an", so the database
filters with a plain `contains` on every backend (no `unaccent` extension needed).
`strip_diacritics` is its first step, kept for texts sent by SMS.
"""

import re
import unicodedata

_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")


def strip_diacritics(text: str) -> str:
    """ "Nguyễn Văn An" -> "Nguyen Van An": for SMS, where one part holds 160 such
    characters but only 70 with diacritics. Case and punctuation stay."""
    text = str(text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, no diacritics (đ -> d), punctuation as spaces, single spaces."""
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", strip_diacritics(text).lower()).split())


def search_column(name: str) -> str:
    """What `ResidentProfile.search_name` stores: the folded name after a space, so
    that a search for " " + fold(query) matches from the start of a word ("an" finds
    "Văn An", not "Đặng")."""
    return " " + fold(name)
