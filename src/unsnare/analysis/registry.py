"""The one registry of detectors. Built-in detectors register the same way an
outside one would: `registry.register(MyDetector())`."""

from __future__ import annotations

from unsnare.analysis.base import Detector, PatternDetector
from unsnare.errors import UsageError
from unsnare.registry import DETECTORS_GROUP, Registry, load_entry_points


class DetectorRegistry(Registry[Detector]):
    """Detectors by name, in registration order; duplicate names are refused."""

    kind = "detector"

    def get(self, name: str) -> Detector:
        """The detector with this name."""
        found = self.lookup(name)
        if found is None:
            raise UsageError(f"no detector named {name!r}", field="detector")
        return found

    def names(self) -> tuple[str, ...]:
        """The registered names, in order."""
        return tuple(d.name for d in self)


def builtin_registry() -> DetectorRegistry:
    """A new registry holding every built-in detector."""
    from unsnare.analysis.detectors import register_builtins

    registry = DetectorRegistry()
    register_builtins(registry)
    return registry


def installed_registry() -> DetectorRegistry:
    """The built-in detectors, then those of installed plug-in packages (`unsnare.detectors`)."""
    registry = builtin_registry()
    load_entry_points(DETECTORS_GROUP, registry, Detector, _compile_rules)
    return registry


def _compile_rules(detector: object) -> None:
    """A plug-in's rule patterns, compiled as it loads (a typo then names the plug-in)."""
    if isinstance(detector, PatternDetector):
        detector.compile_rules()
