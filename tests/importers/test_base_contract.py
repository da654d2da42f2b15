"""The contract every importer keeps, driven by each importer's own examples.

Provenance on every message, tz-aware timestamps, unique ids, JSON output that
matches the streamed form, detection that picks the right importer, and for
line-based formats: every non-empty line is in a message or a warning.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from support.importers import CASES, DATA, EXAMPLES
from unsnare.importers import available_formats, conversation_to_dict, open_export, read_export
from unsnare.importers.base import Importer
from unsnare.importers.registry import ImporterRegistry, default_registry
from unsnare.importers.serialize import write_stream_json

LINE_FORMATS = {"whatsapp", "plaintext", "tiktok", "imessage"}
# JSON exports: how many message records each holds (odd ones included). Every
# record must become a message or a warning that points at it.
RECORDS = {
    DATA / "tiktok" / "json": 6,
    DATA / "google_chat": 6,
    DATA / "hangouts": 5,
    DATA / "skype": 6,
    DATA / "messenger_e2ee": 4,
    DATA / "meta_minimal" / "group_bom": 4,
    DATA / "meta_minimal" / "only_messages" / "message_1.json": 3,
    DATA / "instagram_replies": 3,
}


def test_every_importer_has_examples_and_fixed_identity() -> None:
    assert set(available_formats()) == set(EXAMPLES)
    for name in available_formats():
        imp = default_registry().get(name)
        assert imp.name == name and imp.platform and imp.version and imp.description


def test_registry_refuses_duplicates() -> None:
    reg = ImporterRegistry()
    imp = default_registry().get("csv")
    reg.register(imp)
    with pytest.raises(ValueError, match="already registered"):
        reg.register(imp)


@pytest.mark.parametrize(("name", "path"), CASES, ids=[f"{n}-{p.name}" for n, p in CASES])
def test_contract(name: str, path: Path) -> None:
    result = read_export(path, tz="Europe/Madrid")
    assert result.format == name, "auto-detection picked another importer"
    assert result.conversations
    for conv in result.conversations:
        hashes = {f.sha256 for f in conv.source_files}
        ids = [m.id for m in conv.messages]
        assert len(ids) == len(set(ids))
        assert conv.timezone
        for m in conv.messages:
            assert m.source.file_sha256 in hashes
            assert (m.source.line is not None) or m.source.path
            assert m.timestamp is None or m.timestamp.utcoffset() is not None
            assert m.sender is None or conv.participant(m.sender) is not None
        data = conversation_to_dict(conv)
        assert list(data)[:1] == ["format"]
        assert {"participants", "messages", "warnings"} <= set(data)
        json.dumps(data)
    if name in LINE_FORMATS and path.is_file():
        messages = tuple(m for c in result.conversations for m in c.messages)
        titles = {c.title for c in result.conversations if c.title}
        _assert_every_line_accounted(path, messages, result, titles)
    if path in RECORDS:
        messages = [m for c in result.conversations for m in c.messages]
        pointed = {w.path for w in result.warnings if w.path} - {m.source.path for m in messages}
        assert len(messages) + len(pointed) == RECORDS[path], "a record was dropped"


def _assert_every_line_accounted(
    path: Path,
    messages: tuple,  # type: ignore[type-arg]
    result: object,
    titles: set[str] = frozenset(),  # type: ignore[assignment]
) -> None:
    starts = sorted(m.source.line for m in messages)
    warned = {w.line for w in result.warnings}  # type: ignore[attr-defined]
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        # A line that opens a chat section (TikTok's "Chat History with x:")
        # became that conversation's title.
        if line.strip() and not any(t in line for t in titles):
            assert n in warned or (starts and n >= starts[0]), f"line {n} was dropped"
    # Each message ends where the next begins, so a line is in the message
    # that starts at or before it; blank lines aside, none may fall outside.
    assert len(set(starts)) == len(starts), "two messages claim the same line"


@pytest.mark.parametrize(("name", "path"), CASES[:3] + CASES[-6:])
def test_streamed_json_matches_whole_json(name: str, path: Path) -> None:
    whole = [conversation_to_dict(c) for c in read_export(path, tz="UTC").conversations]
    streamed = []
    with open_export(path, tz="UTC") as opened:
        for stream in opened.streams:
            buf = io.StringIO()
            write_stream_json(stream, buf)
            streamed.append(json.loads(buf.getvalue()))
    assert streamed == whole


def test_base_class_is_abstract() -> None:
    with pytest.raises(TypeError):
        Importer()  # type: ignore[abstract]
