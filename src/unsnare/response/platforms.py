"""Where the report button is on each platform, loaded from ``data/platforms.yaml``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from unsnare.errors import InputError
from unsnare.response._yaml import safe_load

_FIELDS = ("id", "name", "aliases", "where", "choose", "block_note", "report_first")


@dataclass(frozen=True)
class PlatformGuide:
    """How to report and block someone on one platform."""

    id: str
    name: str
    aliases: tuple[str, ...]
    where: str
    choose: str
    block_note: str
    report_first: bool

    def text(self) -> str:
        """The whole instruction as one paragraph (report-first platforms say so first)."""
        lead = ("Report before you block: blocking can hide what you need." if self.report_first
                else "")
        return " ".join(p for p in (lead, self.where, self.choose, self.block_note) if p)


class PlatformCatalogue:
    """Every platform guide, looked up by id, name or alias."""

    def __init__(self, guides: Sequence[PlatformGuide]) -> None:
        ids = [g.id for g in guides]
        if len(ids) != len(set(ids)):
            raise InputError("duplicate platform id", file="platforms.yaml", field="id")
        self.guides = tuple(guides)
        self._names: dict[str, PlatformGuide] = {}
        for g in guides:
            for name in (g.id, g.name, *g.aliases):
                self._names[fold_name(name)] = g

    def find(self, name: str) -> PlatformGuide | None:
        """The guide for a platform name such as ``Insta`` or ``tinder``, or None."""
        return self._names.get(fold_name(name))


def fold_name(text: str) -> str:
    """A platform name folded for lookup: lower case, single spaces."""
    return " ".join(str(text).strip().lower().split())


def parse_platforms(raw: Any, *, file: str = "platforms.yaml") -> PlatformCatalogue:
    """Validate the raw YAML list and build the catalogue."""
    if not isinstance(raw, list):
        raise InputError("the platforms file must hold a list", file=file)
    guides: list[PlatformGuide] = []
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping):
            raise InputError("each platform must be a mapping", file=file, field=f"[{i}]")
        missing = [f for f in _FIELDS if item.get(f) in (None, "")]
        if missing:
            raise InputError(f"platform entry has no {missing[0]}", file=file,
                             field=f"{item.get('id', i)}.{missing[0]}")
        guides.append(
            PlatformGuide(
                id=str(item["id"]),
                name=str(item["name"]),
                aliases=tuple(str(a) for a in item["aliases"]),
                where=" ".join(str(item["where"]).split()),
                choose=" ".join(str(item["choose"]).split()),
                block_note=" ".join(str(item["block_note"]).split()),
                report_first=bool(item["report_first"]),
            )
        )
    return PlatformCatalogue(guides)


@lru_cache(maxsize=1)
def default_platforms() -> PlatformCatalogue:
    """The platform guides shipped in the package (loaded on first use)."""
    text = resources.files("unsnare.response").joinpath("data").joinpath(
        "platforms.yaml").read_text("utf-8")
    return parse_platforms(safe_load(text))
