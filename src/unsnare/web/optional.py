"""Reach the parts of Unsnare that other modules provide, and say so when one is missing.

Pages call these instead of importing directly so that a part still being
built shows "coming soon" rather than an error.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType
from typing import Any


def module(name: str) -> ModuleType | None:
    """The module if it is installed, else None (a broken module still raises)."""
    try:
        found = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    return importlib.import_module(name) if found is not None else None


def field(item: Any, name: str, default: Any = None) -> Any:
    """Read `name` from a dict or an object, whichever the library returned."""
    if isinstance(item, dict):
        return item.get(name, default)
    return getattr(item, name, default)
