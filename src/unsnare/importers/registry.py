"""The one list of importers, and choosing one for an export."""

from __future__ import annotations

import re
from functools import lru_cache

from unsnare.errors import OPTION, ImportFormatError, Offer, UsageError
from unsnare.importers.base import Importer
from unsnare.importers.source import ExportSource
from unsnare.registry import IMPORTERS_GROUP, Registry, load_entry_points

# Below this confidence no importer may claim an export on its own.
MIN_CONFIDENCE = 0.3


class ImporterRegistry(Registry[Importer]):
    """Importers by name. Built-in and outside importers register the same way."""

    kind = "importer"

    def names(self) -> list[str]:
        """Importer names, in registration order."""
        return [imp.name for imp in self]

    def get(self, name: str) -> Importer:
        """The importer with this name, or a usage error listing the names."""
        found = self.lookup(name)
        if found is None:
            raise UsageError(
                f"there is no import format called '{name}'",
                option="format", choices=self.names(), offer=Offer.ANOTHER,
            )
        return found

    def scores(self, src: ExportSource) -> list[tuple[float, Importer]]:
        """Every importer's confidence for `src`, best first."""
        scored = [(imp.sniff(src), imp) for imp in self]
        return sorted(scored, key=lambda pair: -pair[0])

    def detect(self, src: ExportSource) -> Importer:
        """The importer most sure it can read `src`, or a clear error."""
        scored = self.scores(src)
        best, importer = scored[0]
        if best < MIN_CONFIDENCE:
            raise ImportFormatError(
                "Unsnare does not recognise this as a chat export it can read "
                f"(it saw {what_was_seen(src)})",
                file=str(src.path),
                hint="check you chose the export file (for WhatsApp the .txt or .zip, for "
                "Instagram/Messenger the folder or zip, for Telegram result.json); if you "
                "know the format, " + OPTION,
                option="format", choices=self.names(),
            )
        rival = next((imp for score, imp in scored[1:] if best - score < _TIE), None)
        if rival is not None and rival.platform != importer.platform:
            raise ImportFormatError(
                f"this could be a {importer.name} or a {rival.name} export and Unsnare "
                f"cannot tell which (it saw {what_was_seen(src)})",
                file=str(src.path),
                option="format", choices=(importer.name, rival.name),
            )
        return importer


# Two formats whose scores are closer than this are a tie: ask, do not guess.
_TIE = 0.05
_JSON_KEY = re.compile(rb'"([^"\\]{1,40})"\s*:')


def what_was_seen(src: ExportSource) -> str:
    """A short description of an export's start, for errors that ask for --format."""
    names = src.names()
    if src.kind != "file":
        shown = ", ".join(names[:6])
        more = f" and {len(names) - 6} more" if len(names) > 6 else ""
        return f"{len(names)} files: {shown}{more}"
    head = src.head(names[0], 4096)
    if b"\x00" in head:
        return "binary data, not text"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        keys = list(dict.fromkeys(k.decode("utf-8", "replace") for k in _JSON_KEY.findall(head)))
        return "JSON with the fields " + ", ".join(keys[:8]) if keys else "JSON without fields"
    lines = [ln.strip() for ln in head.decode("utf-8", "replace").splitlines() if ln.strip()]
    return f"text starting '{lines[0][:80]}'" if lines else "an empty text"


@lru_cache(maxsize=1)
def default_registry() -> ImporterRegistry:
    """The built-in importers, then those of installed plug-in packages
    (`unsnare.importers`); built on first use, not at import."""
    from unsnare.importers.builtin import builtin_importers

    registry = ImporterRegistry()
    for importer in builtin_importers():
        registry.register(importer)
    load_entry_points(IMPORTERS_GROUP, registry, Importer)
    return registry
