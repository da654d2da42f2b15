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
@given(messages=MESSAGES, layout=st.sampled_from(LAYOUTS))
def test_rendered_layout_parses_back(
    tmp_path: Path,
    messages: list[tuple[str, str, datetime]],
    layout: tuple[str, Callable[[datetime, str], str], bool],
) -> None:
    _, render, seconds = layout
    anchor = ("Alex Kim", "anchor", datetime(2020, 12, 25, 13, 14, 15))  # settles day/month order
    rows = [anchor, *messages]
    lines = [render(t, f"{who}: {text}") for who, text, t in rows]
    path = tmp_path / f"chat-{abs(hash(tuple(lines)))}.txt"
    path.write_text("\r\n".join(lines) + "\n", encoding="utf-8")
    conv = read_export(path, tz="UTC").conversations[0]

    def norm(t: datetime) -> datetime:
        t = t.replace(microsecond=0)
        return t if seconds else t.replace(second=0)

    got = [
        (m.sender, m.text, m.timestamp.replace(tzinfo=None) if m.timestamp else None)
        for m in conv.messages
    ]
    assert got == [(who, text, norm(t)) for who, text, t in rows]
    assert not conv.warnings
