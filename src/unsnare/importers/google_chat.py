"""Google Chat from Google Takeout: `Google Chat/Groups/<DM or Space>/messages.json`.

Each conversation folder holds `messages.json` ({"messages": [...]}, oldest
first) and `group_info.json` ({"name"?, "members": [{name, email}]}); the
account holder is in `Google Chat/Users/<User …>/user_info.json`. A message:
`creator` {name, email}, `created_date` ("Tuesday, 5 March 2024 at 21:14:05
UTC" or "Tuesday, March 5, 2024 at 9:14:05 PM UTC"), `text`,
`attached_files` [{original_name, export_name}], `reactions`
[{emoji: {unicode}, reactor_emails}], `quoted_message_metadata` {text},
`updated_date` (edited), `deleted_date`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any

from unsnare.importers.base import (
    ChatState,
    ChatStream,
    Importer,
    ImportOptions,
    MessageSource,
    read_record,
)
from unsnare.importers.jsonload import load_json, sniff_json_head, text_of
from unsnare.importers.media import attachment_for
from unsnare.importers.source import ExportSource
from unsnare.models import Attachment, Message, MessageKind, Reaction, Source, SystemEvent

_MONTHS = {
    name: i
    for i, name in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        1,
    )
}
_DATE = re.compile(
    r"^(?:[A-Za-z]+, )?(?:(?P<m1>[A-Z][a-z]+) (?P<d1>\d{1,2}), (?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2}) (?P<m2>[A-Z][a-z]+),? (?P<y2>\d{4})),? at "
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:[ \u202f\u00a0](?P<ap>[AP]M))?"
    r"(?: (?P<zone>UTC|GMT))?$"
)


def takeout_time(value: str) -> datetime | None:
    """A Takeout `created_date` as an exact UTC instant, or None."""
    m = _DATE.match(value.strip())
    if m is None:
        return None
    month = _MONTHS.get(m["m1"] or m["m2"] or "")
    if month is None:
        return None
    hour = int(m["h"])
    if m["ap"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["ap"] == "PM" else 0)
    try:
        return datetime(
            int(m["y1"] or m["y2"]),
            month,
            int(m["d1"] or m["d2"]),
            hour,
            int(m["mi"]),
            int(m["s"] or 0),
            tzinfo=UTC,
        )
    except ValueError:
        return None


def _threads(src: ExportSource) -> list[str]:
    """The messages.json files of Google Chat conversations."""
    found = []
    for name in src.find("messages.json"):
        if "Google Chat/" in name or (
            sniff_json_head(src, name, "messages") and sniff_json_head(src, name, "created_date")
        ):
            found.append(name)
    return sorted(found)


class GoogleChatImporter(Importer):
    """Reads Google Chat direct messages and spaces from Google Takeout."""

    name = "google-chat"
    platform = "google-chat"
    version = "1"
    description = "Google Chat from Google Takeout (Groups/<chat>/messages.json)"

    def sniff(self, src: ExportSource) -> float:
        """messages.json files with Google Chat's fields."""
        for name in _threads(src)[:1]:
            return 0.9 if sniff_json_head(src, name, "created_date") else 0.6
        return 0.0

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per conversation folder."""
        owner = _owner(src)
        streams = []
        for member in _threads(src):
            folder = str(PurePosixPath(member).parent)
            info = _group_info(src, folder)
            files = src.source_files(member)
            streams.append(
                ChatStream(
                    id=f"google-chat-{files[-1].sha256[:12]}",
                    platform=self.platform,
                    format=self.name,
                    produce=_reader(src, member, options, info, owner),
                    title=text_of(info.get("name")) or PurePosixPath(folder).name or None,
                    source_files=files,
                    timezone=options.zone_name,
                    timezone_assumed=False,
                )
            )
        return streams


def _group_info(src: ExportSource, folder: str) -> dict[str, Any]:
    name = f"{folder}/group_info.json" if folder not in ("", ".") else "group_info.json"
    if not src.has(name):
        return {}
    doc = load_json(src, name)
    return doc if isinstance(doc, dict) else {}


def _owner(src: ExportSource) -> str | None:
    for name in src.find("user_info.json"):
        doc = load_json(src, name)
        user = doc.get("user") if isinstance(doc, dict) else None
        if isinstance(user, dict) and user.get("email"):
            return text_of(user["email"])
    return None


def _person(state: ChatState, who: Any, owner: str | None) -> str | None:
    """Register a creator or member {name, email}; the e-mail address is the id."""
    if not isinstance(who, dict):
        return None
    email = text_of(who.get("email"))
    name = text_of(who.get("name"))
    pid = email or name
    if not pid:
        return None
    return state.participant(
        pid, name or email, handle=email or None, is_owner=(email == owner) if owner else None
    )


def _reader(
    src: ExportSource,
    member: str,
    options: ImportOptions,
    info: dict[str, Any],
    owner: str | None,
) -> MessageSource:
    fname = src.display_name(member)
    folder = str(PurePosixPath(member).parent)

    def produce(state: ChatState) -> Iterator[Message]:
        for who in info.get("members") or []:
            _person(state, who, owner)
        doc = load_json(src, member)
        msgs = doc.get("messages") if isinstance(doc, dict) else None
        if not isinstance(msgs, list):
            raise ValueError("messages.json has no 'messages' list")
        sha = src.sha256(member)
        for i, raw in enumerate(msgs):
            path = f"$.messages[{i}]"
            source = Source(sha, fname, path=path)
            msg = read_record(
                state, raw, fname, path, _message, src, folder, source, i, state, owner, options
            )
            if msg is not None:
                yield msg

    return produce


def _message(
    raw: dict[str, Any],
    src: ExportSource,
    folder: str,
    source: Source,
    i: int,
    state: ChatState,
    owner: str | None,
    options: ImportOptions,
) -> Message:
    sender = _person(state, raw.get("creator"), owner)
    when = takeout_time(text_of(raw.get("created_date")))
    if when is None:
        state.warn_at(source, "bad_timestamp", "this message has no readable created_date")
    else:
        when = when.astimezone(options.zone)
    attachments: list[Attachment] = []
    for f in raw.get("attached_files") or []:
        if isinstance(f, dict):
            export_name = text_of(f.get("export_name"))
            member = f"{folder}/{export_name}" if export_name else None
            attachments.append(
                attachment_for(src, text_of(f.get("original_name")) or export_name, member)
            )
    reactions: list[Reaction] = []
    for r in raw.get("reactions") or []:
        if isinstance(r, dict):
            emoji = r.get("emoji")
            face = text_of(emoji.get("unicode") if isinstance(emoji, dict) else emoji)
            for actor in r.get("reactor_emails") or [None]:
                reactions.append(Reaction(face, text_of(actor) or None))
    quote = raw.get("quoted_message_metadata")
    deleted = bool(raw.get("deleted_date") or raw.get("deletion_metadata"))
    return Message(
        id=f"g{i}",
        sender=sender,
        timestamp=when,
        text=text_of(raw.get("text")),
        source=source,
        kind=MessageKind.SYSTEM if deleted else MessageKind.MESSAGE,
        system_event=SystemEvent.DELETED if deleted else None,
        attachments=tuple(attachments),
        reactions=tuple(reactions),
        quoted_text=text_of(quote.get("text")) or None if isinstance(quote, dict) else None,
        edited=bool(raw.get("updated_date")),
        deleted=deleted,
    )
