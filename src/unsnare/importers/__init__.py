"""Chat importers: read a platform's export into `Conversation`s, losing nothing.

The public API other parts of Unsnare use:

- `read_export(path, format=, tz=, chat=)` -> `ImportResult`
- `open_export(...)` -> the same, as lazy `ChatStream`s for very large exports
- `read_text(text, name=, tz=)` -> `Conversation` for pasted text
- `available_formats()` -> importer names
- `conversation_to_dict(conv)` -> the `unsnare import --json` shape
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from unsnare.errors import OPTION, ImportFormatError, Offer, UnsnareError, UsageError
from unsnare.importers.base import (
    ChatState,
    ChatStream,
    Importer,
    ImportOptions,
    ImportResult,
    make_options,
)
from unsnare.importers.plaintext import text_stream
from unsnare.importers.registry import ImporterRegistry, default_registry
from unsnare.importers.serialize import conversation_to_dict, message_to_dict
from unsnare.importers.source import ExportSource, PastedSource
from unsnare.importers.whatsapp import WhatsAppImporter
from unsnare.models import Conversation

__all__ = [
    "ChatState",
    "ChatStream",
    "ImportOptions",
    "ImportResult",
    "Importer",
    "ImporterRegistry",
    "OpenedExport",
    "available_formats",
    "conversation_to_dict",
    "default_registry",
    "message_to_dict",
    "open_export",
    "read_export",
    "read_text",
]


class OpenedExport:
    """An export opened for streaming: the chosen format and one stream per chat."""

    def __init__(self, importer: Importer, streams: list[ChatStream]) -> None:
        self.format = importer.name
        self.importer = importer
        self.streams = streams


def _wrap_shape_error(exc: Exception, fmt: str, path: Path) -> ImportFormatError:
    # A KeyError or TypeError deep in a reader means the file is not shaped like
    # the format claims: explain that instead of showing a crash.
    return ImportFormatError(
        f"this does not have the shape of a {fmt} export ({type(exc).__name__}: {exc})",
        file=str(path),
        hint="check the file is the platform's original export, or " + OPTION,
        option="format", choices=available_formats(), offer=Offer.ANOTHER,
    )


def _pick_chat(streams: list[ChatStream], chat: str) -> list[ChatStream]:
    picked = [s for s in streams if chat in (s.title, s.id)]
    if not picked:
        names = ", ".join(s.title or s.id for s in streams)
        raise UsageError(
            f"there is no chat called '{chat}' in this export",
            field="--chat",
            hint=f"the chats are: {names[:500]}",
        )
    return picked


@contextmanager
def open_export(
    path: Path | str | ExportSource,
    *,
    format: str | None = None,
    tz: str | None = None,
    chat: str | None = None,
    registry: ImporterRegistry | None = None,
) -> Iterator[OpenedExport]:
    """Open an export for streaming; read each `ChatStream` inside the `with` block."""
    reg = registry or default_registry()
    options = make_options(tz, chat)
    # An ExportSource may be passed as it is (a `MemorySource` for uploads).
    given = path if isinstance(path, ExportSource) else None
    path = path.path if isinstance(path, ExportSource) else Path(path)
    with given or ExportSource(path) as src:
        importer = reg.get(format) if format else reg.detect(src)
        try:
            streams = importer.read(src, options)
            if not streams:
                raise ImportFormatError(
                    f"no {importer.name} conversation was found here",
                    file=str(path),
                    hint="check the path points at the export itself; or " + OPTION,
                    option="format", choices=reg.names(), offer=Offer.ANOTHER,
                )
            if chat is not None and not importer.selects_chats:
                streams = _pick_chat(streams, chat)
            yield OpenedExport(importer, streams)
        except UnsnareError:
            raise
        except (
            KeyError,
            TypeError,
            ValueError,
            IndexError,
            AttributeError,
            json.JSONDecodeError,
        ) as exc:
            raise _wrap_shape_error(exc, importer.name, path) from None


def read_export(
    path: Path | str | ExportSource,
    *,
    format: str | None = None,
    tz: str | None = None,
    chat: str | None = None,
) -> ImportResult:
    """Read a whole export (file, folder or zip, or a `MemorySource`) into conversations."""
    with open_export(path, format=format, tz=tz, chat=chat) as opened:
        convs = tuple(stream.collect() for stream in opened.streams)
        fmt = opened.format
    return ImportResult(
        format=fmt,
        conversations=convs,
        warnings=tuple(w for c in convs for w in c.warnings),
    )


def read_text(text: str, *, name: str = "pasted.txt", tz: str | None = None) -> Conversation:
    """Read text a person pasted ("Name: message" lines, or else one message)."""
    options = make_options(tz)
    if text.strip():
        # A pasted WhatsApp chat keeps everything the WhatsApp reader knows
        # (system lines, media placeholders, date order); otherwise plain text.
        src = PastedSource(name, text.encode("utf-8", "surrogatepass"))
        whatsapp = WhatsAppImporter()
        if whatsapp.sniff(src) >= 0.7:
            try:
                return whatsapp.read(src, options)[0].collect()
            except UnsnareError:
                pass
    return text_stream(text, name, options).collect()


def available_formats() -> list[str]:
    """The names of the import formats `--format` accepts."""
    return default_registry().names()
