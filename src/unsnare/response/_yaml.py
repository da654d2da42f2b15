"""The one safe YAML loader for the response data files (help directory,
platform guides, guide sections)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from unsnare.errors import InputError


def safe_load(text: str) -> Any:
    """Parse YAML text with a safe loader."""
    # The C loader (LibYAML) is several times faster when present; both are safe loaders.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def as_date(value: Any, *, file: str, field: str) -> dt.date:
    """A data file's ``checked`` date (YAML may give a date or a YYYY-MM-DD string)."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{value!r} is not a date", file=file, field=field,
                         hint="write the date checked as YYYY-MM-DD") from None
