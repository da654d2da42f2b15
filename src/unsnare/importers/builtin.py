"""The importers that ship with Unsnare, in the order their names are listed."""

from __future__ import annotations

from unsnare.importers.base import Importer
from unsnare.importers.csvtable import CsvImporter
from unsnare.importers.plaintext import PlainTextImporter
from unsnare.importers.whatsapp import WhatsAppImporter


def builtin_importers() -> list[Importer]:
    """A fresh instance of each built-in importer."""
    return [
        WhatsAppImporter(),
        PlainTextImporter(),
        CsvImporter(),
    ]
