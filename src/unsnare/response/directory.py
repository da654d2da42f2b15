"""The official-help directory: services by country and age, loaded from YAML data.

Each entry in ``data/services.yaml`` is checked against a small schema when the
directory loads; an entry without a source or a check date is refused, because
a wrong phone number given to someone in crisis is worse than none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from unsnare.errors import InputError
from unsnare.response._yaml import as_date, safe_load

HANDLES = (
    "reporting",
    "image_removal",
    "crisis_support",
    "emotional_support",
    "legal",
    "financial",
    "minors",
    "adults",
    "parents",
    "lgbtq",
    "emergency",
)
# Order used to rank services "most relevant first" within a country.
_RANK = ("emergency", "reporting", "image_removal", "crisis_support", "emotional_support",
         "legal", "financial")
INTERNATIONAL = "*"
_CODE = re.compile(r"^[A-Z]{2}$")
_REQUIRED = ("id", "name", "summary", "handles", "countries", "url", "source", "checked")
_OPTIONAL = ("phone", "text", "hours", "anonymous", "ages")


@dataclass(frozen=True)
class Service:
    """One official or trusted help service, with where we checked it."""

    id: str
    name: str
    summary: str
    handles: tuple[str, ...]
    countries: tuple[str, ...]
    url: str
    source: str
    checked: dt.date
    phone: str | None = None
    text: str | None = None
    hours: str | None = None
    anonymous: bool | None = None
    ages: tuple[int, int] | None = None

    @property
    def international(self) -> bool:
        """True when the service is open to people in any country."""
        return INTERNATIONAL in self.countries

    def fits_age(self, age: int | None) -> bool:
        """True when the service is meant for someone of this age (None: any)."""
        if age is None:
            return True
        if self.ages is not None:
            return self.ages[0] <= age <= self.ages[1]
        for_minors = "minors" in self.handles or "parents" in self.handles
        for_adults = "adults" in self.handles
        if for_minors and not for_adults:
            return age < 18
        if for_adults and not for_minors:
            return age >= 18
        return True

    def serves(self, country: str) -> bool:
        """True when the service covers this country (or every country)."""
        return self.international or country in self.countries

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with the fields the issue names."""
        return {
            "id": self.id,
            "name": self.name,
            "summary": self.summary,
            "handles": list(self.handles),
            "countries": list(self.countries),
            "url": self.url,
            "phone": self.phone,
            "text": self.text,
            "hours": self.hours,
            "anonymous": self.anonymous,
            "source": self.source,
            "checked": self.checked.isoformat(),
            "ages": list(self.ages) if self.ages else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, where: str = "service") -> Service:
        """Build a service from a dict, checking every field; errors name the field."""
        return _validate_entry(data, file=where, index=None)


@dataclass(frozen=True)
class Country:
    """A country we hold services for: code, name and emergency number."""

    code: str
    name: str
    emergency: str
    aliases: tuple[str, ...]
    source: str
    checked: dt.date


@dataclass(frozen=True)
class Lookup:
    """The answer to "who can help me here?": services plus whether we fell back."""

    asked: str
    country: Country | None
    fallback: bool
    services: tuple[Service, ...]

    def note(self) -> str | None:
        """A plain sentence when the country was not found, else None."""
        if not self.fallback:
            return None
        if self.asked.strip().lower() in ("", "other", "xx", "*"):
            # The web form's "Another country" choice: there is no code to quote back.
            return (
                "For countries we do not list yet, these are international services "
                "that help people anywhere. Your local police can also take a report."
            )
        return (
            f"We do not have services listed for {self.asked!r} yet, so these are "
            "international services that help people anywhere. Your local police "
            "can also take a report."
        )


class Directory:
    """All services and countries, validated; answers lookups by country and age."""

    def __init__(self, services: Sequence[Service], countries: Sequence[Country]) -> None:
        ids = [s.id for s in services]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise InputError(f"duplicate service id(s): {', '.join(dupes)}", field="id")
        self.services = tuple(services)
        self.countries = {c.code: c for c in countries}
        self._aliases: dict[str, str] = {}
        for c in countries:
            for alias in (c.code, c.name, *c.aliases):
                self._aliases[_fold(alias)] = c.code

    def resolve(self, country: str) -> Country | None:
        """The country for a code, name or alias (``UK``, ``Germany``), or None."""
        code = self._aliases.get(_fold(country))
        return self.countries.get(code) if code else None

    def covered(self) -> list[str]:
        """Country codes with at least one service of their own."""
        return sorted(self.countries)

    def lookup(self, country: str, age: int | None = None) -> Lookup:
        """Services for a country and age, most relevant first, with fallback."""
        found = self.resolve(country)
        code = found.code if found else None
        chosen = [
            s
            for s in self.services
            if s.fits_age(age) and (s.serves(code) if code is not None else s.international)
        ]
        chosen.sort(key=lambda s: (s.international, _rank(s)))
        return Lookup(asked=country, country=found, fallback=found is None,
                      services=tuple(chosen))


def _rank(service: Service) -> int:
    for i, handle in enumerate(_RANK):
        if handle in service.handles:
            return i
    return len(_RANK)


def _fold(text: str) -> str:
    return " ".join(str(text).strip().lower().replace(".", "").split())


def _validate_entry(raw: Any, *, file: str, index: int | None) -> Service:
    where = f"[{index}]" if index is not None else ""
    if not isinstance(raw, Mapping):
        raise InputError("each service must be a mapping", file=file, field=where or None)
    sid = str(raw.get("id", where))
    unknown = sorted(set(raw) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise InputError(f"unknown field(s) {', '.join(unknown)}", file=file,
                         field=f"{sid}.{unknown[0]}")
    for name in _REQUIRED:
        if raw.get(name) in (None, "", []):
            raise InputError(f"service {sid!r} has no {name}", file=file, field=f"{sid}.{name}",
                             hint="every entry needs a source and the date it was checked")
    handles = tuple(str(h) for h in _as_list(raw["handles"]))
    bad = [h for h in handles if h not in HANDLES]
    if bad:
        raise InputError(f"service {sid!r} has unknown handles {bad}", file=file,
                         field=f"{sid}.handles", hint="use: " + ", ".join(HANDLES))
    countries = tuple(str(c) for c in _as_list(raw["countries"]))
    for c in countries:
        if c != INTERNATIONAL and not _CODE.match(c):
            raise InputError(f"service {sid!r} has a bad country {c!r}", file=file,
                             field=f"{sid}.countries", hint="use ISO codes like GB, or '*'")
    for name in ("url", "source"):
        if not str(raw[name]).startswith("https://") and not str(raw[name]).startswith("http://"):
            raise InputError(f"service {sid!r}: {name} must be a web address", file=file,
                             field=f"{sid}.{name}")
    checked = as_date(raw["checked"], file=file, field=f"{sid}.checked")
    anonymous = raw.get("anonymous")
    if anonymous is not None and not isinstance(anonymous, bool):
        raise InputError(f"service {sid!r}: anonymous must be true or false", file=file,
                         field=f"{sid}.anonymous")
    ages = _as_ages(raw.get("ages"), file=file, field=f"{sid}.ages")
    return Service(
        id=str(raw["id"]),
        name=str(raw["name"]),
        summary=" ".join(str(raw["summary"]).split()),
        handles=handles,
        countries=countries,
        url=str(raw["url"]),
        source=str(raw["source"]),
        checked=checked,
        phone=_opt_str(raw.get("phone")),
        text=_opt_str(raw.get("text")),
        hours=_opt_str(raw.get("hours")),
        anonymous=anonymous,
        ages=ages,
    )


def _as_ages(value: Any, *, file: str, field: str) -> tuple[int, int] | None:
    if value is None:
        return None
    ok = (isinstance(value, list | tuple) and len(value) == 2
          and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
          and 0 <= value[0] <= value[1] <= 130)
    if not ok:
        raise InputError(f"ages must be [youngest, oldest], not {value!r}", file=file,
                         field=field, hint="for example: ages: [5, 25]")
    return int(value[0]), int(value[1])


def _validate_country(raw: Any, *, file: str, index: int) -> Country:
    if not isinstance(raw, Mapping):
        raise InputError("each country must be a mapping", file=file, field=f"[{index}]")
    code = str(raw.get("code", ""))
    if not _CODE.match(code):
        raise InputError(f"bad country code {code!r}", file=file, field=f"[{index}].code")
    for name in ("name", "emergency", "source", "checked"):
        if raw.get(name) in (None, ""):
            raise InputError(f"country {code} has no {name}", file=file, field=f"{code}.{name}")
    return Country(
        code=code,
        name=str(raw["name"]),
        emergency=str(raw["emergency"]),
        aliases=tuple(str(a) for a in _as_list(raw.get("aliases") or [])),
        source=str(raw["source"]),
        checked=as_date(raw["checked"], file=file, field=f"{code}.checked"),
    )


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _opt_str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _load_yaml(name: str) -> Any:
    text = resources.files("unsnare.response").joinpath("data").joinpath(name).read_text("utf-8")
    try:
        return safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"cannot read the help directory: {exc}", file=name) from None


def parse_directory(services_raw: Any, countries_raw: Any, *, file: str = "services.yaml",
                    countries_file: str = "countries.yaml") -> Directory:
    """Validate raw YAML data and build a directory (used by tests and the loader)."""
    if not isinstance(services_raw, list):
        raise InputError("the services file must hold a list", file=file)
    if not isinstance(countries_raw, list):
        raise InputError("the countries file must hold a list", file=countries_file)
    services = [_validate_entry(r, file=file, index=i) for i, r in enumerate(services_raw)]
    countries = [_validate_country(r, file=countries_file, index=i)
                 for i, r in enumerate(countries_raw)]
    return Directory(services, countries)


@lru_cache(maxsize=1)
def default_directory() -> Directory:
    """The directory shipped in the package (loaded once, on first use)."""
    return parse_directory(_load_yaml("services.yaml"), _load_yaml("countries.yaml"))


def services_for(country: str, age: int | None = None) -> list[Service]:
    """Services that fit a country and age, most relevant first (fallback: international)."""
    return list(default_directory().lookup(country, age).services)
