"""Telegram Desktop "Export chat history" JSON (`result.json`): one chat or all chats.

`date_unixtime` is an exact instant and is trusted over `date` (local
wall-clock time with no zone); only when it is missing is the --tz zone
assumed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from functools import partial
from pathlib import PurePosixPath
from typing import Any

from unsnare.errors import OPTION, ImportFormatError, Offer, UsageError
from unsnare.importers.base import (
    ChatState,
    ChatStream,
    Importer,
    ImportOptions,
    MessageSource,
    reactions_of,
    read_record,
)
from unsnare.importers.jsonload import (
    find_export_json,
    from_epoch,
    read_header,
    require_export_json,
    sniff_json_head,
    stream_items,
    text_of,
)
from unsnare.importers.media import attachment_for
from unsnare.importers.source import ExportSource
from unsnare.models import (
    Attachment,
    Message,
    MessageKind,
    Source,
    SystemEvent,
)

_ACTIONS = {
    "take_screenshot": SystemEvent.SCREENSHOT,
    "phone_call": SystemEvent.CALL,
    "group_call": SystemEvent.CALL,
    "delete_message": SystemEvent.DELETED,
}
_GROUP_ACTIONS = (
    "create_group",
    "invite_members",
    "remove_members",
    "join_group_by_link",
    "edit_group_title",
    "edit_group_photo",
    "migrate_to_supergroup",
    "create_channel",
    "pin_message",
    "join_group_by_request",
)
_NOT_INCLUDED = "(File not included"


def flatten_text(value: object) -> str:
    """Telegram text: a string, or a list of strings and {type, text} entities."""
    if isinstance(value, list):
        return "".join(
            part if isinstance(part, str) else text_of(part.get("text"))
            for part in value
            if isinstance(part, str | dict)
        )
    return text_of(value)


class TelegramImporter(Importer):
    """Reads Telegram Desktop JSON exports."""

    name = "telegram"
    platform = "telegram"
    version = "1"
    description = "Telegram Desktop result.json (one chat or a full export)"
    selects_chats = True

    def sniff(self, src: ExportSource) -> float:
        """A result.json with Telegram's keys."""
        member = find_export_json(src, "result.json")
        if member is None:
            return 0.0
        if sniff_json_head(src, member, "messages") and (
            sniff_json_head(src, member, "date_unixtime")
            or sniff_json_head(src, member, "from_id")
            or sniff_json_head(src, member, "personal_chat")
        ):
            return 0.9
        if sniff_json_head(src, member, "personal_information", "chats"):
            return 0.9
        return 0.0

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per chat (all chats, or the one --chat names)."""
        member = require_export_json(
            src,
            "result.json",
            hint="choose the export folder or zip that holds result.json, or " + OPTION,
            option="format", offer=Offer.ANOTHER,
        )
        # Stream: a single-chat export's messages are read one at a time; a full
        # export is read one chat at a time. Memory is bounded by one chat.
        header, hit = read_header(src, member, ("messages", "chats"))
        owner = None
        info = header.get("personal_information")
        if isinstance(info, dict) and info.get("user_id") is not None:
            owner = f"user{info['user_id']}"
        chats: list[tuple[str, dict[str, Any], Callable[[], Iterator[Any]]]] = []
        if hit == "chats":
            cursor = _ChatCursor(src, member)
            for i, head in enumerate(cursor.headers()):
                path = f"$.{head['_list']}.list[{head['_index']}]"
                chats.append((path, head, partial(cursor.messages, i)))
        elif hit == "messages":
            chats.append(("$", header, partial(stream_items, src, member, "messages.item")))
        else:
            raise ImportFormatError(
                "this result.json has neither 'messages' nor 'chats'",
                file=src.display_name(member),
                hint="choose the result.json that Telegram Desktop wrote",
            )
        if options.chat is not None:
            wanted = [
                c
                for c in chats
                if options.chat in (text_of(c[1].get("name")), text_of(c[1].get("id")))
            ]
            if not wanted:
                names = ", ".join(sorted({text_of(c[1].get("name")) or "?" for c in chats}))
                raise UsageError(
                    f"there is no chat called '{options.chat}' in this export",
                    field="--chat",
                    hint=f"the chats are: {names[:500]}",
                )
            chats = wanted
        sha = src.sha256(member)
        files = src.source_files(member)
        folder = str(PurePosixPath(member).parent)
        streams = []
        for path, head, messages in chats:
            streams.append(
                ChatStream(
                    id=f"telegram-{text_of(head.get('id')) or sha[:12]}",
                    platform=self.platform,
                    format=self.name,
                    produce=_chat_reader(src, messages, path, sha, member, folder, owner, options),
                    title=text_of(head.get("name")) or None,
                    source_files=files,
                    timezone=options.zone_name,
                    timezone_assumed=False,
                )
            )
        return streams


class _ChatCursor:
    """Walks a full export's chats in order, one chat in memory at a time."""

    def __init__(self, src: ExportSource, member: str) -> None:
        self.src, self.member = src, member
        self._iter: Iterator[dict[str, Any]] | None = None
        self._next = 0

    def _all(self) -> Iterator[dict[str, Any]]:
        for list_name in ("chats", "left_chats"):
            for index, chat in enumerate(
                stream_items(self.src, self.member, f"{list_name}.list.item")
            ):
                if isinstance(chat, dict):
                    chat["_list"], chat["_index"] = list_name, index
                    yield chat

    def headers(self) -> list[dict[str, Any]]:
        """Each chat's fields without its messages (one pass over the file)."""
        return [{k: v for k, v in c.items() if k != "messages"} for c in self._all()]

    def messages(self, position: int) -> Iterator[Any]:
        """The messages of the chat at `position` (cheap when read in order)."""
        if self._iter is None or position < self._next:
            self._iter, self._next = self._all(), 0
        for chat in self._iter:
            self._next += 1
            if self._next - 1 == position:
                return iter(chat.get("messages") or [])
        return iter(())


def _chat_reader(
    src: ExportSource,
    messages: Callable[[], Iterator[Any]],
    path: str,
    sha: str,
    member: str,
    folder: str,
    owner: str | None,
    options: ImportOptions,
) -> MessageSource:
    fname = src.display_name(member)

    def produce(state: ChatState) -> Iterator[Message]:
        assumed = False
        for i, raw in enumerate(messages()):
            mpath = f"{path}.messages[{i}]" if path != "$" else f"$.messages[{i}]"
            read = read_record(
                state,
                raw,
                fname,
                mpath,
                _message,
                src,
                folder,
                owner,
                options,
                state,
                Source(file_sha256=sha, file_name=fname, path=mpath),
            )
            if read is None:
                continue
            msg, used_local = read
            assumed = assumed or used_local
            yield msg
        if assumed:
            state.notes.append(
                f"Some messages had only local times; they were read in {options.zone_name}."
            )

    return produce


def _when(raw: dict[str, Any], key: str, options: ImportOptions) -> tuple[datetime | None, bool]:
    unix = raw.get(f"{key}_unixtime")
    if unix is not None:
        try:
            return from_epoch(float(unix), options.zone), False
        except (TypeError, ValueError):
            pass
    local = raw.get(key)
    if isinstance(local, str):
        try:
            return datetime.fromisoformat(local).replace(tzinfo=options.zone), True
        except ValueError:
            return None, False
    return None, False


def _attachments(raw: dict[str, Any], src: ExportSource, folder: str) -> tuple[Attachment, ...]:
    out = []
    for key in ("photo", "file"):
        value = raw.get(key)
        if not isinstance(value, str) or not value:
            continue
        if value.startswith(_NOT_INCLUDED):
            name = text_of(raw.get("file_name")) or key
            out.append(
                Attachment(
                    file_name=name,
                    media_type=raw.get("mime_type")
                    or raw.get("media_type")
                    or ("image" if key == "photo" else None),
                    present=False,
                )
            )
            continue
        member = value if folder in ("", ".") else f"{folder}/{value}"
        media = raw.get("mime_type") or (None if key == "file" else "image/jpeg")
        out.append(attachment_for(src, PurePosixPath(value).name, member, media))
    return tuple(out)


def _message(
    raw: dict[str, Any],
    src: ExportSource,
    folder: str,
    owner: str | None,
    options: ImportOptions,
    state: ChatState,
    source: Source,
) -> tuple[Message, bool]:
    service = raw.get("type") == "service"
    who = raw.get("actor" if service else "from")
    who_id = text_of(raw.get("actor_id" if service else "from_id")) or None
    sender = None
    if who_id or who:
        pid = who_id or text_of(who)
        sender = state.participant(
            pid, text_of(who) or pid, platform_id=who_id, is_owner=(pid == owner) if owner else None
        )
    when, assumed = _when(raw, "date", options)
    edited_at, _ = _when(raw, "edited", options)
    text = flatten_text(raw.get("text"))
    kind, event = MessageKind.MESSAGE, None
    if service:
        kind = MessageKind.SYSTEM
        action = text_of(raw.get("action"))
        event = _ACTIONS.get(action) or (
            SystemEvent.GROUP_EVENT if action in _GROUP_ACTIONS else SystemEvent.OTHER
        )
        if not text:
            extra = [
                text_of(raw.get(k)) for k in ("title", "members", "discard_reason") if raw.get(k)
            ]
            text = " ".join([action.replace("_", " "), *extra]).strip()
    elif raw.get("type") not in (None, "message"):
        state.warn_at(
            source,
            "unknown_type",
            f"message type '{raw.get('type')}' was read as an ordinary message",
        )
    reactions = []
    for r in raw.get("reactions") or []:
        if not isinstance(r, dict):
            continue
        emoji = text_of(r.get("emoji") or r.get("document_id"))
        recent = [text_of(x.get("from")) for x in r.get("recent") or [] if isinstance(x, dict)]
        reactions += reactions_of(emoji, recent, r.get("count"))
    reply = raw.get("reply_to_message_id")
    return Message(
        id=text_of(raw.get("id")) or source.path or "",
        sender=sender,
        timestamp=when,
        text=text,
        source=source,
        kind=kind,
        system_event=event,
        attachments=_attachments(raw, src, folder),
        reply_to=text_of(reply) if reply is not None else None,
        forwarded_from=text_of(raw.get("forwarded_from")) or None,
        edited=edited_at is not None or bool(raw.get("edited")),
        edited_at=edited_at,
        reactions=tuple(reactions),
    ), assumed
