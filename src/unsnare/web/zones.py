"""Time zones asked of the person: an export's times are only evidence with their zone.

A chat export such as WhatsApp's holds wall-clock times without a zone. The
person adding it is asked which zone the phone was in (the page offers the
browser's own zone); "unknown" is a valid answer, and those times are then
marked as assumed everywhere they appear.
"""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from unsnare.errors import UsageError

UNKNOWN = ("unknown", "not sure", "don't know", "dont know", "?")


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name this machine knows, sorted (for the form's suggestions)."""
    return tuple(sorted(z for z in available_timezones() if "/" in z and not z.startswith(
        ("Etc/", "SystemV/", "US/", "posix/", "right/"))))


def parse_zone(value: str, *, field: str = "tz", required: bool = True) -> str | None:
    """The zone name typed or chosen; None for "unknown" (or blank when not required)."""
    text = value.strip()
    if not text:
        if not required:
            return None
        raise UsageError(
            "Please say which time zone the phone or computer was in.", field=field,
            hint="The chat's times do not say their zone. Type a place such as "
            "America/New_York or Australia/Sydney, or write \"unknown\" if you do not know "
            "(the times will then be marked as guessed).",
        )
    if text.lower() in UNKNOWN:
        return None
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"'{text}' is not a time zone we know.", field=field,
                         hint="Use a name such as Europe/London, America/New_York or "
                         "Australia/Sydney, or write \"unknown\".") from None
    return text
