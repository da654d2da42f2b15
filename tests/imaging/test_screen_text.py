"""Screen text that is not a message: clocks, dates, handles, presence lines, app furniture."""

from __future__ import annotations

from datetime import date, time

import pytest

from unsnare.imaging import screen_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:05", time(21, 5)),
        ("9:05 PM", time(21, 5)),
        ("12:10 am", time(0, 10)),
        ("10:16 p.m.", time(22, 16)),
        ("21.05", time(21, 5)),
        ("25:00", None),
        ("13:00 PM", None),
        ("meet at 9:30", None),
        ("", None),
    ],
)
def test_clock(text: str, expected: time | None) -> None:
    assert screen_text.clock(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 Nov 2026 21:02", date(2026, 11, 14)),
        ("Sat, 14 November 2026", date(2026, 11, 14)),
        ("Nov 14, 2026 at 9:02 PM", date(2026, 11, 14)),
        ("2026-11-14", date(2026, 11, 14)),
        ("31 Feb 2026", None),
        ("Today 21:02", None),
        ("14/11/2026", None),  # day or month first cannot be told from one line
    ],
)
def test_calendar_date(text: str, expected: date | None) -> None:
    assert screen_text.calendar_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("@jaydn.mills_22", "@jaydn.mills_22"), ("Jayden @jay_m.", "@jay_m"), ("Jayden Mills", None)],
)
def test_handle(text: str, expected: str | None) -> None:
    assert screen_text.handle(text) == expected


@pytest.mark.parametrize(
    ("text", "presence", "chrome"),
    [
        ("Active now", True, False),
        ("Active 5m ago", True, False),
        ("last seen today at 21:00", True, False),
        ("online", True, False),
        ("Message...", False, True),
        ("iMessage", False, True),
        ("100%", False, True),
        ("9:41", False, True),
        ("Jayden Mills", False, False),
        ("send me 50 now", False, False),
    ],
)
def test_presence_and_chrome(text: str, presence: bool, chrome: bool) -> None:
    assert screen_text.is_presence(text) is presence
    assert screen_text.is_chrome(text) is chrome


@pytest.mark.parametrize(
    ("raw", "clean"), [("< Jayden Mills", "Jayden Mills"), ("‹ Alex >", "Alex")]
)
def test_clean_name(raw: str, clean: str) -> None:
    assert screen_text.clean_name(raw) == clean


@pytest.mark.parametrize(
    ("text", "undated"),
    [
        ("Today 21:02", True),
        ("Yesterday", True),
        ("Sat, 14 Nov at 21:02", True),
        ("Nov 14", True),
        ("Thursday 9:15 PM", True),
        ("14 Nov 2026", False),  # has a year: a real date
        ("may I ask you something", False),
        ("today you pay or else", False),
        ("sunny day", False),
        ("Sunday", True),
        ("mon 3 feb", True),
        ("I saw you on Sat", False),
    ],
)
def test_undated_day(text: str, undated: bool) -> None:
    assert screen_text.undated_day(text) is undated


@pytest.mark.parametrize(
    ("text", "username"),
    [
        ("jaydn.mills_22", True),
        ("alex_r", True),
        ("sam2009", True),
        ("Jayden", False),
        ("Jayden Mills", False),
        ("21:05", False),
        ("2026", False),
    ],
)
def test_bare_username(text: str, username: bool) -> None:
    assert screen_text.bare_username(text) is username
