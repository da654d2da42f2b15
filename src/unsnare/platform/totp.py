"""Time-based one-time passwords (RFC 6238, on RFC 4226's HOTP) for reviewers' second factor.

Written with the standard library only: HMAC-SHA1, 30-second steps, 6 digits, the
defaults every authenticator app reads from an `otpauth://` URI. A code is accepted
in the step before, the current one or the one after (clocks drift), and a step once
used is refused afterwards, so a code seen over a shoulder cannot be replayed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

STEP = 30
DIGITS = 6
ISSUER = "Unsnare review"


def new_secret() -> str:
    """A new shared secret: 160 random bits in base32 (RFC 4226 recommends 160)."""
    return base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")


def _key(secret: str) -> bytes:
    padded = secret.upper() + "=" * (-len(secret) % 8)
    return base64.b32decode(padded)


def hotp(secret: str, counter: int, digits: int = DIGITS) -> str:
    """RFC 4226: the code for one counter value."""
    mac = hmac.new(_key(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def step_at(now: float) -> int:
    """The time step a moment falls in."""
    return int(now // STEP)


def code_at(secret: str, now: float) -> str:
    """RFC 6238: the code an authenticator shows at `now` (Unix seconds)."""
    return hotp(secret, step_at(now))


def matching_step(secret: str, code: str, now: float, after: int | None = None) -> int | None:
    """The step (now, one before or one after) whose code this is, or None.

    Steps at or before `after` (the last one used) are refused: no replays.
    """
    code = code.strip().replace(" ", "")
    if len(code) != DIGITS or not code.isdigit():
        return None
    current = step_at(now)
    found = None
    for step in (current - 1, current, current + 1):
        # Every candidate is compared, in constant time, so timing tells nothing.
        if hmac.compare_digest(hotp(secret, step), code) and found is None:
            found = step
    if found is None or (after is not None and found <= after):
        return None
    return found


def otpauth_uri(secret: str, account: str, issuer: str = ISSUER) -> str:
    """The `otpauth://totp/...` URI an authenticator app reads (as text or a QR code)."""
    label = quote(f"{issuer}:{account}")
    query = urlencode({"secret": secret, "issuer": issuer, "algorithm": "SHA1",
                       "digits": DIGITS, "period": STEP})
    return f"otpauth://totp/{label}?{query}"
