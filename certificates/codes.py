"""Public certificate codes: unguessable, yet easy to read aloud and type by hand.

A code is 28 characters from a 30-letter alphabet (about 137 random bits, DESIGN.md §3
asks for at least 128), printed in seven groups of four: `K7QM-4XZ9-...`. The alphabet
leaves out characters people confuse on paper or on a phone keyboard: 0/O, 1/I/L and
U/V. The parser forgives case, spaces, dashes and the look-alikes themselves.
"""

import math
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 28
GROUP = 4
SEPARATOR = "-"

# Look-alikes typed by hand, mapped to the one character of the pair that codes use.
# 0/O and 1/I/L have no partner in the alphabet: they can only be a typing mistake,
# so they make the code invalid rather than silently becoming something else.
_LOOK_ALIKES = {"U": "V"}
_IGNORED = " \t\r\n-_.·–—"


def code_bits() -> float:
    """Random bits in one code (for the record and the tests)."""
    return LENGTH * math.log2(len(ALPHABET))


def code_generate() -> str:
    """A new random code, grouped for printing."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return _group(raw)


def code_parse(text: str) -> str | None:
    """The canonical grouped code for what a person typed, or None if it cannot be one.

    `" k7qm 4xz9-..."`, `"K7QM4XZ9..."` and `"k7qm-4xz9-..."` all give
    `"K7QM-4XZ9-..."`.
    """
    if not text or len(text) > 4 * LENGTH:
        return None
    chars = []
    for char in text.upper():
        if char in _IGNORED:
            continue
        char = _LOOK_ALIKES.get(char, char)
        if char not in ALPHABET:
            return None
        chars.append(char)
    if len(chars) != LENGTH:
        return None
    return _group("".join(chars))


def _group(raw: str) -> str:
    return SEPARATOR.join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))
