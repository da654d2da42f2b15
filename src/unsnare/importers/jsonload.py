"""Loading the JSON documents of an export, with errors that say where and why."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, tzinfo
from typing import IO, Any

import ijson  # type: ignore[import-untyped]

from unsnare.errors import ImportFormatError, InputError, Offer
from unsnare.importers.jsonguard import READ_SIZE, JsonShapeGuard
from unsnare.importers.source import READ_ERRORS, ExportSource

# JSON exports are parsed whole, which needs several times their size in
# memory; beyond this we stop and explain rather than exhaust the machine.
MAX_JSON_BYTES = 256 * 1024**2
_GUARD_STEP = 1024**2


def find_export_json(src: ExportSource, basename: str) -> str | None:
    """The one file given, or the `basename` member nearest the top of the export."""
    if src.kind == "file":
        return src.names()[0]
    found = src.find(basename)
    return sorted(found, key=len)[0] if found else None


def require_export_json(src: ExportSource, basename: str, hint: str, *,
                        option: str | None = None, offer: Offer = Offer.PICK) -> str:
    """`find_export_json`, or an error saying the export has no `basename`
    (`option`, `offer`: the hint's structured option, as `UnsnareError` takes them)."""
    member = find_export_json(src, basename)
    if member is None:
        raise ImportFormatError(f"there is no {basename} here", file=str(src.path), hint=hint,
                                option=option, offer=offer)
    return member


def load_json(src: ExportSource, name: str) -> Any:
    """Parse one JSON member (BOM allowed), naming the line of a syntax error."""
    if src.size(name) > MAX_JSON_BYTES:
        raise InputError(
            f"this JSON file is {src.size(name) / 1024**2:.0f} MB; Unsnare reads JSON exports "
            f"up to {MAX_JSON_BYTES // 1024**2} MB",
            file=src.display_name(name),
            hint="export a shorter date range, or one chat at a time",
        )
    data = src.read_bytes(name)
    guard = JsonShapeGuard(src.display_name(name))
    for start in range(0, len(data), _GUARD_STEP):
        guard.feed(data[start : start + _GUARD_STEP])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            "this JSON file is not UTF-8 text",
            file=src.display_name(name),
            line=line,
            hint="use the file exactly as the platform exported it",
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"this JSON is broken or cut short ({exc.msg}, column {exc.colno})",
            file=src.display_name(name),
            line=exc.lineno,
            hint="download or copy the export again; an interrupted copy cuts a file short",
        ) from None


class _GuardedReader:
    """A read-only view of a byte stream without a leading UTF-8 BOM (yajl rejects it).

    Every byte passes a `JsonShapeGuard` on its way to the parser.
    """

    def __init__(self, src: ExportSource, name: str, f: IO[bytes]) -> None:
        self._src, self._name, self._f = src, name, f
        file = src.display_name(name)
        self._guard = JsonShapeGuard(file)
        head = self._read(3)
        self._head = head[3:] if head.startswith(b"\xef\xbb\xbf") else head

    def read(self, n: int = -1) -> bytes:
        if n == 0:  # ijson probes with read(0) to learn bytes from text
            return b""
        if self._head:
            out, self._head = self._head, b""
            out += self._read(n - len(out) if n > 0 else -1) if n < 0 or n > len(out) else b""
        else:
            out = self._read(n)
        self._guard.feed(out)
        if self._guard.open_string() > len(out):
            # A long string spans reads: hand it over whole (see READ_SIZE).
            parts = [out]
            while self._guard.open_string() and (more := self._read(READ_SIZE)):
                self._guard.feed(more)
                parts.append(more)
            out = b"".join(parts)
        return out

    def _read(self, n: int) -> bytes:
        try:
            return self._f.read(n)
        except READ_ERRORS as exc:
            raise self._src.damaged(self._name, exc) from None


def _broken(src: ExportSource, name: str, exc: Exception, where: str) -> ImportFormatError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ImportFormatError(
        f"this JSON is broken or cut short after {where} ({first})",
        file=src.display_name(name),
        hint="download or copy the export again; an interrupted copy cuts a file short",
    )


def stream_items(src: ExportSource, name: str, prefix: str) -> Iterator[Any]:
    """Yield the values at an ijson `prefix` (e.g. ``messages.item``) one at a time.

    Large exports are never held whole: memory is bounded by one item.
    """
    with src.open(name) as raw:
        count = 0
        try:
            for item in ijson.items(
                _GuardedReader(src, name, raw),
                prefix,
                use_float=True,
            ):
                yield item
                count += 1
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            raise _broken(src, name, exc, f"item {count} of '{prefix}'") from None


def stream_members(src: ExportSource, name: str) -> Iterator[tuple[str, Any]]:
    """Yield (key, value) of a top-level JSON object one member at a time."""
    with src.open(name) as raw:
        count = 0
        try:
            for key, value in ijson.kvitems(_GuardedReader(src, name, raw), "", use_float=True):
                yield key, value
                count += 1
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            raise _broken(src, name, exc, f"member {count} of the top level") from None


def read_header(src: ExportSource, name: str, stop: tuple[str, ...]) -> tuple[dict[str, Any], str]:
    """The top-level fields before the first key in `stop`, and which stop key was met.

    Reading ends there, so a large list after the header is never parsed
    here. Returns ``""`` as the key when none of `stop` occurs.
    """
    out: dict[str, Any] = {}
    key: str | None = None
    builder: Any = None
    hit = ""
    with src.open(name) as raw:
        try:
            for prefix, event, value in ijson.parse(_GuardedReader(src, name, raw), use_float=True):
                if prefix == "" and event in ("map_key", "end_map"):
                    if builder is not None and key is not None:
                        out[key] = builder.value
                    builder = None
                    if event == "end_map":
                        break
                    if value in stop:
                        hit = value
                        break
                    key, builder = value, ijson.ObjectBuilder()
                elif builder is not None:
                    builder.event(event, value)
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            raise _broken(src, name, exc, "the first fields") from None
    return out, hit


def sniff_json_head(src: ExportSource, name: str, *keys: str) -> bool:
    """Whether a member starts like JSON and mentions every one of `keys` early on."""
    return sniff_json_any(src, name, keys)


def sniff_json_any(src: ExportSource, name: str, *key_sets: tuple[str, ...]) -> bool:
    """Whether a member starts like JSON and mentions all keys of one of `key_sets` early on.

    The head is read once for all the sets.
    """
    head = src.head(name, 16384)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith((b"{", b"[")):
        return False
    return any(all(f'"{k}"'.encode() in head for k in keys) for keys in key_sets)


def from_epoch(seconds: float, zone: tzinfo) -> datetime:
    """A tz-aware datetime in `zone` from epoch seconds."""
    return datetime.fromtimestamp(seconds, tz=UTC).astimezone(zone)


def text_of(value: object) -> str:
    """A string field, or "" when missing; other types are shown as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if type(value) is int:  # ids: what json.dumps writes, without its encoder (1M calls)
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)
