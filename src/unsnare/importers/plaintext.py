"""Plain text a person copied by hand: "Name: message" lines, timestamps optional.

Accepted line shapes (a timestamp in brackets or not, before the name):
``Alex: hi``, ``[21:04] Alex: hi``, ``2024-03-01 21:04 Alex: hi``,
``[01/03/2024, 21:04] Alex: hi``. A line without a name continues the
message before it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import datetime

from unsnare.errors import OPTION, ImportFormatError, Offer
from unsnare.fastmodel import builder
from unsnare.importers.base import ChatState, ChatStream, Importer, ImportOptions
from unsnare.importers.source import ExportSource, iter_text_lines, single_file_head
from unsnare.importers.timeparse import parse_timestamp
from unsnare.models import ImportWarning, Message, MessageKind, Source, SourceFile

_TS = (
    r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4},? \d{1,2}[:.]\d{2}(?::\d{2})?(?: ?[AaPp]\.?[Mm]\.?)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp]\.?[Mm]\.?)?"
)
LINE = re.compile(
    r"^\s*(?:\[(?P<bts>" + _TS + r")\]\s*|(?P<ts>" + _TS + r")\s+(?:[-–]\s+)?)?"
    r"(?P<name>[^\s:\[\]<>][^:\[\]<>]{0,39}?)\s?:(?:\s+(?P<text>.*)|$)"
)
_TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}")
# Every field positionally, quick when compiled (see unsnare.fastmodel).
_MESSAGE, _SOURCE = builder(Message), builder(Source)


def _is_name(name: str) -> bool:
    n = name.strip()
    return (
        bool(n)
        and len(n.split()) <= 5
        and "://" not in n
        and not n.isdigit()
        and n[0] not in "-\"'{"
    )


def match_line(line: str) -> re.Match[str] | None:
    """The parts of a "Name: message" line, or None."""
    m = LINE.match(line)
    if m is None or not _is_name(m["name"]):
        return None
    return m


def looks_like_chat(lines: Iterable[str]) -> float:
    """Share of non-empty lines that read as "Name: message"."""
    nonempty = [ln for ln in lines if ln.strip()]
    if not nonempty:
        return 0.0
    return sum(1 for ln in nonempty if match_line(ln)) / len(nonempty)


def parse_lines(
    lines: Iterable[tuple[int, str]],
    *,
    sha: str,
    file_name: str,
    options: ImportOptions,
    state: ChatState,
) -> Iterator[Message]:
    """Stream messages from numbered lines; unattached lines become warnings."""
    current: tuple[int, str, str, datetime | None] | None = None
    extra: list[str] = []
    time_only = 0

    def build() -> Message:
        assert current is not None
        line, name, text, when = current
        while extra and not extra[-1].strip():
            extra.pop()
        state.participant(name)
        # Fields in order (id, sender, timestamp, text, source, kind, system_event,
        # attachments, reply_to, quoted_text, forwarded_from, edited, edited_at,
        # deleted, reactions); the source's are (file_sha256, file_name, line, path).
        return _MESSAGE(
            f"L{line}",
            name,
            when,
            "\n".join([text, *extra]) if extra else text,
            _SOURCE(sha, file_name, line, None),
            MessageKind.MESSAGE,
            None,
            (),
            None,
            None,
            None,
            False,
            None,
            False,
            (),
        )

    for lineno, line in lines:
        m = match_line(line)
        if m is None:
            if current is not None:
                extra.append(line)
            elif line.strip():
                state.warn(
                    ImportWarning(
                        "orphan_line",
                        "text before the first 'Name: message' line (kept here): " + line[:200],
                        file_name,
                        lineno,
                    )
                )
            continue
        if current is not None:
            yield build()
            extra = []
        ts = m["bts"] or m["ts"]
        when = None
        if ts and _TIME_ONLY.match(ts):
            time_only += 1
        elif ts:
            when = parse_timestamp(ts, options.zone)
            if when is None:
                state.warn(
                    ImportWarning(
                        "bad_timestamp",
                        f"could not read the time '{ts}'; the message is kept without one",
                        file_name,
                        lineno,
                    )
                )
        current = (lineno, m["name"].strip(), m["text"] or "", when)
    if current is not None:
        yield build()
    elif state.warning_count:
        raise ImportFormatError(
            "no line here reads as 'Name: message'",
            file=file_name,
            hint="put each message on its own line as 'Name: message', or " + OPTION,
            option="format", offer=Offer.ANOTHER,
        )
    if time_only:
        state.warn(
            ImportWarning(
                "time_without_date",
                f"{time_only} messages have a time of day but no date; "
                "their times are in the original text only",
                file_name,
            )
        )


class PlainTextImporter(Importer):
    """Reads hand-copied chats ("Name: message" lines)."""

    name = "plaintext"
    platform = "text"
    version = "1"
    description = "plain text 'Name: message' lines, timestamps optional"

    def sniff(self, src: ExportSource) -> float:
        """Share of the first lines that read as "Name: message" (below real exports)."""
        head = single_file_head(src, 16384)
        if head is None or head.lstrip(b"\xef\xbb\xbf \r\n\t")[:1] in (b"{", b"["):
            return 0.0
        ratio = looks_like_chat(head.decode("utf-8", "replace").splitlines()[:100])
        return 0.0 if ratio < 0.3 else 0.2 + 0.4 * ratio

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """The file as one conversation."""
        member = src.names()[0]
        sha = src.sha256(member)

        def produce(state: ChatState) -> Iterator[Message]:
            yield from parse_lines(
                iter_text_lines(src, member),
                sha=sha,
                file_name=src.display_name(member),
                options=options,
                state=state,
            )

        return [
            ChatStream(
                id=f"text-{sha[:12]}",
                platform=self.platform,
                format=self.name,
                produce=produce,
                title=None,
                source_files=(src.source_file(member),),
                timezone=options.zone_name,
                timezone_assumed=True,
            )
        ]


def text_stream(text: str, name: str, options: ImportOptions) -> ChatStream:
    """A stream over pasted text (not a file), with the same rules as the importer."""
    data = text.encode("utf-8", "surrogatepass")
    sha = hashlib.sha256(data).hexdigest()
    numbered = list(enumerate(text.replace("\r\n", "\n").split("\n"), 1))
    if looks_like_chat(ln for _, ln in numbered[:200]) < 0.3:

        def produce(state: ChatState) -> Iterator[Message]:
            state.participant("unknown", "unknown")
            yield Message(
                id="L1",
                sender="unknown",
                timestamp=None,
                text=text.strip("\n"),
                source=Source(file_sha256=sha, file_name=name, line=1),
            )
            state.notes.append(
                "This text did not look like 'Name: message' lines, so it "
                "was kept as one message from an unknown sender."
            )
    else:

        def produce(state: ChatState) -> Iterator[Message]:
            yield from parse_lines(numbered, sha=sha, file_name=name, options=options, state=state)

    return ChatStream(
        id=f"text-{sha[:12]}",
        platform="text",
        format="plaintext",
        produce=produce,
        source_files=(SourceFile(name=name, sha256=sha, size=len(data)),),
        timezone=options.zone_name,
        timezone_assumed=True,
    )
