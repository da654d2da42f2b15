"""Turn uploads and pasted text into analysed conversations for the check page.

Uploads are read from memory (`MemorySource`), never written to disk;
nothing is kept unless the person chooses to save it to their (encrypted)
case.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import PurePath

from unsnare import analysis, importers
from unsnare.analysis import text_input
from unsnare.errors import InputError, Offer, UnsnareError
from unsnare.imaging import screenshots
from unsnare.importers.memory import MemorySource
from unsnare.media import is_image_name
from unsnare.models import Conversation
from unsnare.web import reportview
from unsnare.web.errors import FORM_WORDS


@dataclasses.dataclass(frozen=True)
class Upload:
    """One uploaded file, held in memory while it is read."""

    name: str
    data: bytes

    @property
    def is_image(self) -> bool:
        """True for a picture (a screenshot), going by its name."""
        return is_image_name(self.name)


# File systems refuse names over 255 bytes; a longer uploaded name is shortened.
_MAX_NAME_BYTES = 200


def safe_name(name: str) -> str:
    """A file name without folders, so an upload cannot write outside the temp dir."""
    base = PurePath(name.replace("\\", "/")).name.strip()
    if base in ("", ".", ".."):
        return "upload"
    if len(base.encode("utf-8", "surrogatepass")) <= _MAX_NAME_BYTES:
        return base
    # Keep the start and the suffix (the importers go by it), and a digest of the
    # whole name so two long names that begin alike stay apart.
    suffix = PurePath(base).suffix[:16]
    tag = hashlib.sha256(base.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    stem = base.encode("utf-8", "surrogatepass")[:120].decode("utf-8", "ignore")
    return f"{stem}-{tag}{suffix}"


# Unsnare's own errors name the format option structurally (`option="format"`) and
# the error page words it. Hints that arrive as plain text (the per-format readers'
# own advice, an outside importer's) may still say "--format": on the web that
# choice is the form's "Format" list.
_CLI_FORMAT = re.compile(
    r"(?:(?:add|choose|try) )?(another )?--format(?: with one of: .*$| \(one of: [^)]*\))?"
)


def _format_choice(m: re.Match[str]) -> str:
    # In the error page's own words for the option (web.errors.FormWords).
    return FORM_WORDS.option("format", (), Offer.ANOTHER if m.group(1) else Offer.PICK)


@contextmanager
def form_hints() -> Iterator[None]:
    """Plain-text importer hints about --format speak of the form's "Format" list instead."""
    try:
        yield
    except UnsnareError as exc:
        if exc.option is None and exc.hint:
            exc.hint = _CLI_FORMAT.sub(_format_choice, exc.hint)
        raise


def analyze(conversation: Conversation) -> reportview.ReportView:
    """Analyse one conversation and prepare it for display."""
    return reportview.build(conversation, analysis.analyze(conversation))


def from_text(text: str) -> reportview.ReportView:
    """Analyse pasted text or a pasted email."""
    if not text.strip():
        raise InputError("There is no text to check.", field="text",
                         hint="Paste the messages or the email into the box, then press Check.")
    # The analysis reads pasted text itself (it recognises an email); the same
    # parse gives us the messages to show beside the findings.
    conversation, _, _ = text_input.conversation_from_text(text)
    return reportview.build(conversation, analysis.analyze_text(text))


def from_uploads(
    uploads: Sequence[Upload], fmt: str | None, tz: str | None,
    reader: screenshots.ScreenshotReader | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[reportview.ReportView], list[str]]:
    """Read and analyse uploaded exports or screenshots; returns views and import warnings."""
    uploads = [u for u in uploads if u.name or u.data]
    if not uploads:
        raise InputError("No file was chosen.", field="files",
                         hint="Choose the exported chat file (or screenshots), then press Check.")
    empty = [u.name for u in uploads if not u.data]
    if empty:
        raise InputError("This file is empty.", file=empty[0],
                         hint="Export the chat again and choose the new file.")
    if all(u.is_image for u in uploads) and not fmt:
        return [analyze(_screenshots(uploads, reader, progress))], []
    # Read from memory: a temporary copy would stay on disk in clear after a crash.
    source = MemorySource([(safe_name(u.name), u.data) for u in uploads])
    with form_hints():
        result = importers.read_export(source, format=fmt or None, tz=tz or None)
    conversations = list(result.conversations)
    warnings = [f"{w.where()}: {w.message}" if w.where() else w.message for w in result.warnings]
    if not conversations:
        raise InputError("We could not find any messages in that file.",
                         file=uploads[0].name,
                         hint="Check that it is the exported chat, not a different file.")
    return [analyze(c) for c in conversations], warnings


def _screenshots(
    uploads: Sequence[Upload], reader: screenshots.ScreenshotReader | None = None,
    progress: Callable[[int], None] | None = None,
) -> Conversation:
    # `reader` is the app's one ScreenshotReader, so the OCR models load once.
    read = []
    for n, u in enumerate(uploads, start=1):
        read.append(screenshots.read_screenshot(
            u.data, name=safe_name(u.name), sha256=hashlib.sha256(u.data).hexdigest(),
            reader=reader))
        if progress is not None:
            progress(n)
    return merge(read)


def merge(conversations: Sequence[Conversation]) -> Conversation:
    """One conversation from several screenshots, in the order they were given."""
    first = conversations[0]
    if len(conversations) == 1:
        return first
    participants = {p.id: p for c in conversations for p in c.participants}
    messages = []
    seen: set[str] = set()
    for n, conv in enumerate(conversations, start=1):
        for m in conv.messages:
            # Screenshots number their messages from 1 each; keep ids unique.
            mid = m.id if m.id not in seen else f"s{n}-{m.id}"
            seen.add(mid)
            messages.append(dataclasses.replace(m, id=mid))
    return dataclasses.replace(
        first,
        participants=tuple(participants.values()),
        messages=tuple(messages),
        source_files=tuple(f for c in conversations for f in c.source_files),
        warnings=tuple(w for c in conversations for w in c.warnings),
    )
