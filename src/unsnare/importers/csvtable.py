"""CSV with named columns (a sender, a text, usually a time), for everything else.

Column names are matched case-insensitively against the usual words
(``sender``/``from``/``author``, ``text``/``message``/``content``,
``timestamp``/``date``/``time``); other columns are ignored but named in a
warning so nothing is dropped unseen.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from unsnare.errors import ImportFormatError
from unsnare.importers.base import ChatState, ChatStream, Importer, ImportOptions
from unsnare.importers.media import media_type
from unsnare.importers.source import ExportSource, iter_text_lines, single_file_head
from unsnare.importers.timeparse import parse_timestamp
from unsnare.models import Attachment, ImportWarning, Message, Source

SENDER = ("sender", "from", "author", "name", "user", "username", "sender_name", "speaker")
TEXT = ("text", "message", "content", "contents", "body", "msg")
TIME = (
    "timestamp",
    "datetime",
    "date_time",
    "date",
    "time",
    "sent",
    "sent_at",
    "created",
    "created_at",
)
IDS = ("id", "message_id", "msg_id")
ATTACH = ("attachment", "attachments", "media", "file", "files")
# A long pasted message can exceed csv's default 128 KB field limit.
_FIELD_LIMIT = 10_000_000


def _pick(header: list[str], names: tuple[str, ...]) -> int | None:
    low = [h.strip().lstrip("\ufeff").casefold() for h in header]
    for n in names:
        if n in low:
            return low.index(n)
    return None


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in ",;\t|"}
    delim = max(counts, key=lambda d: counts[d])

    class _D(csv.excel):
        delimiter = delim

    return _D


class CsvImporter(Importer):
    """Reads a CSV table of messages with named columns."""

    name = "csv"
    platform = "csv"
    version = "1"
    description = "CSV with named columns (sender, text, timestamp)"

    def sniff(self, src: ExportSource) -> float:
        """Confident when the first row names a text column and a sender or time column."""
        head = single_file_head(src, 8192)
        if head is None:
            return 0.0
        sample = head.decode("utf-8", "replace").lstrip("\ufeff")
        try:
            header = next(csv.reader(io.StringIO(sample), _dialect(sample)))
        except (csv.Error, StopIteration):
            return 0.0
        if _pick(header, TEXT) is None:
            return 0.0
        has_other = _pick(header, SENDER) is not None or _pick(header, TIME) is not None
        return 0.7 if has_other else 0.35

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """The table as one conversation."""
        member = src.names()[0]
        sha = src.sha256(member)
        file_name = src.display_name(member)

        def produce(state: ChatState) -> Iterator[Message]:
            yield from read_rows(src, member, sha, file_name, options, state)

        return [
            ChatStream(
                id=f"csv-{sha[:12]}",
                platform=self.platform,
                format=self.name,
                produce=produce,
                source_files=(src.source_file(member),),
                timezone=options.zone_name,
                timezone_assumed=True,
            )
        ]


def read_rows(
    src: ExportSource,
    member: str,
    sha: str,
    file_name: str,
    options: ImportOptions,
    state: ChatState,
    default_sender: str | None = None,
) -> Iterator[Message]:
    """Stream messages from a CSV member; rows are cited as ``row N`` (N counts data rows)."""
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    lines = iter_text_lines(src, member)
    # csv needs the line text; we keep physical line numbers for citations.
    physical = {"n": 0}

    def feed() -> Iterator[str]:
        for n, line in lines:
            physical["n"] = n
            yield line + "\n"

    reader = csv.reader(feed(), _dialect(src.head(member, 4096).decode("utf-8", "replace")))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise ImportFormatError(
            "this CSV file has no header row",
            file=file_name,
            line=1,
            hint="the first row must name the columns",
        ) from None
    i_text = _pick(header, TEXT)
    if i_text is None:
        raise ImportFormatError(
            "no column holds the message text",
            file=file_name,
            line=1,
            hint="name a column 'text' or 'message' (columns found: " + ", ".join(header) + ")",
        )
    i_sender, i_time, i_att = _pick(header, SENDER), _pick(header, TIME), _pick(header, ATTACH)
    i_id = _pick(header, IDS)
    used = {i for i in (i_text, i_sender, i_time, i_att, i_id) if i is not None}
    ignored = [h for i, h in enumerate(header) if i not in used and h.strip()]
    if ignored:
        state.warn(
            ImportWarning(
                "ignored_columns",
                "these columns were not read: " + ", ".join(ignored),
                file_name,
                1,
            )
        )
    row_no = 0
    last_end = physical["n"]
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFormatError(
                f"this CSV row cannot be read ({exc})",
                file=file_name,
                line=physical["n"],
                hint="check the quoting on that line",
            ) from None
        row_no += 1
        start, last_end = last_end + 1, physical["n"]
        if not any(c.strip() for c in row):
            continue
        if len(row) <= i_text:
            state.warn(
                ImportWarning(
                    "short_row",
                    "this row has too few columns; kept here: " + ",".join(row)[:200],
                    file_name,
                    start,
                )
            )
            continue

        def cell(i: int | None, row: list[str] = row) -> str:
            return row[i] if i is not None and i < len(row) else ""

        sender = cell(i_sender).strip() or default_sender or "unknown"
        state.participant(sender)
        when = parse_timestamp(cell(i_time), options.zone) if i_time is not None else None
        if i_time is not None and when is None and cell(i_time).strip():
            state.warn(
                ImportWarning(
                    "bad_timestamp",
                    f"could not read the time '{cell(i_time)}'; the message is kept without one",
                    file_name,
                    start,
                )
            )
        atts = tuple(
            Attachment(file_name=a.strip(), media_type=media_type(a.strip()), present=False)
            for a in cell(i_att).replace(",", " ").split()
            if a.strip()
        )
        yield Message(
            id=cell(i_id).strip() or f"R{row_no}",
            sender=sender,
            timestamp=when,
            text=cell(i_text),
            source=Source(file_sha256=sha, file_name=file_name, line=start, path=f"row {row_no}"),
            attachments=atts,
        )
