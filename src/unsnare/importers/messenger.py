"""Facebook Messenger "Download your information" messages (JSON, folder or zip)."""

from __future__ import annotations

from unsnare.importers.base import ChatStream, Importer, ImportOptions
from unsnare.importers.meta_dyi import (
    has_instagram_marks,
    is_encrypted_chats_download,
    read_meta,
    sniff_meta,
)
from unsnare.importers.source import ExportSource

E2EE_NOTE = (
    "End-to-end encrypted Messenger chats are not in this export: Facebook offers them as "
    "a separate download."
)


class MessengerImporter(Importer):
    """Reads Messenger chats from a Facebook "Download your information" export."""

    name = "messenger"
    platform = "messenger"
    version = "1"
    description = "Facebook Messenger 'Download your information' JSON (folder or zip)"

    def sniff(self, src: ExportSource) -> float:
        """Meta thread files without Instagram's marks (Messenger is the default)."""
        if not sniff_meta(src):
            return 0.0
        return 0.6 if has_instagram_marks(src) else 0.8

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per thread folder."""
        streams = read_meta(src, options, self.platform, self.name)
        if not is_encrypted_chats_download(src):
            for stream in streams:
                stream.state.notes.append(E2EE_NOTE)
        return streams
