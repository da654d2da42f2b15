"""Property: a WhatsApp conversation rendered in each layout parses back the same."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unsnare.importers import read_export
from unsnare.importers import whatsapp_syntax as wa

NNBSP = "\u202f"


def _h12(t: datetime, sep: str = " ") -> str:
    return f"{(t.hour % 12) or 12}:{t.minute:02d}{sep}{'PM' if t.hour >= 12 else 'AM'}"


_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _h12_marker(t: datetime, am: str, pm: str) -> str:
    return f"{(t.hour % 12) or 12}:{t.minute:02d} {pm if t.hour >= 12 else am}"


def _day_period(t: datetime) -> str:
    # The words a phone set to English (India) writes: midnight to 6 is "at night".
    h = t.hour
    word = (
        "at night"
        if h < 6 or h >= 21
        else "in the morning"
        if h < 12
        else "in the afternoon"
        if h < 17
        else "in the evening"
    )
    return f"{(h % 12) or 12}:{t.minute:02d} {word}"


def _zh(t: datetime) -> str:
    return f"{'下午' if t.hour >= 12 else '上午'}{(t.hour % 12) or 12}:{t.minute:02d}"


# name, header renderer, whether seconds survive
LAYOUTS: list[tuple[str, Callable[[datetime, str], str], bool]] = [
    ("android-de", lambda t, w: f"{t:%d.%m.%y}, {t:%H:%M} - {w}", False),
    ("android-us", lambda t, w: f"{t.month}/{t.day}/{t:%y}, {_h12(t, NNBSP)} - {w}", False),
    ("android-fr", lambda t, w: f"{t:%d/%m/%Y} à {t:%H:%M} - {w}", False),
    ("android-nl", lambda t, w: f"{t:%d-%m-%Y} {t:%H:%M} - {w}", False),
    ("android-iso", lambda t, w: f"{t:%Y-%m-%d}, {t:%H:%M} - {w}", False),
    (
        "ios-gb",
        lambda t, w: f"\u200e[{t:%d/%m/%Y}, {_h12(t).replace(' ', ':' + f'{t.second:02d} ')}] {w}",
        True,
    ),
    ("ios-fi", lambda t, w: f"[{t.day}.{t.month}.{t.year} klo {t:%H.%M.%S}] {w}", True),
    ("ios-de", lambda t, w: f"[{t:%d.%m.%y}, {t:%H:%M:%S}] {w}", True),
    ("ios-vi", lambda t, w: f"[{t:%H:%M:%S}, {t.day}/{t.month}/{t.year}] {w}", True),
    (
        "android-ar",
        lambda t, w: (
            "\u200f"
            + f"{t.day}/{t.month}/{t.year}، ".translate(_ARABIC)
            + _h12_marker(t, "ص", "م").translate(_ARABIC)
            + f" - {w}"
        ),
        False,
    ),
    (
        "android-fa",
        lambda t, w: f"{t:%d/%m/%Y}، {_h12_marker(t, 'ق.ظ.', 'ب.ظ.')} - ".translate(_PERSIAN) + w,
        False,
    ),
    ("android-en-in", lambda t, w: f"{t:%d/%m/%Y}, {_day_period(t)} - {w}", False),
    (
        "android-es",
        lambda t, w: f"{t.day}/{t.month}/{t:%y}, {_h12_marker(t, 'a. m.', 'p. m.')} - {w}",
        False,
    ),
    ("ios-fi-dots", lambda t, w: f"[{t.day}.{t.month}.{t:%y} klo {t.hour}.{t:%M.%S}] {w}", True),
    ("android-fi", lambda t, w: f"{t.day}.{t.month}.{t.year} klo {t.hour}.{t:%M} - {w}", False),
    ("android-zh", lambda t, w: f"{t.year}/{t.month}/{t.day} {_zh(t)} - {w}", False),
    (
        "android-ko",
        lambda t, w: (
            f"{t.year}. {t.month}. {t.day}. {'오후' if t.hour >= 12 else '오전'} {(t.hour % 12) or 12}:{t:%M} - {w}"
        ),
        False,
    ),
]

NAMES = st.sampled_from(["Alex Kim", "Zoë", "نور", "Иван", "Sam 🦊", "+44 7700 900123", "kai_22"])
SAFE = st.characters(
    codec="utf-8",
    categories=["L", "N", "P", "S", "Zs"],
    exclude_characters="\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff\u2066\u2067\u2068\u2069\u2028\u2029\x85<>[",
)
LINE = st.text(SAFE, min_size=1, max_size=40).filter(
    lambda s: s.strip() == s and bool(s) and not s[0].isdigit()
)
TEXT = (
    st.lists(LINE, min_size=1, max_size=3)
    .map("\n".join)
    .filter(lambda s: not wa.is_marker(s.split("\n")[0]))
)
WHEN = st.datetimes(min_value=datetime(2010, 1, 1), max_value=datetime(2035, 12, 31))
MESSAGES = st.lists(st.tuples(NAMES, TEXT, WHEN), min_size=1, max_size=12)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(messages=MESSAGES)
def test_one_chat_in_every_layout_parses_back(
    tmp_path: Path, messages: list[tuple[str, str, datetime]]
) -> None:
    anchor = ("Alex Kim", "anchor", datetime(2020, 12, 25, 13, 14, 15))  # settles day/month order
    rows = [anchor, *messages]
    for name, render, seconds in LAYOUTS:
        lines = [render(t, f"{who}: {text}") for who, text, t in rows]
        path = tmp_path / f"{name}-{abs(hash(tuple(lines)))}.txt"
        path.write_text("\r\n".join(lines) + "\n", encoding="utf-8")
        conv = read_export(path, tz="UTC").conversations[0]

        def norm(t: datetime, seconds: bool = seconds) -> datetime:
            t = t.replace(microsecond=0)
            return t if seconds else t.replace(second=0)

        got = [
            (m.sender, m.text, m.timestamp.replace(tzinfo=None) if m.timestamp else None)
            for m in conv.messages
        ]
        assert got == [(who, text, norm(t)) for who, text, t in rows], name
        assert not conv.warnings, name
