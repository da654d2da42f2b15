"""Recognising the bits of screen text that are not messages: clocks, dates, handles, chrome."""

from __future__ import annotations

import re
from datetime import date, time

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
_CLOCK = re.compile(r"^(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:\s*(?P<ampm>[AaPp])\.?\s?[Mm]\.?)?$")
_DATES = [
    re.compile(r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>\d{{4}})"),
    re.compile(rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"),
]
_HANDLE = re.compile(r"@[A-Za-z0-9_.]{2,}")
# Presence lines under a chat's name, in the apps' English wording.
_PRESENCE = re.compile(
    r"^(online|offline|typing\.*|active now|active( today| yesterday| \d+\s?[mhd] ago)?|"
    r"last seen.*|seen.*|tap here.*|tap for .*|instagram|snapchat|messenger)$",
    re.IGNORECASE,
)
# Input-box placeholders and similar chrome at the bottom of a chat screen.
_CHROME = re.compile(
    r"^(message\.*|imessage|text message|type a message\.*|send a message\.*|"
    r"chat\.*|send message\.*|aa|send|\+)$",
    re.IGNORECASE,
)
_STATUS = re.compile(r"^(\d{1,3}\s?%|[45]g|lte|[45]g\+?|wi-?fi|\W{1,3})$", re.IGNORECASE)


def clock(text: str) -> time | None:
    """The time of day a line shows, if the whole line is a time (``21:05``, ``9:05 PM``)."""
    m = _CLOCK.match(text.strip())
    if not m:
        return None
    hour, minute = int(m["h"]), int(m["m"])
    if m["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["ampm"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def calendar_date(text: str) -> date | None:
    """The date a separator line shows, such as ``14 Nov 2026`` or ``2026-11-14``."""
    for pattern in _DATES:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["mo"]) if groups.get("mo") else _MONTHS.get(groups["mon"].lower(), 0)
        try:
            return date(int(groups["y"]), month, int(groups["d"]))
        except ValueError:
            continue
    return None


_WEEKDAY = r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|rsday|urday)?\.?"
_AT_TIME = r"(,?\s+(at\s+)?\d{1,2}[:.]\d{2}(\s?[ap]\.?m\.?)?)?"
_RELATIVE = re.compile(rf"^(today|yesterday|{_WEEKDAY}){_AT_TIME}$", re.IGNORECASE)
_MONTH_DAY = [
    re.compile(rf"^({_WEEKDAY},?\s+)?\d{{1,2}}\s+{_MONTH}{_AT_TIME}$", re.IGNORECASE),
    re.compile(rf"^({_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}{_AT_TIME}$", re.IGNORECASE),
]


def undated_day(text: str) -> bool:
    """Whether a whole line names a day we cannot date ("Today 21:02", "Sat, 14 Nov")."""
    t = text.strip()
    if _RELATIVE.match(t):
        return True
    for pattern in _MONTH_DAY:
        m = pattern.match(t)
        if m and m["mon"].lower() in _MONTHS:
            return True
    return False


def handle(text: str) -> str | None:
    """An ``@handle`` in the line, if there is one."""
    m = _HANDLE.search(text)
    return m.group(0).rstrip(".") if m else None


_USERNAME = re.compile(r"^(?=.*[._\d])[A-Za-z0-9._]{3,30}$")


def bare_username(text: str) -> bool:
    """Whether a header line looks like a username without "@" (one word with . _ or digits)."""
    t = text.strip()
    return bool(_USERNAME.match(t)) and clock(t) is None and not t.replace(".", "").isdigit()


def is_presence(text: str) -> bool:
    """Whether a header line is a presence note such as "Active now" rather than a name."""
    return bool(_PRESENCE.match(text.strip()))


def is_chrome(text: str) -> bool:
    """Whether a line is app furniture: an input placeholder, status-bar signal or battery."""
    t = text.strip()
    return bool(_CHROME.match(t) or _STATUS.match(t) or clock(t))


def clean_name(text: str) -> str:
    """A display name without the back arrow or stray symbols OCR picks up around it."""
    return re.sub(r"^[<‹«←\s]+|[>›»\s]+$", "", text).strip()
