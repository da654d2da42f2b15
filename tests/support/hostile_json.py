"""Chat exports built to exhaust memory: deep nesting, one huge field, zip bombs.

Each builder writes a small file (or folder) shaped like one platform's
export, with the attack where that importer will parse it.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

DEPTH = 20_000  # the case: 40 KB of brackets took 1 GB


def deep(depth: int = DEPTH) -> str:
    """A JSON value: `depth` nested lists."""
    return "[" * depth + "]" * depth


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def telegram_chat(root: Path, value: str) -> Path:
    """A one-chat result.json whose first message's text is `value`."""
    head = json.dumps({"name": "Max", "type": "personal_chat", "id": 1})[:-1]
    msg = (
        '{"id": 1, "type": "message", "date": "2026-03-01T10:00:00", '
        '"date_unixtime": "1772359200", "from": "Max", "from_id": "user1", "text": '
    )
    return _write(root / "result.json", f'{head}, "messages": [{msg}{value}}}]}}')


def telegram_full(root: Path, value: str) -> Path:
    """A full-account result.json whose one chat's header field holds `value`."""
    text = (
        '{"personal_information": {"user_id": 1}, "chats": {"list": [{"name": "Max", '
        f'"id": 1, "type": "personal_chat", "extra": {value}, "messages": []}}]}}}}'
    )
    return _write(root / "result.json", text)


def discord_exporter(root: Path, value: str) -> Path:
    """A DiscordChatExporter file whose one message's content is `value`."""
    text = (
        '{"guild": {"id": "0", "name": "Direct Messages"}, "channel": {"id": "1"}, '
        '"messages": [{"id": "1", "type": "Default", "timestamp": "2026-03-01T10:00:00+00:00", '
        f'"content": {value}, "author": {{"id": "2", "name": "max"}}}}]}}'
    )
    return _write(root / "dm.json", text)


def telegram_header(root: Path, value: str) -> Path:
    """A one-chat result.json with `value` in a header field before the messages."""
    text = f'{{"name": "Max", "type": "personal_chat", "id": 1, "extra": {value}, "messages": []}}'
    return _write(root / "result.json", text)


def discord_package(root: Path, value: str) -> Path:
    """A Discord data package whose one message's Contents is `value`."""
    folder = root / "package"
    _write(folder / "messages" / "index.json", '{"123": "Direct Message with max"}')
    _write(
        folder / "messages" / "c123" / "messages.json",
        f'[{{"ID": 1, "Timestamp": "2026-03-01 10:00:00", "Contents": {value}, '
        '"Attachments": ""}]',
    )
    return folder


def discord_index(root: Path, value: str) -> Path:
    """A Discord data package whose channel index (read whole) holds `value`."""
    folder = discord_package(root, '"hi"')
    _write(folder / "messages" / "index.json", f'{{"123": {value}}}')
    return folder


def messenger(root: Path, value: str) -> Path:
    """A Messenger thread file (read whole) whose message content is `value`."""
    folder = root / "fb"
    _write(
        folder / "messages" / "inbox" / "max_1" / "message_1.json",
        '{"participants": [{"name": "Max"}, {"name": "Sam"}], "messages": '
        f'[{{"sender_name": "Max", "timestamp_ms": 1772359200000, "content": {value}}}]}}',
    )
    return folder


def instagram(root: Path, value: str) -> Path:
    """An Instagram thread file (read whole) whose message content is `value`."""
    folder = root / "instagram-sam"
    _write(
        folder / "your_instagram_activity" / "messages" / "inbox" / "max_1" / "message_1.json",
        '{"participants": [{"name": "max"}, {"name": "sam"}], "messages": '
        f'[{{"sender_name": "max", "timestamp_ms": 1772359200000, "content": {value}}}]}}',
    )
    return folder


def snapchat(root: Path, value: str) -> Path:
    """A Snapchat chat_history.json (read whole) whose one message's Content is `value`."""
    text = (
        '{"max": [{"From": "max", "Media Type": "TEXT", '
        f'"Created": "2026-03-01 10:00:00 UTC", "Content": {value}}}]}}'
    )
    return _write(root / "chat_history.json", text)


# importer name -> builder, for every importer that reads JSON.
JSON_EXPORTS: dict[str, Callable[[Path, str], Path]] = {
    "telegram": telegram_chat,
    "telegram-full": telegram_full,
    "telegram-header": telegram_header,
    "discord": discord_exporter,
    "discord-package": discord_package,
    "discord-package-index": discord_index,
    "messenger": messenger,
    "instagram": instagram,
    "snapchat": snapchat,
}


def format_of(case: str) -> str:
    """The --format for a case name (a few cases share one importer)."""
    return {
        "telegram-full": "telegram",
        "telegram-header": "telegram",
        "discord-package-index": "discord-package",
    }.get(case, case)


def zip_bomb(path: Path, member: str = "_chat.txt", megabytes: int = 200) -> Path:
    """A small zip whose one member expands to `megabytes` of chat-like lines."""
    line = b"01/03/2026, 10:00 - Max: send it now\n"
    block = line * (1024 * 1024 // len(line))
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open(member, "w", force_zip64=True) as out,
    ):
        for _ in range(megabytes):
            out.write(block)
    return path


def corrupt_deflate(path: Path, member: str, data: bytes) -> Path:
    """A zip holding `member`, with bytes in the middle of its deflate stream changed."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(member, data)
    raw = bytearray(path.read_bytes())
    start = 30 + len(member.encode()) + 8  # past the local header
    for i in range(start, start + 32):
        raw[i] ^= 0x5A
    path.write_bytes(bytes(raw))
    return path
