"""An importer for 'Pinebox', an invented export format: JSON lines after a header line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from unsnare.errors import ImportFormatError
from unsnare.importers.base import ChatState, ChatStream, Importer, ImportOptions
from unsnare.importers.source import ExportSource, iter_text_lines, single_file_head
from unsnare.models import Message, Source


class PineboxImporter(Importer):
    """Reads a .pinebox file: a `{"pinebox": 1}` header, then one message per line."""

    name = "pinebox"
    platform = "pinebox"
    version = "1"
    description = "Pinebox chat log (JSON lines), an example plug-in format"

    def sniff(self, src: ExportSource) -> float:
        """Sure when the file starts with the Pinebox header."""
        head = single_file_head(src, 256)
        return 0.95 if head is not None and head.startswith(b'{"pinebox"') else 0.0

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """The file as one conversation."""
        member = src.names()[0]
        sha = src.sha256(member)
        file_name = src.display_name(member)
        lines = iter_text_lines(src, member)
        header = json.loads(next(lines)[1])

        def produce(state: ChatState) -> Iterator[Message]:
            for number, line in lines:
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    sender, text = str(record["from"]), str(record["text"])
                except (ValueError, KeyError) as exc:
                    raise ImportFormatError(
                        f"this line is not a Pinebox message ({exc})",
                        file=file_name,
                        line=number,
                        hint="each line after the first needs 'from', 'at' and 'text'",
                    ) from None
                state.participant(sender)
                yield Message(
                    id=f"L{number}",
                    sender=sender,
                    timestamp=datetime.fromisoformat(record["at"]) if record.get("at") else None,
                    text=text,
                    source=Source(file_sha256=sha, file_name=file_name, line=number),
                )

        return [
            ChatStream(
                id=f"pinebox-{sha[:12]}",
                platform=self.platform,
                format=self.name,
                produce=produce,
                title=str(header.get("chat") or "") or None,
                source_files=(src.source_file(member),),
                timezone=options.zone_name,
                timezone_assumed=False,
            )
        ]
