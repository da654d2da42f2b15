"""`storable`: refuse text PostgreSQL cannot keep (NUL characters, lone surrogates)."""

from __future__ import annotations

from unsnare.platform.errors import PlatformError


def storable(value: str, where: str) -> str:
    """The value, or a clear 400 naming the field."""
    bad = "\x00" in value
    if not bad:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            bad = True
    if bad:
        raise PlatformError(
            "this text holds characters that cannot be stored (a NUL or a broken UTF-16 "
            "surrogate)",
            field=where,
            hint="Send valid UTF-8 text without NUL characters.",
        )
    return value
