"""The conversation model: what every importer produces and every analysis reads.

Values are frozen and typed. Every message keeps its provenance (the source
file's SHA-256 and the line or JSON path it came from) so that a report can
cite the exact original, and timestamps are timezone-aware: where an export
only has local wall-clock times, the zone we assumed is recorded on the
conversation, never implied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class MessageKind(StrEnum):
    """Whether a line was written by a person or by the platform."""

    MESSAGE = "message"
    SYSTEM = "system"


class SystemEvent(StrEnum):
    """What a system message reports, where we can tell."""

    ENCRYPTION_NOTICE = "encryption_notice"
    DELETED = "deleted"
    GROUP_EVENT = "group_event"
    SCREENSHOT = "screenshot"
    CALL = "call"
    SECURITY_CODE = "security_code"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Source:
    """Where in the original export a message came from.

    `file_sha256` is the hash of the file as received; `file_name` is its name
    inside the export (for a zip, the member's path). Exactly one of `line`
    (1-based, for text formats) and `path` (a JSON path such as
    ``$.messages[12]``, or a CSV row as ``row 12``) is normally set.
    """

    file_sha256: str
    file_name: str
    line: int | None = None
    path: str | None = None

    def cite(self) -> str:
        """A short human citation such as ``_chat.txt line 12``."""
        where = f"line {self.line}" if self.line is not None else (self.path or "")
        return f"{self.file_name} {where}".strip()


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file that an import read, hashed as received."""

    name: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file that a message carried; `present` says whether the export holds it."""

    file_name: str
    media_type: str | None = None
    present: bool = False
    sha256: str | None = None
    size: int | None = None


@dataclass(frozen=True, slots=True)
class Reaction:
    """An emoji reaction to a message."""

    emoji: str
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    """A person (or bot, or the platform) in a conversation.

    `id` is stable within the conversation and is what `Message.sender` holds.
    `is_owner` is True for the account holder who made the export, when the
    format says so.
    """

    id: str
    name: str
    handle: str | None = None
    platform_id: str | None = None
    is_owner: bool | None = None


@dataclass(frozen=True, slots=True)
class Message:
    """One message or system line, with its provenance."""

    id: str
    sender: str | None
    timestamp: datetime | None
    text: str
    source: Source
    kind: MessageKind = MessageKind.MESSAGE
    system_event: SystemEvent | None = None
    attachments: tuple[Attachment, ...] = ()
    reply_to: str | None = None
    quoted_text: str | None = None
    forwarded_from: str | None = None
    edited: bool = False
    edited_at: datetime | None = None
    deleted: bool = False
    reactions: tuple[Reaction, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """Something in the source that did not become (all of) a message, or a caveat.

    Nothing is dropped silently: a line we could not read appears here with
    its place in the file.
    """

    code: str
    message: str
    file_name: str | None = None
    line: int | None = None
    path: str | None = None

    def where(self) -> str:
        """The place the warning points at, for display."""
        parts = [p for p in (self.file_name,) if p]
        if self.line is not None:
            parts.append(f"line {self.line}")
        elif self.path:
            parts.append(self.path)
        return " ".join(parts)


@dataclass(frozen=True)
class Conversation:
    """A whole conversation as read from one export.

    `timezone` is the IANA zone the timestamps are in. When the export held
    only wall-clock times, `timezone_assumed` is True and the interface must
    say which zone we assumed. `date_order` records how ambiguous dates such
    as 04/05 were read ("day-first", "month-first" or "year-first").
    """

    id: str
    platform: str
    format: str
    participants: tuple[Participant, ...]
    messages: tuple[Message, ...]
    title: str | None = None
    source_files: tuple[SourceFile, ...] = ()
    timezone: str | None = None
    timezone_assumed: bool = False
    date_order: str | None = None
    warnings: tuple[ImportWarning, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def participant(self, participant_id: str | None) -> Participant | None:
        """The participant with this id, if any."""
        for p in self.participants:
            if p.id == participant_id:
                return p
        return None
