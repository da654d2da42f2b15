"""Taking files into a case: hash, check, store (or withhold), parse, analyse.

Every intake records SHA-256, MD5, size, original name, where it came from,
who added it and when. Images pass the on-device nudity check first: one that
may be intimate, or that cannot be checked, is never stored, only its hashes
and a note saying why. Videos cannot be checked here, so they are never
stored either. An archive holding such media is kept member by member, so
the rest of it is still kept byte for byte.
"""

from __future__ import annotations

import hashlib
import io
import json
import secrets
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypedDict

from PIL import Image, UnidentifiedImageError

from unsnare.errors import InputError, UsageError
from unsnare.evidence.compact import pack_conversation
from unsnare.evidence.custody import Action, timestamp
from unsnare.evidence.records import IntakeKind, Item, ItemKind, StoredConversation, build
from unsnare.evidence.recordstore import RecordStore
from unsnare.evidence.tools import Toolkit, file_digests
from unsnare.media import IMAGE_SUFFIXES, VIDEO_SUFFIXES, MediaKind
from unsnare.models import Conversation

_IMAGE_BRANDS = (b"heic", b"heix", b"mif1", b"msf1", b"avif", b"hevc")
# One file inside an archive is read into memory to be checked; beyond this, ask
# the person to unpack it (videos are streamed and exempt).
MAX_MEMBER_BYTES = 1 << 30
# Real files deflate far less than this; a member that claims more is a zip bomb.
MAX_ZIP_RATIO = 100
# What reading a damaged zip member raises (zlib: a corrupted deflate stream).
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError)

VIDEO_REASON = (
    "This video was not stored: videos cannot be checked for intimate content on this "
    "device, and Unsnare never keeps an intimate image. Its fingerprints (SHA-256, MD5) "
    "and details were kept."
)


@dataclass(frozen=True)
class IntakeResult:
    """What one `add_file` call added, and anything the person should know."""

    items: tuple[Item, ...]
    conversations: tuple[StoredConversation, ...]
    messages: tuple[str, ...]


def media_of(name: str, data: bytes) -> MediaKind:
    """Image, video, zip or other, from the magic bytes first and then the name."""
    head = data[:16]
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        return MediaKind.IMAGE
    if head[4:8] == b"ftyp":
        return MediaKind.IMAGE if head[8:12] in _IMAGE_BRANDS else MediaKind.VIDEO
    if head[:4] == b"\x1aE\xdf\xa3":
        return MediaKind.VIDEO
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return MediaKind.ZIP
    suffix = Path(name).suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return MediaKind.IMAGE
    if suffix in VIDEO_SUFFIXES:
        return MediaKind.VIDEO
    return MediaKind.IMAGE if _pillow_knows(data) else MediaKind.OTHER


def _pillow_knows(data: bytes) -> bool:
    """True when Pillow recognises the bytes as a picture (TIFF, ICO, PSD, ...).

    Any picture format must reach the nudity check, not only the common ones.
    """
    if len(data) < 16:
        return False
    try:
        with Image.open(io.BytesIO(data)):
            return True
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return False
    except Exception:  # noqa: BLE001 - a plug-in choking on odd bytes: not a picture
        return False


class IntakeOptions(TypedDict, total=False):
    """The keyword arguments of `add_file` that `Case.add_file` passes through."""

    data: bytes | None
    name: str | None
    kind: IntakeKind | str
    source: str | None
    added_by: str | None
    fmt: str | None
    tz: str | None
    analyze: bool


class _Intake:
    def __init__(self, records: RecordStore, tools: Toolkit, source: str, actor: str,
                 analyze: bool) -> None:
        self.records = records
        self.tools = tools
        self.source = source
        self.actor = actor
        self.analyze = analyze
        self.items: list[Item] = []
        self.conversations: list[StoredConversation] = []
        self.messages: list[str] = []
        self.known = {old.sha256: old.id for old in records.items()}

    def _record(self, record_id: str) -> dict[str, Any]:
        record = self.records.get(record_id)
        assert record is not None  # written by this intake, in this same change
        return record

    def _item(
        self, data: bytes | None, name: str, kind: ItemKind,
        digests: tuple[str, str, int] | None = None, **extra: Any,
    ) -> dict[str, Any]:
        if digests is None:
            assert data is not None
            digests = (*file_digests(data), len(data))
        sha256, md5, size = digests
        if sha256 in self.known:
            self.messages.append(
                f"{name}: the same file was already added as item {self.known[sha256]}."
            )
        item_id = "i" + secrets.token_hex(4)
        self.known.setdefault(sha256, item_id)
        return {"type": "item", "id": item_id, "kind": kind.value,
                "name": name, "sha256": sha256, "md5": md5, "size": size,
                "source": self.source, "added_by": self.actor,
                "added_at": timestamp(self.records.now()), "stored": False, "blob": None,
                "conversation_ids": [], "warnings": [], **extra}

    def _commit(self, record: dict[str, Any], data: bytes | None) -> Item:
        if data is not None:
            record["blob"] = self.records.put_blob(data)
            record["stored"] = True
        self.records.put(record)
        details = {k: record[k] for k in ("kind", "name", "sha256", "md5", "size", "source",
                                          "stored", "media_type", "parent", "pdq")
                   if record.get(k) is not None}
        for extra in ("withheld_reason", "nudity_check"):
            if record.get(extra):
                details[extra] = record[extra]
        self.records.log(Action.ADD, subject=record["id"], details=details, actor=self.actor)
        item = build(Item, record)
        self.items.append(item)
        return item

    def _withhold_note(self, record: dict[str, Any]) -> None:
        text = f"{record['name']}: {record['withheld_reason']}"
        self.messages.append(text)
        note = {"type": "note", "id": "n" + secrets.token_hex(4), "text": text,
                "author": "Unsnare", "at": timestamp(self.records.now()), "about": record["id"]}
        self.records.put(note)

    def image(self, data: bytes, name: str, kind: IntakeKind, parent: str | None) -> Item:
        """Hash and check a picture; keep it (and read it as a screenshot) only if safe."""
        tools = self.tools
        record = self._item(data, name, ItemKind.SCREENSHOT if kind == IntakeKind.SCREENSHOT
                            else ItemKind.IMAGE, parent=parent)
        try:
            record.update(tools.hash_image(data, name))
        except Exception as exc:  # noqa: BLE001 - the hash is extra; the intake goes on
            record["warnings"].append(f"perceptual hash (PDQ) not computed: {exc}")
        try:
            verdict = tools.check_image(data, name)
            explicit, reason = verdict.explicit, verdict.note
            record["nudity_check"] = {"score": verdict.score, "model": verdict.model}
        except Exception as exc:  # noqa: BLE001 - whatever failed, an unchecked picture is not kept
            explicit = True
            reason = ("This picture was not stored because it could not be checked for "
                      f"intimate content on this device ({exc}). Only its fingerprints "
                      "(hashes) and details were kept.")
        if explicit:
            record["withheld_reason"] = reason
            self._withhold_note(record)
            return self._commit(record, None)
        conv = None
        if kind in (IntakeKind.AUTO, IntakeKind.SCREENSHOT):
            try:
                conv = tools.read_screenshot(data, name, record["sha256"])
            except Exception as exc:  # noqa: BLE001 - the picture is kept even if OCR fails
                if kind == IntakeKind.SCREENSHOT:
                    self.messages.append(f"{name}: the text could not be read ({exc}).")
            if conv is not None and not conv.messages:
                conv = None
        if conv is not None:
            record["kind"] = ItemKind.SCREENSHOT.value
        item = self._commit(record, data)
        if conv is not None:
            self.conversation(conv, item.id, "ocr")
        return item

    def archive(self, data: bytes, name: str, parent: str | None) -> tuple[Item, bool]:
        """Store a zip whole when it holds no risky media, else member by member."""
        record = self._item(data, name, ItemKind.FILE, parent=parent)
        members: list[zipfile.ZipInfo] = []
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
            members = [m for m in zf.infolist() if not m.is_dir()]
            # Look at each member's first bytes only: an archive may unpack to far
            # more than memory holds.
            media = {m.filename: media_of(m.filename, _head(zf, m)) for m in members}
        except (RuntimeError, NotImplementedError, OSError, *_DAMAGED):
            # Encrypted, exotic or damaged members cannot be checked; judge by their
            # names (a damaged member named like a picture may still hold one).
            named = [m.filename for m in members if media_of(m.filename, b"") != "other"]
            if named:
                record["withheld_reason"] = (
                    f"This archive is locked, damaged or cannot be opened here, and it holds "
                    f"{len(named)} picture(s) or video(s) that could not be checked, so it was "
                    "not stored. Its fingerprints and details were kept."
                )
                self._withhold_note(record)
                return self._commit(record, None), False
            return self._commit(record, data), True
        risky = [n for n, kind in media.items() if kind in (MediaKind.IMAGE, MediaKind.VIDEO)]
        if not risky:
            return self._commit(record, data), True
        record["withheld_reason"] = (
            f"This archive holds {len(risky)} picture(s) or video(s), so it was not kept as a "
            "whole; each file inside was added on its own, and pictures that may be intimate "
            "(or cannot be checked) were kept only as fingerprints."
        )
        record["warnings"].append(record["withheld_reason"])
        container = self._commit(record, None)
        with zf:
            for m in members:
                self._member(zf, m, name, media[m.filename], container.id)
        return container, False

    def _member(
        self, zf: zipfile.ZipFile, m: zipfile.ZipInfo, name: str, kind: MediaKind, parent: str
    ) -> None:
        member_name = f"{name}/{m.filename}"
        try:
            if kind == MediaKind.VIDEO:
                with zf.open(m) as fh:
                    self.video_stream(fh, member_name, parent)
                return
            if m.file_size > MAX_MEMBER_BYTES:
                raise InputError(
                    f"{m.filename} inside the archive is too large to check "
                    f"({m.file_size} bytes).", file=name,
                    hint="Unpack the archive and add its files one by one.")
            if m.file_size > 16 * 1024**2 and m.file_size > MAX_ZIP_RATIO * m.compress_size:
                raise InputError(
                    f"{m.filename} inside the archive would expand from {m.compress_size} to "
                    f"{m.file_size} bytes, far more than real files compress.", file=name,
                    hint="This archive looks built to fill the computer's memory; "
                    "add the files it should hold one by one.")
            data = zf.read(m)
        except _DAMAGED as exc:
            raise InputError(
                f"{m.filename} inside the archive is damaged and cannot be read ({exc}).",
                file=name,
                hint="Copy or download the archive again; the files before it were added.",
            ) from None
        self.single(data, member_name, IntakeKind.FILE, parent)

    def video_file(self, path: Path, name: str) -> Item:
        """A video on disk: hashed in chunks (it may be gigabytes), never stored."""
        try:
            with path.open("rb") as fh:
                return self.video_stream(fh, name, None)
        except OSError as exc:
            raise InputError(f"The file cannot be read: {exc.strerror}.", file=str(path)) from None

    def video_stream(self, fh: IO[bytes], name: str, parent: str | None) -> Item:
        """Hash a video from a stream and record it without storing it."""
        sha, md5 = hashlib.sha256(), hashlib.md5(usedforsecurity=False)
        size = 0
        while chunk := fh.read(1 << 20):
            sha.update(chunk)
            md5.update(chunk)
            size += len(chunk)
        return self._withhold_video(
            self._item(None, name, ItemKind.VIDEO, (sha.hexdigest(), md5.hexdigest(), size),
                       parent=parent)
        )

    def _withhold_video(self, record: dict[str, Any]) -> Item:
        record["withheld_reason"] = VIDEO_REASON
        self._withhold_note(record)
        return self._commit(record, None)

    def single(self, data: bytes, name: str, kind: IntakeKind, parent: str | None) -> Item:
        """Take in one file by what its bytes are: picture, video, archive or other."""
        media = media_of(name, data)
        if media == MediaKind.IMAGE:
            return self.image(data, name, kind, parent)
        if kind in (IntakeKind.IMAGE, IntakeKind.SCREENSHOT):
            raise InputError("This file is not a picture Unsnare recognises.", file=name,
                             hint="Add it with --kind file (or kind='file').")
        if media == MediaKind.VIDEO:
            return self._withhold_video(self._item(data, name, ItemKind.VIDEO, parent=parent))
        if media == MediaKind.ZIP:
            return self.archive(data, name, parent)[0]
        item_kind = ItemKind.MEMBER if parent else ItemKind.FILE
        return self._commit(self._item(data, name, item_kind, parent=parent), data)

    def conversation(self, conv: Conversation, item_id: str, derived_from: str,
                     zone_given: bool = False) -> None:
        """Seal a parsed conversation, analyse it, and link it to its item."""
        data = pack_conversation(conv)
        blob = self.records.put_blob(json.dumps(data, ensure_ascii=False).encode(), compress=True)
        stamps = [m.timestamp for m in conv.messages if m.timestamp is not None]
        record: dict[str, Any] = {
            "type": "conversation", "id": "v" + secrets.token_hex(4), "item_id": item_id,
            "derived_from": derived_from, "source_id": conv.id, "platform": conv.platform,
            "format": conv.format, "title": conv.title,
            "participants": [{"id": p.id, "name": p.name, "handle": p.handle,
                              "is_owner": p.is_owner} for p in conv.participants],
            "message_count": len(conv.messages),
            "first_at": min(stamps).isoformat() if stamps else None,
            "last_at": max(stamps).isoformat() if stamps else None,
            "timezone": conv.timezone, "timezone_assumed": conv.timezone_assumed,
            "timezone_given": zone_given and conv.timezone_assumed,
            "messages_blob": blob, "analysis": None,
            "warnings": [f"{w.where()}: {w.message}".lstrip(": ") for w in conv.warnings],
        }
        if self.analyze:
            self._analyse(conv, record)
        self.records.put(record)
        parent = self._record(item_id)
        parent["conversation_ids"] = [*parent.get("conversation_ids", []), record["id"]]
        self.records.replace(parent)
        self.conversations.append(build(StoredConversation, record))

    def _analyse(self, conv: Conversation, record: dict[str, Any]) -> None:
        try:
            report = self.tools.analyze(conv)
        except Exception as exc:  # noqa: BLE001 - evidence intake must not fail on analysis
            record["analysis_note"] = f"Analysis failed ({type(exc).__name__}: {exc})."
            self.messages.append(f"{conv.title or conv.id}: {record['analysis_note']}")
            return
        record["analysis"] = self.records.put_blob(json.dumps(report).encode(), compress=True)
        record["risk"] = report.get("risk")
        record["scheme"] = report.get("scheme")
        record["stage"] = report.get("stage")
        for ident in report.get("identifiers") or []:
            self.records.put({
                "type": "identifier", "id": "d" + secrets.token_hex(4),
                "kind": ident.get("kind"), "value": ident.get("value"),
                "normalized": ident.get("normalized") or ident.get("value"),
                "platform": ident.get("platform"),
                "seen": [{"item_id": record["item_id"], "conversation_id": record["id"],
                          "message_ids": list(ident.get("message_ids") or [])}],
            })


def _head(zf: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    with zf.open(member) as fh:
        return fh.read(16)


def _is_video(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return media_of(path.name, head) == MediaKind.VIDEO


def _read_path(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"The file cannot be read: {exc.strerror}.", file=str(path)) from None


def add_file(
    records: RecordStore,
    tools: Toolkit,
    path: Path | None,
    *,
    data: bytes | None = None,
    name: str | None = None,
    kind: IntakeKind | str = IntakeKind.AUTO,
    source: str | None = None,
    added_by: str | None = None,
    fmt: str | None = None,
    tz: str | None = None,
    analyze: bool = True,
) -> IntakeResult:
    """Add one file (or a folder of files) to the case in one atomic write."""
    try:
        kind = IntakeKind(kind)
    except ValueError:
        raise UsageError(f"Unknown kind '{kind}'.",
                         hint=f"Use one of: {', '.join(IntakeKind)}.") from None
    if (path is None) == (data is None):
        raise UsageError("Give either a path or the file's bytes (with a name).")
    if path is not None and not path.exists():
        raise InputError("There is no such file.", file=str(path),
                         hint="Check the path and try again.")
    if fmt is not None and kind == IntakeKind.AUTO:
        kind = IntakeKind.EXPORT  # naming a format means "read this as a chat", so say if it is not
    actor = added_by or records.actor
    where = source or (f"file {path}" if path is not None else "uploaded")
    intake = _Intake(records, tools, where, actor, analyze)
    with records.writing():
        if path is not None and path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            if not files:
                raise InputError("The folder is empty.", file=str(path))
            for p in files:
                intake.single(_read_path(p), str(p.relative_to(path)), IntakeKind.FILE, None)
            holder = None
        elif path is not None and kind in (IntakeKind.AUTO, IntakeKind.FILE) and _is_video(path):
            holder = intake.video_file(path, name or path.name)
        else:
            if data is not None:
                blob = data
            else:
                assert path is not None  # checked above: a path or bytes, never neither
                blob = _read_path(path)
            holder = intake.single(blob, name or (path.name if path else "upload"), kind, None)
        kept_whole = holder is None or holder.kind in (ItemKind.FILE, ItemKind.MEMBER)
        if kind in (IntakeKind.AUTO, IntakeKind.EXPORT) and kept_whole:
            _import(intake, path, data, name, kind, fmt, tz, holder)
    return IntakeResult(tuple(intake.items), tuple(intake.conversations), tuple(intake.messages))


def _import(
    intake: _Intake, path: Path | None, data: bytes | None, name: str | None,
    kind: IntakeKind, fmt: str | None, tz: str | None, holder: Item | None,
) -> None:
    tools = intake.tools
    try:
        if path is None:
            # Read from memory: a copy on disk would stay there in clear after a crash.
            reading = tools.read_upload(Path(name or "upload").name, data or b"", fmt, tz)
        else:
            reading = tools.read_export(path, fmt, tz)
    except (InputError, UsageError) as exc:
        if kind == IntakeKind.EXPORT:
            raise
        intake.messages.append(
            f"Kept as a file; it is not a chat export Unsnare reads ({exc.message})."
        )
        return
    if not reading.conversations and kind == IntakeKind.EXPORT:
        raise InputError("No conversation was found in this export.", file=str(path or name))
    fallback = holder.id if holder is not None else intake.items[0].id
    for conv in reading.conversations:
        # Link to the exact file the messages came from when it was kept on its
        # own (a folder export, or an archive kept member by member).
        shas = {f.sha256 for f in conv.source_files}
        item_id = next((i.id for i in intake.items if i.sha256 in shas), fallback)
        intake.conversation(conv, item_id, f"import:{reading.format}", zone_given=tz is not None)
        record = intake._record(item_id)
        if record["kind"] in (ItemKind.FILE, ItemKind.MEMBER):
            record["kind"] = ItemKind.EXPORT.value
            record["warnings"] = [*record.get("warnings", []), *reading.warnings]
            intake.records.replace(record)
    intake.items[:] = [build(Item, intake._record(i.id)) for i in intake.items]
    intake.messages.extend(reading.warnings[:20])
