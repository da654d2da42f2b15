"""The importer extension point: one base class, plus the values importers share.

An importer turns one platform's export into conversations. It says how sure
it is that it can read an export (`sniff`), and `read` returns one
`ChatStream` per conversation. A stream knows its header at once and yields
messages lazily, so a 1,000,000-message export never has to sit in memory;
`ChatStream.collect()` builds an ordinary `Conversation` for normal sizes.
"""

from __future__ import annotations

import gc
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from types import ModuleType
from typing import Any, ClassVar, Concatenate, ParamSpec, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from unsnare.errors import UsageError
from unsnare.importers.source import ExportSource
from unsnare.models import (
    Attachment,
    Conversation,
    ImportWarning,
    Message,
    MessageKind,
    Participant,
    Reaction,
    Source,
    SourceFile,
    SystemEvent,
)

_fastread: ModuleType | None
try:  # frees the collector from walking a million messages (setup.py builds it)
    from unsnare import _fastread
except ImportError:  # installed without a C compiler: an ordinary tuple
    _fastread = None
# A message's frozen parts, and the enums it names (for _fastread.message_tuple).
_FROZEN = ((Source, Attachment, Reaction), (MessageKind, SystemEvent))

# Keep at most this many warnings in full; beyond it we only count them, so a
# garbage file cannot grow memory without bound. The count is always exact.
MAX_KEPT_WARNINGS = 5000

# A platform's own data download holds the account holder's side under no
# stable name of theirs, so they get this fixed participant id.
ACCOUNT_HOLDER = "me"


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the person told us about the export."""

    zone: tzinfo
    zone_name: str
    zone_given: bool
    chat: str | None = None


def resolve_zone(tz: str | None) -> tuple[tzinfo, str, bool]:
    """The zone for wall-clock times: `tz` if given, else this machine's, else UTC."""
    if tz:
        try:
            return ZoneInfo(tz), tz, True
        except (ZoneInfoNotFoundError, ValueError):
            raise UsageError(
                f"'{tz}' is not a time zone name Unsnare knows",
                field="--tz",
                hint="use an IANA name such as Europe/London, America/New_York or UTC",
            ) from None
    named = _machine_zone_name()
    if named:
        return ZoneInfo(named), named, False
    local = datetime.now().astimezone().tzinfo
    name = local.tzname(None) if local else None
    if local is None or not name:
        return ZoneInfo("UTC"), "UTC", False
    return local, str(name), False


def _machine_zone_name() -> str | None:
    """This machine's IANA zone name, from $TZ or /etc/localtime, without tzlocal.

    A named zone knows its daylight-saving rules for every date in the export;
    the fixed offset that `astimezone()` gives is only right for today.
    """
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if name and "/" in name or name == "UTC":
            try:
                ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError, OSError):
                continue
            return name
    return None


def make_options(tz: str | None, chat: str | None = None) -> ImportOptions:
    """Build `ImportOptions` from command-line style values."""
    zone, name, given = resolve_zone(tz)
    return ImportOptions(zone=zone, zone_name=name, zone_given=given, chat=chat)


class ChatState:
    """What an importer learns while it streams one conversation's messages."""

    def __init__(self) -> None:
        self.participants: dict[str, Participant] = {}
        self.warnings: list[ImportWarning] = []
        self.warning_count = 0
        self.message_count = 0
        self.date_order: str | None = None
        self.notes: list[str] = []

    def warn(self, warning: ImportWarning) -> None:
        """Record a warning (kept in full up to MAX_KEPT_WARNINGS, always counted)."""
        self.warning_count += 1
        if len(self.warnings) < MAX_KEPT_WARNINGS:
            self.warnings.append(warning)

    def warn_at(self, source: Source, code: str, message: str) -> None:
        """Record a warning about one message, citing its place in the export."""
        self.warn(ImportWarning(code, message, source.file_name, source.line, source.path))

    def account_holder(self) -> str:
        """Register the person whose own data download this is, and return their id."""
        return self.participant(ACCOUNT_HOLDER, "me (account holder)", is_owner=True)

    def caveat(self, code: str, message: str, file_name: str) -> None:
        """Say what the export leaves out: a warning in the report and a note on the chat."""
        self.warn(ImportWarning(code, message, file_name))
        self.notes.append(message)

    def participant(
        self,
        pid: str,
        name: str | None = None,
        *,
        handle: str | None = None,
        platform_id: str | None = None,
        is_owner: bool | None = None,
    ) -> str:
        """Register a participant once (first sighting wins) and return its id."""
        if pid not in self.participants:
            self.participants[pid] = Participant(
                id=pid, name=name or pid, handle=handle, platform_id=platform_id, is_owner=is_owner
            )
        return pid

    def dropped_warnings(self) -> int:
        """How many warnings were counted but not kept."""
        return self.warning_count - len(self.warnings)


MessageSource = Callable[[ChatState], Iterator[Message]]

# What a malformed record can raise while we read it. One odd record must not
# sink a whole export: it is listed as a warning with its path instead.
RECORD_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError)


def unreadable_record(state: ChatState, exc: Exception, file_name: str, path: str) -> None:
    """Record a record that could not be read as a message, with where it is."""
    state.warn(
        ImportWarning(
            "unreadable_record",
            f"this record could not be read as a message ({type(exc).__name__}: {exc}); "
            "it is listed here so that nothing is lost",
            file_name,
            path=path,
        )
    )


def reactions_of(emoji: str, actors: list[str], count: Any) -> list[Reaction]:
    """One reaction per named actor; with no names, `count` of them (at least one)."""
    if actors:
        return [Reaction(emoji, actor or None) for actor in actors]
    return [Reaction(emoji)] * max(1, int(count or 1))


_P = ParamSpec("_P")
_T = TypeVar("_T")


def read_record(
    state: ChatState,
    raw: object,
    file_name: str,
    path: str,
    build: Callable[Concatenate[dict[str, Any], _P], _T],
    *args: _P.args,
    **kwargs: _P.kwargs,
) -> _T | None:
    """`build(raw, ...)` for one JSON record, or None with a warning saying why it was not read."""
    if not isinstance(raw, dict):
        state.warn(
            ImportWarning("bad_record", "this entry is not a message object", file_name, path=path)
        )
        return None
    try:
        return build(raw, *args, **kwargs)
    except RECORD_ERRORS as exc:
        unreadable_record(state, exc, file_name, path)
        return None


@dataclass
class ChatStream:
    """One conversation of an export: header now, messages as they are read."""

    id: str
    platform: str
    format: str
    produce: MessageSource
    title: str | None = None
    source_files: tuple[SourceFile, ...] = ()
    timezone: str | None = None
    timezone_assumed: bool = False
    state: ChatState = field(default_factory=ChatState)
    _consumed: bool = False

    def _claim(self) -> None:
        # A stream's messages are produced once: a second reader would get none.
        if self._consumed:
            raise RuntimeError("a ChatStream can be read only once")
        self._consumed = True

    def messages(self) -> Iterator[Message]:
        """Yield the messages once, in export order, counting them in `state`."""
        self._claim()
        for message in self.produce(self.state):
            self.state.message_count += 1
            yield message

    def collect(self) -> Conversation:
        """Read every message and return the whole `Conversation`."""
        # Building 100,000 acyclic objects triggers the cycle collector over and
        # over (measured: about a third of import time); pause it meanwhile.
        self._claim()
        was_enabled = gc.isenabled()
        gc.disable()
        # What `messages()` does, without a generator step per message: the
        # count is the same even when reading stops at an error.
        read: list[Message] = []
        try:
            read.extend(self.produce(self.state))
            # Made while the collector is paused, and left out of its walks
            # when compiled (see message_tuple in src/unsnare/_fastread.c).
            messages = (
                _fastread.message_tuple(read, Message, *_FROZEN) if _fastread else tuple(read)
            )
        finally:
            self.state.message_count += len(read)
            del read
            if was_enabled:
                gc.enable()
        return self.finish(messages)

    def finish(self, messages: tuple[Message, ...] = ()) -> Conversation:
        """The `Conversation` with what the stream learned (call after reading)."""
        st = self.state
        warnings = list(st.warnings)
        if st.dropped_warnings():
            warnings.append(
                ImportWarning(
                    code="more_warnings",
                    message=f"{st.dropped_warnings()} more warnings were counted but not listed",
                )
            )
        return Conversation(
            id=self.id,
            platform=self.platform,
            format=self.format,
            participants=tuple(st.participants.values()),
            messages=messages,
            title=self.title,
            source_files=self.source_files,
            timezone=self.timezone,
            timezone_assumed=self.timezone_assumed,
            date_order=st.date_order,
            warnings=tuple(warnings),
            notes=tuple(st.notes),
        )


@dataclass(frozen=True)
class ImportResult:
    """Everything one import produced: the format, its conversations, all warnings."""

    format: str
    conversations: tuple[Conversation, ...]
    warnings: tuple[ImportWarning, ...]


class Importer(ABC):
    """Base class for one export format. Subclasses set `name`, `platform`, `version`."""

    name: ClassVar[str]
    platform: ClassVar[str]
    version: ClassVar[str]
    description: ClassVar[str] = ""
    # True when `read` applies --chat itself; otherwise chats are picked by title or id.
    selects_chats: ClassVar[bool] = False

    @abstractmethod
    def sniff(self, src: ExportSource) -> float:
        """How sure we are (0.0 to 1.0) that this importer reads `src`."""

    @abstractmethod
    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per conversation in `src` (messages are read lazily)."""
