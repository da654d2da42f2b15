"""Prevention material: "before you accept", the family guide and the school lesson.

Loaded from ``data/prevention.yaml``. The family guide and the lesson exist in
English, Spanish and Portuguese with the same shape; a language that misses
a field, or a report service that is not in the help directory, is refused
when the file loads, so a page can never show half a translation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from unsnare.errors import InputError, UsageError
from unsnare.response._yaml import safe_load
from unsnare.response.directory import Service, default_directory

FILE = "prevention.yaml"
LANGUAGES = (("en", "English"), ("es", "Español"), ("pt", "Português"))
ACCEPT_AUDIENCES = ("teen", "adult")


@dataclass(frozen=True)
class FakeProfileCheck:
    """The one-screen "before you accept" check, in one audience's words."""

    audience: str
    title: str
    intro: str
    signs: tuple[tuple[str, str], ...]
    then: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"audience": self.audience, "title": self.title, "intro": self.intro,
                "signs": [{"id": i, "text": t} for i, t in self.signs],
                "then": list(self.then)}


@dataclass(frozen=True)
class Prevention:
    """Everything in the prevention file, checked."""

    accept: Mapping[str, Mapping[str, FakeProfileCheck]]
    family: Mapping[str, Mapping[str, Any]]
    school: Mapping[str, Mapping[str, Any]]
    report_services: tuple[Service, ...]
    messages: Mapping[str, Mapping[str, str]]

    def before_you_accept(self, audience: str, lang: str = "en") -> FakeProfileCheck:
        """The fake-profile check for ``teen`` or ``adult``, in one language."""
        if audience not in ACCEPT_AUDIENCES:
            raise UsageError(f"unknown audience {audience!r}", field="audience",
                             hint="use: " + " or ".join(ACCEPT_AUDIENCES))
        return self.accept[language(lang)][audience]

    def family_guide(self, lang: str) -> Mapping[str, Any]:
        """The family conversation guide and agreement in one language."""
        return self.family[language(lang)]

    def school_lesson(self, lang: str) -> Mapping[str, Any]:
        """The counsellor's lesson outline in one language."""
        return self.school[language(lang)]

    def words(self, lang: str) -> Mapping[str, str]:
        """The page words (``privacy.*`` message ids) in one language."""
        return self.messages[language(lang)]


def language(lang: str) -> str:
    """The language code if we have it (en, es, pt); UsageError otherwise."""
    codes = [c for c, _ in LANGUAGES]
    if lang not in codes:
        raise UsageError(f"no text in language {lang!r}", field="lang",
                         hint="use: " + ", ".join(codes))
    return lang


def _text(value: Any) -> str:
    return " ".join(str(value).split())


def _clean(value: Any) -> Any:
    """Fold whitespace in every string of a nested structure (YAML folded blocks)."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    return value


def _shape(value: Any) -> Any:
    """The structure of a value without its text, to compare translations."""
    if isinstance(value, Mapping):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return type(value).__name__


def _empty(value: Any) -> bool:
    if isinstance(value, Mapping):
        return not value or any(_empty(v) for v in value.values())
    if isinstance(value, list):
        return not value or any(_empty(v) for v in value)
    return value in (None, "")


def _languages(raw: Any, section: str, required: tuple[str, ...]) -> dict[str, Mapping[str, Any]]:
    if not isinstance(raw, Mapping):
        raise InputError(f"{section} must map language codes to texts", file=FILE, field=section)
    out: dict[str, Mapping[str, Any]] = {}
    for code, _name in LANGUAGES:
        text = raw.get(code)
        if not isinstance(text, Mapping):
            raise InputError(f"{section} has no {code} text", file=FILE, field=f"{section}.{code}",
                             hint="every page needs English, Spanish and Portuguese")
        missing = [f for f in required if f not in text]
        if missing:
            raise InputError(f"{section}.{code} has no {missing[0]}", file=FILE,
                             field=f"{section}.{code}.{missing[0]}")
        if _empty(text):
            raise InputError(f"{section}.{code} has an empty field", file=FILE,
                             field=f"{section}.{code}")
        out[code] = _clean(text)
    english = _shape(out["en"])
    for code, text in out.items():
        if _shape(text) != english:
            raise InputError(f"{section}.{code} does not have the same parts as the English",
                             file=FILE, field=f"{section}.{code}",
                             hint="translate every heading and point; keep the same number")
    return out


def _accept(raw: Any) -> dict[str, dict[str, FakeProfileCheck]]:
    texts = _languages(raw, "before_you_accept", ACCEPT_AUDIENCES)
    out: dict[str, dict[str, FakeProfileCheck]] = {}
    for lang, by_audience in texts.items():
        out[lang] = {}
        for audience in ACCEPT_AUDIENCES:
            where = f"before_you_accept.{lang}.{audience}"
            item = by_audience[audience]
            signs = item.get("signs") if isinstance(item, Mapping) else None
            if not isinstance(signs, list) or not all(isinstance(s, Mapping) for s in signs):
                raise InputError("signs must be a list of id and text", file=FILE,
                                 field=f"{where}.signs")
            out[lang][audience] = FakeProfileCheck(
                audience=audience, title=str(item["title"]), intro=str(item["intro"]),
                signs=tuple((str(s["id"]), str(s["text"])) for s in signs),
                then=tuple(str(t) for t in item["then"]),
            )
        ids = {a: [i for i, _ in c.signs] for a, c in out[lang].items()}
        if ids["teen"] != ids["adult"] or (lang != "en" and ids["teen"] != _english_ids(out)):
            raise InputError("teen and adult signs must be the same signs in the same order",
                             file=FILE, field=f"before_you_accept.{lang}")
    return out


def _english_ids(accept: Mapping[str, Mapping[str, FakeProfileCheck]]) -> list[str]:
    """The sign ids of the English teen check (every language lists the same signs)."""
    return [i for i, _ in accept["en"]["teen"].signs]


def _services(raw: Any) -> tuple[Service, ...]:
    known = {s.id: s for s in default_directory().services}
    if not isinstance(raw, list) or not raw:
        raise InputError("report_services must list service ids", file=FILE,
                         field="report_services")
    missing = [str(r) for r in raw if r not in known]
    if missing:
        raise InputError(f"report service {missing[0]!r} is not in the help directory",
                         file=FILE, field="report_services",
                         hint="use an id from services.yaml")
    return tuple(known[str(r)] for r in raw)


def parse_prevention(raw: Any) -> Prevention:
    """Validate the raw YAML mapping and build the prevention material."""
    if not isinstance(raw, Mapping):
        raise InputError("the prevention file must hold a mapping", file=FILE)
    return Prevention(
        accept=_accept(raw.get("before_you_accept")),
        family=_languages(raw.get("family_guide"), "family_guide",
                          ("title", "intro", "sections", "agreement")),
        school=_languages(raw.get("school_lesson"), "school_lesson",
                          ("title", "for", "goals_heading", "goals", "outline_heading",
                           "outline", "minutes_label", "warning_signs_heading", "warning_signs",
                           "report_heading", "report_intro", "report_steps", "caution")),
        report_services=_services(raw.get("report_services")),
        messages=_languages(raw.get("messages"), "messages", ("privacy.print",)),
    )


@lru_cache(maxsize=1)
def default_prevention() -> Prevention:
    """The prevention material shipped in the package (loaded on first use)."""
    text = resources.files("unsnare.response").joinpath("data").joinpath(FILE).read_text("utf-8")
    try:
        return parse_prevention(safe_load(text))
    except yaml.YAMLError as exc:
        raise InputError(f"cannot read the prevention material: {exc}", file=FILE) from None
