"""Reading the loosely written timestamps of pasted text and CSV files."""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo

_DMY = re.compile(
    r"^(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<y>\d{2,4}),?\s+"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ap>[AaPp]\.?\s?[Mm]\.?)?$"
)
_EPOCH = re.compile(r"^\d{9,13}(\.\d+)?$")


def parse_timestamp(value: str, zone: tzinfo, *, day_first: bool = True) -> datetime | None:
    """A tz-aware datetime from ISO-8601, epoch seconds/milliseconds or d/m/y h:m text.

    Values with their own offset keep it; wall-clock values get `zone`.
    Returns None when the text is not a timestamp we can read.
    """
    v = value.strip()
    if not v:
        return None
    if _EPOCH.match(v):
        num = float(v)
        if num > 1e11:  # milliseconds
            num /= 1000
        return datetime.fromtimestamp(num, tz=UTC).astimezone(zone)
    iso = v.replace(" UTC", "+00:00").replace("Z", "+00:00") if v[:1].isdigit() else v
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        dt = None
    if dt is not None:
        return dt if dt.tzinfo is not None else dt.replace(tzinfo=zone)
    m = _DMY.match(v)
    if not m:
        return None
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    y = y + 2000 if y < 100 else y
    day, month = (a, b) if day_first else (b, a)
    if month > 12 and day <= 12:
        day, month = month, day
    hour = int(m["h"])
    if m["ap"]:
        hour = hour % 12 + (12 if m["ap"][0] in "Pp" else 0)
    try:
        return datetime(y, month, day, hour, int(m["mi"]), int(m["s"] or 0), tzinfo=zone)
    except ValueError:
        return None
