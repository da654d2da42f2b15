"""The one safe YAML loader for the response data files (help directory,
platform guides, guide sections)."""

from __future__ import annotations

from typing import Any

import yaml


def safe_load(text: str) -> Any:
    """Parse YAML text with a safe loader."""
    # The C loader (LibYAML) is several times faster when present; both are safe loaders.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
