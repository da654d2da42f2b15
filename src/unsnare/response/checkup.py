"""The privacy check-up: per platform, the settings that matter most against sextortion.

Most threats say "I'll send it to all your followers", and offenders copy the
follower or friend list in the first minutes; a hidden list takes that
audience away. Each setting says why it matters, where it lives (in words,
since buttons move), for whom, and the help page it was checked against.
Loading ``data/checkup.yaml`` refuses any entry without a source, a check
date, a reason or an audience; entries checked more than a year ago are
reported so that the output can warn.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from unsnare.errors import InputError, UsageError
from unsnare.response._yaml import as_date, safe_load
from unsnare.response.platforms import fold_name

AUDIENCES = ("teen", "adult")
# Apps move their settings often; after a year an entry may point at the wrong menu.
STALE_AFTER = dt.timedelta(days=365)
FILE = "checkup.yaml"
_PLATFORM_FIELDS = ("id", "name", "audience", "source", "checked", "settings")
_PLATFORM_OPTIONAL = ("aliases",)
_SETTING_FIELDS = ("id", "title", "why", "where", "audience", "source", "checked", "verified")
_SETTING_OPTIONAL = ("note",)


@dataclass(frozen=True)
class Setting:
    """One setting to check on one platform, with why it matters and where we checked it."""

    platform: str
    id: str
    title: str
    why: str
    where: str
    audience: tuple[str, ...]
    source: str
    checked: dt.date
    verified: bool
    note: str | None = None

    @property
    def key(self) -> str:
        """The id used for ticks: ``platform.setting`` (``instagram.private_account``)."""
        return f"{self.platform}.{self.id}"

    def stale(self, today: dt.date) -> bool:
        """True when the entry was checked more than a year before `today`."""
        return today - self.checked > STALE_AFTER

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"key": self.key, "title": self.title, "why": self.why, "where": self.where,
                "audience": list(self.audience), "source": self.source,
                "checked": self.checked.isoformat(), "verified": self.verified,
                "note": self.note}


@dataclass(frozen=True)
class PlatformCheckup:
    """A platform's ordered checklist (most important setting first)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    audience: tuple[str, ...]
    source: str
    checked: dt.date
    settings: tuple[Setting, ...]

    def for_audience(self, audience: str | None) -> PlatformCheckup:
        """The same platform with only the settings meant for this audience (None: all)."""
        if audience is None:
            return self
        return replace(self, settings=tuple(s for s in self.settings if audience in s.audience))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"id": self.id, "name": self.name, "audience": list(self.audience),
                "source": self.source, "checked": self.checked.isoformat(),
                "settings": [s.to_dict() for s in self.settings]}


class Checkup:
    """Every platform's checklist, looked up by id, name or alias."""

    def __init__(self, platforms: Sequence[PlatformCheckup]) -> None:
        ids = [p.id for p in platforms]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise InputError(f"duplicate platform id(s): {', '.join(dupes)}", file=FILE,
                             field="id")
        self.platforms = tuple(platforms)
        self._names: dict[str, PlatformCheckup] = {}
        for p in platforms:
            for name in (p.id, p.name, *p.aliases):
                self._names[fold_name(name)] = p

    def find(self, name: str) -> PlatformCheckup | None:
        """The checklist for a platform name such as ``Insta`` or ``twitter``, or None."""
        return self._names.get(fold_name(name))

    def keys(self) -> frozenset[str]:
        """Every tickable setting id."""
        return frozenset(s.key for p in self.platforms for s in p.settings)

    def select(self, platform: str | None = None,
               audience: str | None = None) -> list[PlatformCheckup]:
        """The checklists for one platform (or all) and one audience (or both).

        Platforms with nothing for the audience are left out (dating apps for
        a teen); UsageError names the option when a value is unknown.
        """
        if audience is not None and audience not in AUDIENCES:
            raise UsageError(f"unknown audience {audience!r}", field="audience",
                             hint="use: " + " or ".join(AUDIENCES))
        if platform is not None:
            found = self.find(platform)
            if found is None:
                raise UsageError(f"no check-up for {platform!r}", field="platform",
                                 hint="use one of: " + ", ".join(p.id for p in self.platforms))
            chosen = [found]
        else:
            chosen = list(self.platforms)
        return [p.for_audience(audience) for p in chosen if p.for_audience(audience).settings]


def stale_warnings(platforms: Iterable[PlatformCheckup], today: dt.date) -> list[str]:
    """One plain sentence for every platform or setting checked more than a year ago."""
    out: list[str] = []
    for p in platforms:
        if today - p.checked > STALE_AFTER:
            out.append(f"{p.name}: our notes were last checked on {p.checked.isoformat()}, "
                       "over a year ago. The app may have moved things; check its help page.")
        for s in p.settings:
            if s.stale(today):
                out.append(f"{p.name} – {s.title}: last checked on {s.checked.isoformat()}, "
                           "over a year ago. The setting may have moved or changed name.")
    return out


def _text(value: Any) -> str:
    return " ".join(str(value).split())


def _audience(value: Any, *, field: str, file: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    bad = [a for a in items if a not in AUDIENCES]
    if bad or not items:
        raise InputError(f"unknown audience {bad or items!r}", file=file, field=field,
                         hint="use a list of: " + ", ".join(AUDIENCES))
    return tuple(str(a) for a in items)


def _check_fields(raw: Any, required: tuple[str, ...], optional: tuple[str, ...], *,
                  where: str, file: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise InputError("each entry must be a mapping", file=file, field=where)
    unknown = sorted(set(raw) - set(required) - set(optional))
    if unknown:
        raise InputError(f"unknown field(s) {', '.join(unknown)}", file=file,
                         field=f"{where}.{unknown[0]}")
    for name in required:
        if raw.get(name) in (None, "", []):
            raise InputError(f"{where} has no {name}", file=file, field=f"{where}.{name}",
                             hint="every entry needs a source, the date it was checked, "
                                  "a reason (why) and an audience")
    if not str(raw["source"]).startswith("https://"):
        raise InputError(f"{where}: source must be a web address (https://...)", file=file,
                         field=f"{where}.source")
    return raw


def _setting(raw: Any, platform: str, index: int, file: str) -> Setting:
    where = f"{platform}.settings[{index}]"
    if isinstance(raw, Mapping) and raw.get("id"):
        where = f"{platform}.{raw['id']}"
    item = _check_fields(raw, _SETTING_FIELDS, _SETTING_OPTIONAL, where=where, file=file)
    if not isinstance(item["verified"], bool):
        raise InputError("verified must be true or false", file=file, field=f"{where}.verified")
    note = _text(item["note"]) if item.get("note") else None
    if not item["verified"] and not note:
        raise InputError(f"{where} is not verified but has no note", file=file,
                         field=f"{where}.note",
                         hint="say in the note what could not be checked against the source")
    return Setting(
        platform=platform, id=str(item["id"]), title=_text(item["title"]),
        why=_text(item["why"]), where=_text(item["where"]),
        audience=_audience(item["audience"], field=f"{where}.audience", file=file),
        source=str(item["source"]),
        checked=as_date(item["checked"], field=f"{where}.checked", file=file),
        verified=item["verified"], note=note,
    )


def _platform(raw: Any, index: int, file: str) -> PlatformCheckup:
    where = str(raw.get("id")) if isinstance(raw, Mapping) and raw.get("id") else f"[{index}]"
    item = _check_fields(raw, _PLATFORM_FIELDS, _PLATFORM_OPTIONAL, where=where, file=file)
    if not isinstance(item["settings"], list):
        raise InputError("settings must be a list", file=file, field=f"{where}.settings")
    settings = tuple(_setting(s, where, i, file) for i, s in enumerate(item["settings"]))
    ids = [s.id for s in settings]
    if len(ids) != len(set(ids)):
        raise InputError("duplicate setting id", file=file, field=f"{where}.settings")
    return PlatformCheckup(
        id=where, name=_text(item["name"]),
        aliases=tuple(str(a) for a in item.get("aliases") or ()),
        audience=_audience(item["audience"], field=f"{where}.audience", file=file),
        source=str(item["source"]),
        checked=as_date(item["checked"], field=f"{where}.checked", file=file),
        settings=settings,
    )


def parse_checkup(raw: Any, *, file: str = FILE) -> Checkup:
    """Validate the raw YAML list and build the check-up (used by tests and the loader)."""
    if not isinstance(raw, list):
        raise InputError("the check-up file must hold a list of platforms", file=file)
    return Checkup([_platform(p, i, file) for i, p in enumerate(raw)])


@lru_cache(maxsize=1)
def default_checkup() -> Checkup:
    """The check-up shipped in the package (loaded on first use)."""
    text = resources.files("unsnare.response").joinpath("data").joinpath(FILE).read_text("utf-8")
    try:
        return parse_checkup(safe_load(text))
    except yaml.YAMLError as exc:
        raise InputError(f"cannot read the check-up data: {exc}", file=FILE) from None


# --- ticks ------------------------------------------------------------------

def checked_ticks(ticks: Iterable[str], known: frozenset[str]) -> frozenset[str]:
    """The ticks as a set; UsageError names the first id that is not a setting."""
    chosen = frozenset(str(t) for t in ticks)
    unknown = sorted(chosen - known)
    if unknown:
        raise UsageError(f"{unknown[0]!r} is not a check-up setting", field="tick",
                         hint="use ids such as instagram.private_account; "
                              "`unsnare checkup --json` lists them all")
    return chosen


def load_ticks(path: Path) -> frozenset[str]:
    """Ticks saved in a local file (none when the file does not exist yet)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return frozenset()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read the saved check-up ({exc.__class__.__name__})",
                         file=str(path),
                         hint="delete the file to start the check-up again") from None
    ticks = data.get("ticked") if isinstance(data, dict) else None
    if not isinstance(ticks, list) or not all(isinstance(t, str) for t in ticks):
        raise InputError("the saved check-up has no list of ticked settings", file=str(path),
                         field="ticked", hint="delete the file to start the check-up again")
    return frozenset(ticks)


def save_ticks(path: Path, ticks: Iterable[str]) -> None:
    """Write the ticks to a local file readable only by this user."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"ticked": sorted(ticks)}, indent=1) + "\n", encoding="utf-8")
    tmp.chmod(0o600)
    tmp.replace(path)
