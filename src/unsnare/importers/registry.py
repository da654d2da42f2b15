"""The one list of importers, and choosing one for an export."""

from __future__ import annotations

from functools import lru_cache

from unsnare.errors import ImportFormatError, UsageError
from unsnare.importers.base import Importer
from unsnare.importers.source import ExportSource

# Below this confidence no importer may claim an export on its own.
MIN_CONFIDENCE = 0.3


class ImporterRegistry:
    """Importers by name. Built-in and outside importers register the same way."""

    def __init__(self) -> None:
        self._importers: dict[str, Importer] = {}

    def register(self, importer: Importer) -> None:
        """Add an importer; a second importer with the same name is refused."""
        if importer.name in self._importers:
            raise ValueError(f"an importer named {importer.name!r} is already registered")
        self._importers[importer.name] = importer

    def names(self) -> list[str]:
        """Importer names, in registration order."""
        return list(self._importers)

    def get(self, name: str) -> Importer:
        """The importer with this name, or a usage error listing the names."""
        try:
            return self._importers[name]
        except KeyError:
            raise UsageError(
                f"there is no import format called '{name}'",
                field="--format",
                hint="use one of: " + ", ".join(self.names()),
            ) from None

    def scores(self, src: ExportSource) -> list[tuple[float, Importer]]:
        """Every importer's confidence for `src`, best first."""
        scored = [(imp.sniff(src), imp) for imp in self._importers.values()]
        return sorted(scored, key=lambda pair: -pair[0])

    def detect(self, src: ExportSource) -> Importer:
        """The importer most sure it can read `src`, or a clear error."""
        best, importer = self.scores(src)[0]
        if best < MIN_CONFIDENCE:
            raise ImportFormatError(
                "Unsnare does not recognise this as a chat export it can read",
                file=str(src.path),
                hint="check you chose the export file (for WhatsApp the .txt or .zip, for "
                "Instagram/Messenger the folder or zip, for Telegram result.json); if you "
                "know the format, add --format with one of: " + ", ".join(self.names()),
            )
        return importer


@lru_cache(maxsize=1)
def default_registry() -> ImporterRegistry:
    """The registry of built-in importers (built on first use, not at import)."""
    from unsnare.importers.builtin import builtin_importers

    registry = ImporterRegistry()
    for importer in builtin_importers():
        registry.register(importer)
    return registry
