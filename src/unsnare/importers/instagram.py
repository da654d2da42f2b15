"""Instagram "Download your information" messages (JSON, folder or zip)."""

from __future__ import annotations

from unsnare.importers.base import ChatStream, Importer, ImportOptions
from unsnare.importers.meta_dyi import has_instagram_marks, read_meta, sniff_meta
from unsnare.importers.source import ExportSource


class InstagramImporter(Importer):
    """Reads Instagram DMs from a "Download your information" export."""

    name = "instagram"
    platform = "instagram"
    version = "1"
    description = "Instagram 'Download your information' JSON (folder or zip)"

    def sniff(self, src: ExportSource) -> float:
        """Meta thread files, and the word Instagram in the export's names."""
        if not sniff_meta(src):
            return 0.0
        return 0.9 if has_instagram_marks(src) else 0.7

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per thread folder."""
        return read_meta(src, options, self.platform, self.name)
