"""The default install takes no GPL or AGPL dependency (platforms must be able to adopt it)."""

from __future__ import annotations

import re
from importlib import metadata

from packaging.requirements import Requirement

# Copyleft licences that would stop a platform from adopting Unsnare. LGPL is
# not in this list: it is only ever dynamically linked (Pillow's HEIF plug-in).
_FORBIDDEN = re.compile(r"\b(A?GPL|GNU (Affero )?General Public)", re.IGNORECASE)
_LESSER = re.compile(r"\bLGPL|Lesser General Public|Library General Public", re.IGNORECASE)

# Packages offered under several licences, which we take under a permissive one.
_MULTI_LICENSED = {
    # WeasyPrint's hyphenation: "GPL 2.0+ / LGPL 2.1+ / MPL 1.1"; used under MPL 1.1.
    "pyphen": "MPL-1.1",
}


def _runtime_closure(root: str) -> set[str]:
    seen: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        seen.add(key)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for spec in requires:
            req = Requirement(spec)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue
            todo.append(req.name)
    seen.discard(root)
    return seen


def _licence_text(name: str) -> str:
    meta = metadata.metadata(name)
    parts = [meta.get("License-Expression") or "", (meta.get("License") or "")[:300]]
    parts += [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return " | ".join(parts)


def test_no_gpl_or_agpl_in_the_default_install() -> None:
    offenders = []
    for name in sorted(_runtime_closure("unsnare")):
        if name in _MULTI_LICENSED:
            continue
        try:
            text = _licence_text(name)
        except metadata.PackageNotFoundError:
            continue
        stripped = _LESSER.sub("", text)
        if _FORBIDDEN.search(stripped):
            offenders.append(f"{name}: {text}")
    assert offenders == [], "copyleft dependencies: " + "; ".join(offenders)


# The `scan` extra (pyproject.toml): what a platform installs for `unsnare scan`.
SCAN_EXTRA = ("dask", "distributed", "pyspark", "pyarrow", "pandas", "bokeh")


def test_no_gpl_or_agpl_in_the_scan_extra() -> None:
    offenders = []
    for root in SCAN_EXTRA:
        for name in sorted(_runtime_closure(root) | {root}):
            try:
                text = _licence_text(name)
            except metadata.PackageNotFoundError:
                continue
            if _FORBIDDEN.search(_LESSER.sub("", text)):
                offenders.append(f"{name}: {text}")
    assert offenders == [], "copyleft dependencies: " + "; ".join(offenders)
