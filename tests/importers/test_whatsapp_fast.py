"""The C passes of the WhatsApp reader and the C JSON writer give exactly what
the Python code gives (src/unsnare/_fastread.c; the Python code is the reference)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers.test_serialize import CASES
from importers.test_whatsapp_roundtrip import LAYOUTS
from support.components import require
from unsnare.importers import open_export, read_export, serialize, source, whatsapp
from unsnare.importers.serialize import write_stream_json
from unsnare.models import Conversation

DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "whatsapp"


def _need_compiled() -> None:
    require(whatsapp._fastread is not None, "unsnare._fastread (pip install -e . builds it)")


@pytest.fixture
def python_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Read with the Python code alone inside the block."""
    monkeypatch.setattr(whatsapp, "USE_COMPILED", False)
    monkeypatch.setattr(serialize, "USE_COMPILED", False)
    yield


@contextmanager
def _compiled(on: bool, *modules: ModuleType) -> Iterator[None]:
    """Inside the block the modules' C paths are `on` or off; on again after."""
    for module in modules:
        module.USE_COMPILED = on
    try:
        yield
    finally:
        for module in modules:
            module.USE_COMPILED = True


def _both(path: Path, tz: str = "UTC") -> tuple[Conversation, Conversation]:
    compiled = read_export(path, tz=tz).conversations[0]
    with _compiled(False, whatsapp):
        plain = read_export(path, tz=tz).conversations[0]
    return compiled, plain


def _json(path: Path, compiled: bool) -> str:
    with _compiled(compiled, whatsapp, serialize):
        out = io.StringIO()
        with open_export(path, tz="UTC") as o:
            for s in o.streams:
                write_stream_json(s, out)
        return out.getvalue()


def _same(a: Conversation, b: Conversation) -> None:
    assert a.messages == b.messages
    assert a.warnings == b.warnings
    assert a.participants == b.participants
    assert (a.date_order, a.notes) == (b.date_order, b.notes)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.name)
def test_every_sample_export_reads_the_same_both_ways(path: Path) -> None:
    _need_compiled()
    _same(*_both(path))
    assert _json(path, True) == _json(path, False)


def test_the_usual_shape_is_read_in_c() -> None:
    _need_compiled()
    head = (DATA / "android_de.txt").read_text(encoding="utf-8")
    layout = whatsapp.wa.DATE_FIRST
    m = next(layout.scan_header.finditer(head))
    t = whatsapp._template(m)
    assert t is not None and t[0].endswith(" - ")


# Lines that test the hand-over between C and Python: another header shape,
# impossible dates, invisible marks, names with ": ", placeholders, events,
# lines that start with digits, blank lines, CR LF.
ODD_LINES = [
    "31/02/2023, 10:00 - Alex Kim: no such day",
    "5/1/2023, 9:07 - Sam Lee: a shorter stamp",
    "05/01/2023, 25:07 - Sam Lee: no such hour",
    "\u200e05/01/2023, 10:07 - Sam Lee: marked",
    "05/01/2023, 10:07 - DJ: Nova: a name with a colon",
    "05/01/2023, 10:07 - Zoë: non-ASCII name",
    "05/01/2023, 10:07 - \u202aZoë\u202c: marked name",
    "05/01/2023, 10:07 - Sam Lee: <Media omitted>",
    "05/01/2023, 10:07 - Sam Lee: IMG-1.jpg (file attached)",
    "05/01/2023, 10:07 - Sam Lee: <attached: 00000042-PHOTO.jpg>",
    "05/01/2023, 10:07 - Sam Lee: This message was deleted",
    "05/01/2023, 10:07 - Sam Lee: Missed voice call",
    "05/01/2023, 10:07 - Sam Lee: ok <This message was edited>",
    "05/01/2023, 10:07 - Sam Lee: \"quoted\" name",
    "05/01/2023, 10:07 - Alex Kim created group \"x\"",
    "05/01/2023, 10:07 - Alex Kim: ",
    "12 apples and a pear",
    "٣ digits of another script",
    "",
    "   ",
    "[05/01/2023, 10:07:00] Sam Lee: an iOS line in an Android file",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    layout=st.sampled_from(LAYOUTS),
    rows=st.lists(
        st.one_of(
            st.tuples(
                st.sampled_from(["Alex Kim", "Sam Lee", "DJ: Nova", "Zoë"]),
                st.text(st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=30),
                st.datetimes(min_value=datetime(2010, 1, 1), max_value=datetime(2035, 12, 31)),
            ),
            st.sampled_from(ODD_LINES),
        ),
        min_size=1,
        max_size=30,
    ),
    crlf=st.booleans(),
    orphan=st.booleans(),
)
def test_mixed_exports_read_the_same_both_ways(
    tmp_path: Path, layout: tuple, rows: list, crlf: bool, orphan: bool
) -> None:
    _need_compiled()
    name, render, _ = layout
    lines = ["a line before any header"] if orphan else []
    for row in rows:
        lines.append(row if isinstance(row, str) else render(row[2], f"{row[0]}: {row[1]}"))
    path = tmp_path / f"{name}.txt"
    path.write_text(("\r\n" if crlf else "\n").join(lines), encoding="utf-8")
    try:
        compiled, plain = _both(path)
    except Exception as exc:  # an export the reader refuses: refused the same way
        with _compiled(False, whatsapp), pytest.raises(type(exc)) as again:
            read_export(path, tz="UTC")
        assert str(again.value) == str(exc)
        return
    _same(compiled, plain)
    assert _json(path, True) == _json(path, False)


def test_messages_json_matches_message_json() -> None:
    _need_compiled()
    odd = CASES[0].__class__(7, 3, None, 5, CASES[0].source)  # type: ignore[arg-type]
    msgs = [*CASES, odd, *CASES]
    c = serialize._batch_writer("    ")
    with _compiled(False, serialize):
        p = serialize._batch_writer("    ")
    assert c(msgs, "\n") == p(msgs, "\n")
    assert c(msgs[:1], ",\n") == p(msgs[:1], ",\n")


@given(st.text(max_size=50))
def test_json_strings_are_escaped_as_json_dumps_does(text: str) -> None:
    _need_compiled()
    m = CASES[0].__class__("L1", text, None, text, CASES[0].source)
    assert serialize._batch_writer("")([m], "") == serialize.message_json(m)


def test_python_only_fixture(python_only: None) -> None:
    # The pure-Python path still reads every sample export.
    for path in sorted(DATA.glob("*.txt")):
        assert read_export(path, tz="UTC").conversations


@pytest.mark.parametrize("text", ["plain 😊 é", "a lone \ud800 surrogate"])
def test_standard_output_gets_the_same_bytes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str
) -> None:
    # On the standard output the C writer hands UTF-8 bytes to the buffer; text
    # written before and after stays in order, and a lone surrogate (not UTF-8)
    # goes the text way and fails or passes exactly as before.
    _need_compiled()
    path = tmp_path / "chat.txt"
    path.write_text(
        "".join(f"05/01/2023, 10:{i:02d} - Sam Lee: {i} {text}\n" for i in range(60))
        .replace("\ud800", "x"),
        encoding="utf-8",
    )

    def run(compiled: bool, errors: str) -> bytes:
        buf = io.BytesIO()
        fake = io.TextIOWrapper(buf, encoding="utf-8", errors=errors, newline="\n")
        monkeypatch.setattr("sys.stdout", fake)
        with _compiled(compiled, serialize):
            fake.write("before\n")
            with open_export(path, tz="UTC") as o:
                write_stream_json(o.streams[0], fake)
            fake.write("after\n")
            fake.flush()
        return buf.getvalue()

    assert run(True, "strict") == run(False, "strict")
    assert b"before\n{" in run(True, "strict")
    odd = CASES[0].__class__("L1", "Sam", None, text, CASES[0].source)
    for errors in ("strict", "surrogateescape", "surrogatepass"):
        outs = []
        for compiled in (True, False):
            fake = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, newline="\n")
            monkeypatch.setattr("sys.stdout", fake)
            try:
                with _compiled(compiled, serialize):
                    data = serialize._batch_writer("", as_bytes=True)([odd], "")
                    fake.write(data) if isinstance(data, str) else fake.buffer.write(data)
                    fake.flush()
                outs.append(fake.buffer.getvalue())  # type: ignore[attr-defined]
            except UnicodeEncodeError as exc:
                outs.append(type(exc).__name__.encode())
        assert outs[0] == outs[1], errors


# Message texts that are, or look like, deleted messages and missed calls: the
# C pass answers most of them itself (see quick_event in _fastread.c).
EVENT_TEXTS = [
    "This message was deleted",
    "THIS MESSAGE WAS DELETED",
    "  this message was deleted  ",
    "\u200eThis message was deleted",
    "This message was deleted\u200e",
    "You deleted this message",
    "Missed voice call",
    "Missed video call ",
    "missed Voice Call",
    "Ce message a été supprimé",
    "CE MESSAGE A ÉTÉ SUPPRIMÉ",
    "Bu mesaj silindi",
    "Diese Nachricht wurde gelöscht",
    "Esta mensagem foi apagada",
    "This message was deleted 😊",
    "😊 This message was deleted",
    "This message was deletes",
    "Tis message was deleted",
    "Missed voice cal",
    "Missed voice call!",
    "hey this message was deleted",
    "send me a pic now 😂 ok",
    "ok see you there lol 🔥",
    "Ｍissed voice call",
    "Miſſed voice call",
    "\u212aissed voice call",
    "ok",
    " ",
]


@pytest.mark.parametrize("body", EVENT_TEXTS)
def test_event_texts_are_told_the_same_both_ways(tmp_path: Path, body: str) -> None:
    _need_compiled()
    path = tmp_path / "chat.txt"
    lines = [f"05/01/2023, 10:{i:02d} - {'Sam Lee' if i % 2 else 'Alex Kim'}: {body}"
             for i in range(6)]
    path.write_text("\n".join(["05/01/2023, 09:00 - Alex Kim: hi", *lines]) + "\n",
                    encoding="utf-8")
    compiled, plain = _both(path)
    _same(compiled, plain)
    assert len({m.system_event for m in compiled.messages[1:]}) == 1


def test_case_folding_keeps_characters_past_ffff_past_it() -> None:
    # quick_event in _fastread.c answers "no event" for a text with such a
    # character (an emoji), which holds while no event text has one.
    assert whatsapp._EVENTS_BMP
    assert all(
        ord(x) > 0xFFFF for c in range(0x10000, 0x110000) for x in chr(c).casefold()
    )


def test_messages_read_in_c_are_left_out_of_the_cycle_collector(tmp_path: Path) -> None:
    # They hold only immutable values, so they cannot be in a cycle; what they
    # hold stays reachable through them.
    _need_compiled()
    import gc

    path = tmp_path / "chat.txt"
    path.write_text(
        "".join(f"05/01/2023, 10:{i:02d} - {'Sam' if i % 2 else 'Alex'}: hi {i}\n" for i in range(20)),
        encoding="utf-8",
    )
    with open_export(path, tz="UTC") as opened:
        streamed = list(opened.streams[0].messages())
    # (a sender's first message and the last one are built by the Python code:
    # tracked as usual while streamed; read_export's tuple leaves them out too,
    # see tests/importers/test_base_collect.py)
    assert [gc.is_tracked(m) for m in streamed] == [True, True] + [False] * 17 + [True]
    messages = read_export(path, tz="UTC").conversations[0].messages
    assert not any(gc.is_tracked(m) for m in messages)
    gc.collect()
    assert [m.text for m in messages] == [f"hi {i}" for i in range(20)]
    assert all(m.source.file_name == "chat.txt" and m.timestamp for m in messages)


@pytest.mark.parametrize("zone", ["UTC", "Etc/UTC", "utc-fixed", "Europe/Berlin"])
def test_times_are_written_as_isoformat_writes_them(zone: str) -> None:
    # Times in UTC are formatted by the C writer itself; others by isoformat().
    _need_compiled()
    from datetime import UTC
    from zoneinfo import ZoneInfo

    tz = UTC if zone == "utc-fixed" else ZoneInfo(zone)
    src = CASES[0].source
    msgs = [
        CASES[0].__class__(f"L{i}", "Sam", when.replace(tzinfo=tz), "hi", src)
        for i, when in enumerate(
            [datetime(2023, 3, 26, 1, 59, 59), datetime(2023, 3, 26, 3, 0),
             datetime(999, 1, 2, 3, 4, 5, 6), datetime(2024, 2, 29, 23, 59, 59, 999999)]
        )
    ]
    assert serialize._batch_writer("")(msgs, "") == "".join(
        ("" if i == 0 else ",\n") + serialize.message_json(m) for i, m in enumerate(msgs)
    )


def _blocky_export(newline: str) -> str:
    lines = ["stray text before the first message"]
    for i in range(40):
        who = "Sam Lee" if i % 3 else "Alex Kim"
        lines.append(f"[05/01/2023, 10:{i:02d}:00] {who}: café {i} 😊 " + "é" * (i * 7))
        if i % 4 == 0:
            lines.append(f"second line of {i} 日本")
        if i % 9 == 0:
            lines.append("This message was deleted")
    return newline.join(lines) + newline


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("chunk", [1, 7, 64, 300])
def test_the_read_block_size_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, newline: str, chunk: int
) -> None:
    # Blocks split multi-byte characters and CR LF pairs, and lines longer than
    # a block are joined; every message keeps its line number either way.
    _need_compiled()
    path = tmp_path / "chat.txt"
    path.write_bytes(_blocky_export(newline).encode("utf-8"))
    whole_c, whole_py = _both(path)
    monkeypatch.setattr(source, "_CHUNK", chunk)
    small_c, small_py = _both(path)
    _same(whole_c, whole_py)
    _same(small_c, whole_c)
    _same(small_py, whole_c)
    assert whole_c.warnings and whole_c.messages[-1].source.line == len(
        _blocky_export("\n").splitlines()
    )
