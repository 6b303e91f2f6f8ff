"""Certificate codes: 10 characters of Crockford's base32, grouped XXXXX-XXXXX.

The alphabet has no I, L, O or U, so a code read from paper is not mistyped as
another; typed back, I and L read as 1 and O as 0, case, spaces and dashes do not
matter. 10 characters from `secrets` are 50 random bits: guessing one valid code
among a few thousand at the verification page's rate limit takes millennia.
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
GROUP = 5
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:GROUP]}-{raw[GROUP:]}"


def normalise_code(typed: str) -> str | None:
    """The stored form of a code as someone typed it, or None if it cannot be one."""
    raw = "".join(typed.split()).replace("-", "").upper().translate(_READ_AS)
    if len(raw) != LENGTH or any(char not in ALPHABET for char in raw):
        return None
    return f"{raw[:GROUP]}-{raw[GROUP:]}"
