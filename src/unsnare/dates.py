"""Dates and times that people type: one reader for the command line and the web app.

A time without its zone is not evidence, so every time read here comes back
timezone-aware, and says when its zone was not written but taken from
elsewhere (the zone named beside it, or this computer's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from unsnare.errors import UsageError


@dataclass(frozen=True)
class When:
    """A typed date and time, with where its zone came from."""

    at: datetime
    # True when the text did not carry the zone (it was named beside it, or assumed).
    zone_added: bool


def parse_when(text: str, *, field: str, zone: tzinfo | None = None) -> When:
    """Read an ISO 8601 date and time such as ``2026-03-02T21:15+01:00``.

    With `zone` (a form's separate zone field), the time is in that zone; else
    a zone written in the text is kept, and a time without one is taken in this
    computer's zone. UsageError names `field` when the text is not a date.
    """
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"'{text}' is not a date and time.", field=field,
                         hint="Write it like 2026-03-02T21:15 or 2026-03-02T21:15+01:00.") from None
    if zone is not None:
        return When(at.replace(tzinfo=zone), zone_added=True)
    if at.tzinfo is None:
        return When(at.astimezone(), zone_added=True)
    return When(at, zone_added=False)
