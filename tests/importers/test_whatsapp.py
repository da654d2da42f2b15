"""WhatsApp importer: every language and layout fixture, and the awkward cases."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from unsnare.importers import read_export
from unsnare.models import MessageKind, SystemEvent

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"

WA = DATA / "whatsapp"

# fixture, written messages, system lines, senders, date order, first timestamp (UTC)
CASES = [
    (
        "android_en_12h.txt",
        7,
        3,
        ["Jordan Reyes", "DJ: Nova"],
        "month-first",
        "2024-02-13T21:01:00+00:00",
    ),
    ("ios_en.txt", 5, 2, ["Casey Morgan", "Alex Kim"], "day-first", "2021-10-14T15:34:09+00:00"),
    (
        "android_de.txt",
        3,
        3,
        ["Lena Vogt", "Mika Brandt"],
        "day-first",
        "2018-06-13T21:25:00+00:00",
    ),
    (
        "android_fr.txt",
        2,
        2,
        ["Élodie Martin", "Hugo Petit"],
        "day-first",
        "2021-04-28T21:25:00+00:00",
    ),
    ("ios_es.txt", 3, 1, ["Lucía Gómez", "Mateo Ruiz"], "day-first", "2021-04-28T21:25:15+00:00"),
    (
        "android_it.txt",
        3,
        1,
        ["Giulia Rossi", "Marco Bianchi"],
        "day-first",
        "2021-04-28T21:25:00+00:00",
    ),
    ("android_pt.txt", 2, 2, ["João Silva", "Ana Costa"], "day-first", "2021-04-28T21:25:00+00:00"),
    (
        "android_nl.txt",
        2,
        1,
        ["Daan de Vries", "Sanne Jansen"],
        "day-first",
        "2021-04-28T21:25:00+00:00",
    ),
    ("ios_fi.txt", 3, 0, ["Aino Virtanen", "Eero Laine"], "day-first", "2021-04-28T21:25:15+00:00"),
    (
        "android_ru.txt",
        2,
        2,
        ["Иван Петров", "Ольга Смирнова"],
        "day-first",
        "2021-04-28T21:25:00+00:00",
    ),
    (
        "android_tr.txt",
        2,
        2,
        ["Elif Yılmaz", "Can Demir"],
        "day-first",
        "2021-04-28T21:25:00+00:00",
    ),
    (
        "android_rtl_yearfirst.txt",
        3,
        0,
        ["نور", "Yael Cohen"],
        "year-first",
        "2023-05-01T10:00:00+00:00",
    ),
    (
        "android_switch.txt",
        4,
        0,
        ["Riley Park", "Quinn Hale"],
        "mixed",
        "2022-12-25T18:00:00+00:00",
    ),
    ("android_ambiguous.txt", 2, 0, ["Sky Bell"], "day-first", "2023-02-01T10:00:00+00:00"),
    (
        "ios_vi.txt",
        4,
        1,
        ["Nguyễn Minh Anh", "Trần Quốc Bảo"],
        "day-first",
        "2021-04-28T21:25:15+00:00",
    ),
    ("android_ar.txt", 4, 1, ["نور حسن", "سامي علي"], "day-first", "2021-04-28T21:25:00+00:00"),
    ("android_fa.txt", 3, 0, ["مریم رضایی", "علی کریمی"], "day-first", "2021-04-28T21:25:00+00:00"),
    (
        "android_en_dayperiod.txt",
        5,
        2,
        ["Priya Nair", "Rohan Das"],
        "day-first",
        "2021-04-28T10:35:00+00:00",
    ),
    (
        "ios_es_pm.txt",
        4,
        2,
        ["Lucía Gómez", "Mateo Ruiz"],
        "day-first",
        "2021-04-28T21:25:15+00:00",
    ),
    (
        "android_es_dayperiod.txt",
        4,
        0,
        ["Lucía Gómez", "Mateo Ruiz"],
        "day-first",
        "2021-04-28T09:25:00+00:00",
    ),
    (
        "android_fi_mixed.txt",
        4,
        2,
        ["Aino Virtanen", "Eero Laine"],
        "day-first",
        "2021-04-28T21:25:15+00:00",
    ),
    (
        "ios_de_bom.txt",
        5,
        3,
        ["Lena Vogt", "Mika Brandt"],
        "day-first",
        "2018-06-13T21:25:15+00:00",
    ),
    ("android_zh.txt", 3, 0, ["王小明", "李华"], "year-first", "2021-04-28T21:25:00+00:00"),
]

# How the reference parsers count each fixture: whatsapp-chat-parser makes one
# message of every header line (system lines too, author "System"); whatstk
# keeps only headers with "Name: " (system lines fold into the message before).
# Multi-line messages are one message; deleted and edited markers stay messages.
REFERENCE_COUNTS = {
    "ios_de_bom.txt": (8, 7),
    "android_de.txt": (6, 4),
    "ios_en.txt": (7, 6),
    "android_en_12h.txt": (10, 9),
    "android_fi_mixed.txt": (6, 5),
    "ios_vi.txt": (5, 5),
    "android_ar.txt": (5, 4),
    "android_en_dayperiod.txt": (7, 6),
    "ios_es_pm.txt": (6, 6),
}


@pytest.mark.parametrize(("name", "counts"), REFERENCE_COUNTS.items())
def test_counts_match_reference_parsers(name: str, counts: tuple[int, int]) -> None:
    conv = read_export(WA / name, tz="UTC").conversations[0]
    every_header, named_headers = counts
    assert len(conv.messages) == every_header
    assert sum(m.sender is not None for m in conv.messages) == named_headers


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("28/04/2021, 10:35 in the morning - A: x", "2021-04-28T10:35:00"),
        ("28/04/2021, 12:10 in the afternoon - A: x", "2021-04-28T12:10:00"),
        ("28/04/2021, 10:00 at night - A: x", "2021-04-28T22:00:00"),
        ("28/04/2021, 12:30 at night - A: x", "2021-04-28T00:30:00"),
        ("28/04/2021, 11:30 noon - A: x", "2021-04-28T11:30:00"),
        ("28/04/2021, 9:25 p. m. - A: x", "2021-04-28T21:25:00"),
        ("28/04/2021, 9:25 P.M. - A: x", "2021-04-28T21:25:00"),
        ("28/04/2021, 9:25 du soir - A: x", "2021-04-28T21:25:00"),
        ("28/04/2021, 9:25 da manhã - A: x", "2021-04-28T09:25:00"),
        ("٢٨/٠٤/٢٠٢١, ٩:٢٥ م - A: x", "2021-04-28T21:25:00"),
        ("[21:25:15 28/04/2021] A: x", "2021-04-28T21:25:15"),
        ("2021. 4. 28. 오후 9:25 - A: x", "2021-04-28T21:25:00"),
        ("28.04.21 klo 9.25.15 - A: x", "2021-04-28T09:25:15"),
    ],
)
def test_header_variants(tmp_path: Path, line: str, expected: str) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(line + "\n", encoding="utf-8")
    (msg,) = read_export(path, tz="UTC").conversations[0].messages
    assert msg.sender == "A" and msg.text == "x"
    assert msg.timestamp is not None
    assert msg.timestamp.replace(tzinfo=None).isoformat() == expected


@pytest.mark.parametrize(("name", "written", "system", "senders", "order", "first"), CASES)
def test_fixture_reads_as_expected(
    name: str, written: int, system: int, senders: list[str], order: str, first: str
) -> None:
    result = read_export(WA / name, tz="UTC")
    assert result.format == "whatsapp"
    (conv,) = result.conversations
    kinds = [m.kind for m in conv.messages]
    assert kinds.count(MessageKind.MESSAGE) == written
    assert kinds.count(MessageKind.SYSTEM) == system
    assert [p.name for p in conv.participants] == senders
    assert conv.date_order == order
    assert conv.timezone == "UTC" and conv.timezone_assumed
    assert conv.messages[0].timestamp is not None
    assert conv.messages[0].timestamp.isoformat() == first


def test_awkward_android_lines() -> None:
    conv = read_export(WA / "android_en_12h.txt", tz="America/Chicago").conversations[0]
    by_id = {m.id: m for m in conv.messages}
    assert by_id["L1"].system_event is SystemEvent.ENCRYPTION_NOTICE
    assert by_id["L2"].text == "hey, saw your profile 😊"
    assert by_id["L3"].sender == "DJ: Nova" and by_id["L3"].text == "who is this?"
    # A continuation line and a message body that look like headers stay text.
    assert by_id["L4"].text == "we met at the match\nremember? 2/13/24, 9:00 PM - that was me"
    assert by_id["L6"].text == "2/13/24, 9:00 PM - Jordan Reyes: this looks like a header"
    att = by_id["L7"].attachments[0]
    assert (att.file_name, att.media_type, att.present) == (
        "IMG-20240213-WA0003.jpg",
        "image/jpeg",
        False,
    )
    assert by_id["L7"].text == "is this you"
    assert by_id["L9"].attachments[0].file_name == "" and by_id["L9"].text == ""
    assert by_id["L10"].deleted and by_id["L10"].system_event is SystemEvent.DELETED
    assert by_id["L11"].edited and by_id["L11"].text == "ok fine"
    assert by_id["L12"].system_event is SystemEvent.CALL
    assert str(by_id["L2"].timestamp) == "2024-02-13 21:02:00-06:00"


def test_ios_marks_and_multiline() -> None:
    conv = read_export(WA / "ios_en.txt", tz="UTC").conversations[0]
    texts = [m.text for m in conv.messages]
    assert "line one\nline two" in texts
    assert not any(t.startswith("\u200e") for t in texts)
    image = next(
        m for m in conv.messages if m.attachments and m.attachments[0].media_type == "image"
    )
    assert image.attachments[0].present is False
    attached = next(m for m in conv.messages if m.attachments and m.attachments[0].file_name)
    assert attached.attachments[0].file_name == "00000042-PHOTO-2021-10-14-15-37-12.jpg"


def test_date_switch_reads_each_part_in_its_own_order() -> None:
    conv = read_export(WA / "android_switch.txt", tz="UTC").conversations[0]
    days = [m.timestamp.date().isoformat() for m in conv.messages if m.timestamp]
    assert days == ["2022-12-25", "2023-01-03", "2023-01-04", "2023-01-15"]
    assert conv.notes


def test_orphan_and_impossible_lines_become_warnings() -> None:
    result = read_export(WA / "android_orphan.txt", tz="UTC")
    codes = {(w.code, w.line) for w in result.warnings}
    assert {("orphan_line", 1), ("impossible_date", 3)} <= codes
    (msg,) = result.conversations[0].messages
    assert msg.text == "hi\n32/13/2023, 21:06 - Taylor Quinn: not a real date"


def test_zip_with_media_hashes_present_files(tmp_path: Path) -> None:
    photo = b"\xff\xd8invented-jpeg-bytes"
    chat = (
        "[14/10/2021, 15:37:12] Casey Morgan: \u200e<attached: 00000042-PHOTO-2021-10-14-15-37-12.jpg>\n"
        "[14/10/2021, 15:38:00] Casey Morgan: \u200e<attached: 00000043-VIDEO-2021-10-14-15-38-00.mp4>\n"
    )
    path = tmp_path / "WhatsApp Chat - Casey Morgan.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("_chat.txt", chat)
        zf.writestr("00000042-PHOTO-2021-10-14-15-37-12.jpg", photo)
    result = read_export(path, tz="UTC")
    conv = result.conversations[0]
    first, second = (m.attachments[0] for m in conv.messages)
    assert first.present and first.sha256 == hashlib.sha256(photo).hexdigest()
    assert first.media_type == "image/jpeg"
    assert not second.present and second.sha256 is None
    assert conv.source_files[0].name == path.name
    assert conv.messages[0].source.file_name.endswith("/_chat.txt")


def test_forty_thousand_line_export(tmp_path: Path) -> None:
    lines = []
    for i in range(20_000):
        day = 1 + (i // 1000) % 28
        lines.append(f"{day:02d}/03/2022, {i % 24:02d}:{i % 60:02d} - Person {i % 3}: message {i}")
        lines.append(f"continued line {i}")
    path = tmp_path / "big.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    conv = read_export(path, tz="UTC").conversations[0]
    assert len(conv.messages) == 20_000
    assert conv.messages[-1].text == "message 19999\ncontinued line 19999"
    assert conv.messages[-1].source.line == 39_999
    assert not conv.warnings


def test_source_file_is_not_modified(tmp_path: Path) -> None:
    src = WA / "android_de.txt"
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    conv = read_export(src, tz="UTC").conversations[0]
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    assert all(m.source.file_sha256 == before for m in conv.messages)


def test_unzipped_folder_with_media(tmp_path: Path) -> None:
    (tmp_path / "WhatsApp Chat with Sam Lee.txt").write_text(
        "13/03/2023, 09:16 - Sam Lee: IMG-20230313-WA0001.jpg (file attached)\n", encoding="utf-8"
    )
    (tmp_path / "IMG-20230313-WA0001.jpg").write_bytes(b"\xff\xd8 invented")
    conv = read_export(tmp_path, tz="UTC").conversations[0]
    assert conv.title == "Sam Lee"
    assert conv.messages[0].attachments[0].present


# raw file text, expected (line, sender, text) per message
LINE_ENDINGS = [
    (
        "01/13/2023, 10:00 - A: x\r\nmore\r\n01/13/2023, 10:01 - B: y",
        [(1, "A", "x\nmore"), (3, "B", "y")],
    ),
    ("01/13/2023, 10:00 - A: x\n\n\n01/13/2023, 10:01 - B: y\n\n", [(1, "A", "x"), (4, "B", "y")]),
    ("\ufeff01/13/2023, 10:00 - A: x\u2028same line\n", [(1, "A", "x\u2028same line")]),
    (
        "01/13/2023, 10:00 - A: x\r\n01/13/2023, 10:01 - B: \u200fשלום\r\n",
        [(1, "A", "x"), (2, "B", "שלום")],
    ),
]


@pytest.mark.parametrize(("raw", "expected"), LINE_ENDINGS)
def test_line_endings_and_marks(
    tmp_path: Path, raw: str, expected: list[tuple[int, str, str]]
) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(raw.encode("utf-8"))
    conv = read_export(path, tz="UTC").conversations[0]
    assert [(m.source.line, m.sender, m.text) for m in conv.messages] == expected
