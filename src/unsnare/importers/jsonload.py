"""Loading the JSON documents of an export, with errors that say where and why."""

from __future__ import annotations

import json
from datetime import UTC, datetime, tzinfo
from typing import Any

from unsnare.errors import ImportFormatError, InputError
from unsnare.importers.source import ExportSource

# JSON exports are parsed whole, which needs several times their size in
# memory; beyond this we stop and explain rather than exhaust the machine.
MAX_JSON_BYTES = 256 * 1024**2


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


def sniff_json_head(src: ExportSource, name: str, *keys: str) -> bool:
    """Whether a member starts like JSON and mentions every one of `keys` early on."""
    head = src.head(name, 16384)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith((b"{", b"[")):
        return False
    return all(f'"{k}"'.encode() in head for k in keys)


def from_epoch(seconds: float, zone: tzinfo) -> datetime:
    """A tz-aware datetime in `zone` from epoch seconds."""
    return datetime.fromtimestamp(seconds, tz=UTC).astimezone(zone)


def text_of(value: object) -> str:
    """A string field, or "" when missing; other types are shown as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
