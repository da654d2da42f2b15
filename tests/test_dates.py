"""The one reader of typed dates and times (the CLI's --at, the web's event form)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from unsnare.dates import parse_when
from unsnare.errors import UsageError

PLUS_ONE = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("text", "zone", "expected", "added"),
    [
        ("2026-03-02T21:15+01:00", None, datetime(2026, 3, 2, 21, 15, tzinfo=PLUS_ONE), False),
        ("2026-03-02 21:15", ZoneInfo("Europe/London"),
         datetime(2026, 3, 2, 21, 15, tzinfo=ZoneInfo("Europe/London")), True),
    ],
)
def test_a_time_comes_back_with_its_zone(text: str, zone: ZoneInfo | None, expected: datetime,
                                         added: bool) -> None:
    when = parse_when(text, field="at", zone=zone)
    assert when.at == expected and when.at.tzinfo is not None and when.zone_added is added


def test_a_time_without_a_zone_is_taken_in_this_computers() -> None:
    when = parse_when("2026-03-02T21:15", field="--at")
    assert when.at.tzinfo is not None and when.zone_added
    assert when.at.replace(tzinfo=None) == datetime(2026, 3, 2, 21, 15)


@pytest.mark.parametrize("text", ["yesterday", "", "21:15 on Monday"])
def test_unreadable_times_name_the_field(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_when(text, field="--at")
    assert caught.value.field == "--at" and caught.value.hint
