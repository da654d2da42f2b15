"""The one registry of detectors. Built-in detectors register the same way an
outside one would: `registry.register(MyDetector())`."""

from __future__ import annotations

from collections.abc import Iterator

from unsnare.analysis.base import Detector
from unsnare.errors import UsageError


class DetectorRegistry:
    """Detectors by name, in registration order; duplicate names are refused."""

    def __init__(self) -> None:
        self._detectors: dict[str, Detector] = {}

    def register(self, detector: Detector) -> Detector:
        """Add a detector; refuse one without a name or with a name already taken."""
        name = detector.name
        if not name:
            raise UsageError(
                f"{type(detector).__name__} has no name",
                hint="give the detector class a fixed `name`",
            )
        if name in self._detectors:
            raise UsageError(
                f"a detector named {name!r} is already registered",
                hint="pick a different `name` for the new detector",
            )
        self._detectors[name] = detector
        return detector

    def get(self, name: str) -> Detector:
        """The detector with this name."""
        try:
            return self._detectors[name]
        except KeyError:
            raise UsageError(f"no detector named {name!r}", field="detector") from None

    def names(self) -> tuple[str, ...]:
        """The registered names, in order."""
        return tuple(self._detectors)

    def __iter__(self) -> Iterator[Detector]:
        return iter(self._detectors.values())

    def __len__(self) -> int:
        return len(self._detectors)


def builtin_registry() -> DetectorRegistry:
    """A new registry holding every built-in detector."""
    from unsnare.analysis.detectors import register_builtins

    registry = DetectorRegistry()
    register_builtins(registry)
    return registry
