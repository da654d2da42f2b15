"""Intake: originals byte for byte, hashes, explicit images withheld, OCR, analysis."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from support.fakes import CHAT, ZONE, fake_tools, png
from unsnare.errors import ImportFormatError, InputError, UsageError
from unsnare.evidence import EventKind, Locker
from unsnare.evidence.intake import media_of


def _crashes(*args: object) -> object:
    raise RuntimeError("model crashed")


def _tiff() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, format="TIFF")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "media"),
    [
        ("a.bin", png(), "image"),
        ("a.jpg", b"\xff\xd8\xff\xe0rest", "image"),
        ("clip.bin", b"\x00\x00\x00\x18ftypmp42rest", "video"),
        ("photo.bin", b"\x00\x00\x00\x18ftypheicrest", "image"),
        ("x.zip", b"PK\x03\x04rest", "zip"),
        ("clip.mov", b"whatever", "video"),
        ("notes.txt", b"hello, this is plain text", "other"),
        ("scan.dat", _tiff(), "image"),
    ],
)
def test_media_sniffing(name: str, data: bytes, media: str) -> None:
    assert media_of(name, data) == media


def test_export_is_kept_byte_for_byte_and_parsed(locker: Locker, chat_file: Path) -> None:
    case = locker.new_case("case")
    result = case.add_export(chat_file, source="Sam's phone, emailed to himself", added_by="Sam")
    (item,) = result.items
    assert item.kind == "export" and item.stored
    assert item.sha256 == hashlib.sha256(CHAT.encode()).hexdigest()
    assert item.md5 == hashlib.md5(CHAT.encode()).hexdigest()
    assert (item.size, item.name, item.source, item.added_by) == (
        len(CHAT.encode()), "chat_export.txt", "Sam's phone, emailed to himself", "Sam")
    assert item.added_at.endswith("+01:00")
    assert case.read_original(item.id) == CHAT.encode()
    (conv,) = case.conversations()
    assert conv.item_id == item.id and conv.message_count == 4
    assert conv.risk == {"level": "high", "score": 0.9}
    assert case.conversation(conv.id).messages[2].text.startswith("I will send this")
    assert case.items()[0].conversation_ids == (conv.id,)
    actions = [e.action for e in case.custody_log()]
    assert actions == ["create", "add", "view"]
    add = case.custody_log()[1]
    assert add.details["sha256"] == item.sha256 and add.actor == "Sam"


def test_identifiers_are_linked_to_where_they_were_seen(locker: Locker, chat_file: Path) -> None:
    case = locker.new_case("case")
    case.add_export(chat_file)
    case.add_identifier("phone", "+44 7700 900123", platform="WhatsApp", where="profile shown")
    case.add_export(chat_file)  # the same handle seen twice is one identifier, two sightings
    idents = {i.value: i for i in case.identifiers()}
    assert set(idents) == {"@jordan.vale.77", "$quickcash4u", "+44 7700 900123"}
    assert len(idents["@jordan.vale.77"].seen) == 2
    assert idents["$quickcash4u"].seen[0]["message_ids"] == ["m4"]


def test_timeline_has_threats_demands_and_recorded_events(locker: Locker, chat_file: Path) -> None:
    case = locker.new_case("case")
    case.add_export(chat_file)
    case.add_event(EventKind.REPORT, platform="Instagram", reference="IG-5521-XK",
                   at=datetime(2026, 3, 3, 8, 0, tzinfo=ZONE), text="reported the account")
    case.add_event("payment", amount="50", currency="EUR", counterpart="$quickcash4u",
                   at=datetime(2026, 3, 2, 21, 50, tzinfo=ZONE))
    case.add_event("block", platform="Instagram", counterpart="@jordan.vale.77")
    kinds = [(e.kind, e.quote) for e in case.timeline()]
    assert kinds[:4] == [("threat", "send this to"), ("demand", "pay"), ("demand", "pay"),
                         ("payment", None)]
    assert ("report", None) in kinds and kinds[-1] == ("block", None)
    threat = case.timeline()[0]
    assert threat.sender == "Jordan Vale" and threat.cite == "chat_export.txt line 3"
    assert len(case.timeline(include_messages=True)) == len(kinds) + 4
    with pytest.raises(UsageError, match="zone"):
        case.add_event("report", at=datetime(2026, 3, 3, 8, 0))
    with pytest.raises(UsageError, match="Unknown event kind"):
        case.add_event("party")
    with pytest.raises(UsageError, match="Unknown event field"):
        case.add_event("report", colour="red")


def test_explicit_image_is_never_stored(locker: Locker) -> None:
    case = locker.new_case("case")
    picture = png(explicit=True)
    (item,) = case.add_file(data=picture, name="IMG_0042.png", source="sent by offender").items
    assert not item.stored and item.pdq == "f" * 64
    assert item.sha256 == hashlib.sha256(picture).hexdigest()
    assert "intimate" in (item.withheld_reason or "")
    assert any("intimate" in n.text and n.about == item.id for n in case.notes())
    assert not locker.store.keys(case.id, "blob")
    with pytest.raises(UsageError, match="not stored"):
        case.read_original(item.id)


@pytest.mark.parametrize(
    ("missing", "failure"),
    [("check_image", _crashes), ("hash_image", _crashes)],
)
def test_image_that_cannot_be_checked_is_not_stored(
    locker: Locker, missing: str, failure: object
) -> None:
    locker.tools = fake_tools(**{missing: failure})
    case = locker.new_case("case")
    (item,) = case.add_file(data=png(), name="pic.png").items
    assert item.stored is (missing == "hash_image")
    if missing == "hash_image":
        assert "PDQ" in item.warnings[0]


def test_video_is_kept_as_hashes_only(locker: Locker) -> None:
    case = locker.new_case("case")
    result = case.add_file(data=b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100, name="clip.mp4")
    assert result.items[0].kind == "video" and not result.items[0].stored
    assert "video" in result.messages[0]


def test_archive_with_an_explicit_picture_is_kept_member_by_member(
    locker: Locker, tmp_path: Path
) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("chat.txt", CHAT)
        zf.writestr("IMG-0001.png", png(explicit=True))
        zf.writestr("IMG-0002.png", png())
    path = tmp_path / "export.zip"
    path.write_bytes(buf.getvalue())
    case = locker.new_case("case")
    items = {i.name: i for i in case.add_file(path, kind="file").items}
    assert not items["export.zip"].stored
    assert items["export.zip/chat.txt"].stored
    assert not items["export.zip/IMG-0001.png"].stored
    assert items["export.zip/IMG-0002.png"].stored
    assert {i.parent for n, i in items.items() if n != "export.zip"} == {items["export.zip"].id}


def test_archive_without_media_is_kept_whole(locker: Locker, tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "hello")
    case = locker.new_case("case")
    (item,) = case.add_file(data=buf.getvalue(), name="n.zip").items
    assert item.stored and case.read_original(item.id) == buf.getvalue()


def test_screenshot_becomes_messages_linked_to_the_image(locker: Locker) -> None:
    case = locker.new_case("case")
    result = case.add_file(data=png(chat=True), name="Screenshot_2026.png")
    (item,) = result.items
    (conv,) = result.conversations
    assert item.kind == "screenshot" and item.stored and conv.item_id == item.id
    assert conv.derived_from == "ocr"
    assert case.conversation(conv.id).messages[0].source.file_sha256 == item.sha256
    assert [e.kind for e in case.timeline()] == ["demand"]


def test_plain_picture_is_an_image_without_conversation(locker: Locker) -> None:
    case = locker.new_case("case")
    result = case.add_file(data=png(), name="profile.png")
    assert result.items[0].kind == "image" and not result.conversations


def test_unreadable_export_named_as_export_fails_cleanly(locker: Locker, tmp_path: Path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_text("[2026-03-02T21:10:00+01:00] Jordan: hi\nnot a message line\n")
    case = locker.new_case("case")
    with pytest.raises(ImportFormatError, match="line 2"):
        case.add_export(bad)
    assert case.items() == [] and [e.action for e in case.custody_log()] == ["create"]
    result = case.add_file(bad)  # auto: kept as a plain file, with a clear message
    assert result.items[0].kind == "file" and "not a chat export" in result.messages[0]


def test_export_error_names_the_uploaded_file(locker: Locker) -> None:
    def strict(name: str, data: bytes, fmt: object, tz: object) -> object:
        raise ImportFormatError("bad line", file=name, line=2)

    locker.tools = fake_tools(read_upload=strict)
    case = locker.new_case("case")
    with pytest.raises(ImportFormatError) as caught:
        case.add_file(data=b"[x] hi", name="chat.txt", kind="export")
    assert caught.value.file == "chat.txt"


def test_analysis_failure_does_not_lose_the_evidence(locker: Locker, chat_file: Path) -> None:
    def broken(conv: object) -> dict[str, object]:
        raise RuntimeError("detector bug")

    locker.tools = fake_tools(analyze=broken)
    case = locker.new_case("case")
    result = case.add_export(chat_file)
    assert result.items[0].stored
    assert "Analysis failed" in (result.conversations[0].analysis_note or "")


def test_folder_export_keeps_every_file(locker: Locker, tmp_path: Path) -> None:
    folder = tmp_path / "dyi"
    (folder / "inbox").mkdir(parents=True)
    (folder / "inbox" / "a.txt").write_text("one")
    (folder / "b.txt").write_text("two")
    case = locker.new_case("case")
    result = case.add_file(folder, kind="file")
    assert sorted(i.name for i in result.items) == ["b.txt", "inbox/a.txt"]


def test_notes_plan_and_bad_input(locker: Locker, chat_file: Path) -> None:
    case = locker.new_case("case")
    (item,) = case.add_export(chat_file).items
    note = case.add_note("Sam showed me this on Tuesday", about=item.id[:5], author="Anna")
    assert note.about == item.id and case.notes()[0].author == "Anna"
    case.set_plan({"stop_contact": True, "report_platform": False})
    assert case.plan() == {"stop_contact": True, "report_platform": False}
    with pytest.raises(UsageError):
        case.add_note("  ")
    with pytest.raises(InputError, match="no such file"):
        case.add_file(Path("/nonexistent/file.txt"))
    with pytest.raises(UsageError, match="Unknown kind"):
        case.add_file(chat_file, kind="weird")
    assert [e.action for e in case.custody_log()][-2:] == ["annotate", "annotate"]


def test_conversation_round_trips_through_storage() -> None:
    from support.fakes import parse_chat
    from unsnare.evidence.compact import pack_conversation, unpack_conversation
    from unsnare.models import Attachment, Message, MessageKind, Reaction, Source, SystemEvent

    base = parse_chat(CHAT.encode(), "chat.txt")
    odd = Message("m9", None, None, "This message was deleted", Source("ab" * 32, "other.txt",
                  path="$.messages[3]"), kind=MessageKind.SYSTEM,
                  system_event=SystemEvent.DELETED, attachments=(Attachment("IMG-1.jpg",
                  "image/jpeg"),), reply_to="m1", edited=True,
                  edited_at=datetime(2026, 3, 2, 22, 0, tzinfo=ZONE), deleted=True,
                  reactions=(Reaction("😢", "p1"),))
    conv = base.__class__(**{**base.__dict__, "messages": (*base.messages, odd)})
    assert unpack_conversation(pack_conversation(conv)) == conv


@pytest.mark.parametrize(
    ("tactic", "kind"),
    [("threat_to_expose", "threat"), ("outing_threat", "threat"),
     ("self_harm_pressure", "threat"), ("payment_demand", "demand"), ("deadline", "demand"),
     ("escalating_demands", "demand"), ("image_request", "demand"), ("grooming", "finding"),
     ("exposure_threat", "threat"), ("hacking_claim", "finding")],
)
def test_tactics_map_to_timeline_kinds(tactic: str, kind: str) -> None:
    from unsnare.evidence.timeline import tactic_kind

    assert tactic_kind(tactic).value == kind


def test_video_file_is_hashed_in_chunks_and_not_stored(locker: Locker, tmp_path: Path) -> None:
    clip = tmp_path / "screen_recording.mp4"
    body = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 9000  # over one 1 MiB chunk
    clip.write_bytes(body)
    case = locker.new_case("case")
    (item,) = case.add_file(clip).items
    assert (item.kind, item.stored, item.size) == ("video", False, len(body))
    assert item.sha256 == hashlib.sha256(body).hexdigest()
    assert item.md5 == hashlib.md5(body).hexdigest()


def test_adding_the_same_file_twice_says_so(locker: Locker, chat_file: Path) -> None:
    case = locker.new_case("case")
    first = case.add_export(chat_file).items[0]
    again = case.add_export(chat_file)
    assert f"already added as item {first.id}" in again.messages[0]
    assert len(case.items()) == 2  # both intakes are on the record


def test_archive_videos_are_streamed_and_withheld(locker: Locker) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("chat.txt", CHAT)
        zf.writestr("VID-0001.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x01" * 5000)
    case = locker.new_case("case")
    items = {i.name: i for i in case.add_file(data=buf.getvalue(), name="e.zip").items}
    assert items["e.zip/VID-0001.mp4"].kind == "video"
    assert not items["e.zip/VID-0001.mp4"].stored
    assert items["e.zip/chat.txt"].stored


def test_locked_archive_with_pictures_is_not_stored(locker: Locker, tmp_path: Path) -> None:
    import pyzipper

    path = tmp_path / "locked.zip"
    with pyzipper.AESZipFile(path, "w", encryption=pyzipper.WZ_AES) as zf:
        zf.setpassword(b"secret123")
        zf.writestr("IMG-0001.jpg", png())
    case = locker.new_case("case")
    (item,) = case.add_file(path, kind="file").items
    assert not item.stored and "could not be checked" in (item.withheld_reason or "")


def test_a_non_picture_given_as_a_picture_is_refused(locker: Locker) -> None:
    case = locker.new_case("case")
    with pytest.raises(InputError, match="not a picture"):
        case.add_file(data=b"%PDF-1.4 statement", name="s.pdf", kind="image")
    assert case.items() == []
