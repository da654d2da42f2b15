"""Languages of the web pages: one message catalogue per language, `t()` in templates.

Catalogues live in ``web/locales/<code>.yaml``: a flat mapping of message id
(``page.part``, such as ``home.title``) to text. English (``en.yaml``) is the
source; a message missing from another language falls back to English, and a
test checks that every language has every message.

Placeholders are ``{name}`` and are filled with `t("id", name=value)`. The
result is Markup: the message text and plain values are escaped, while a value
that is already Markup (a link built in the template) is kept as HTML.

The language is chosen by ``?lang=es`` (remembered in a ``lang`` cookie), else
the cookie, else the browser's Accept-Language, else English.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from fastapi import Request
from markupsafe import Markup, escape

from unsnare.errors import InputError
from unsnare.response._yaml import safe_load
from unsnare.response.platforms import default_platforms

DEFAULT = "en"
# Code -> the language's own name (shown in the switch, so each is readable by its speakers).
LANGUAGES: Mapping[str, str] = {"en": "English", "es": "Español", "pt": "Português"}
COOKIE = "lang"

Translate = Callable[..., Markup]


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(lang: str) -> Mapping[str, str]:
    """The messages of one language (loaded once)."""
    name = f"locales/{lang}.yaml"
    data = _locale_yaml(name, "A message catalogue",
                        'Put quotes around a message that holds ": ".')
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise InputError("A message catalogue must map message ids to text.", file=name,
                         hint="Write each message as `id: text` on its own line.")
    return data


def _locale_yaml(name: str, what: str, hint: str) -> Any:
    """One file of ``web/locales`` parsed; invalid YAML is an InputError naming file and line."""
    text = resources.files("unsnare.web").joinpath(name).read_text(encoding="utf-8")
    try:
        return safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"{what} is not valid YAML: {exc}", file=name,
                         line=mark.line + 1 if mark else None, hint=hint) from None


def _lookup(lang: str) -> Callable[[str, str | None], str]:
    """`text(message_id, default)` for one language: its own text, else English's,
    else `default`, else the id."""
    own = catalogue(lang) if lang in LANGUAGES else {}
    english = catalogue(DEFAULT)

    def text(message_id: str, default: str | None) -> str:
        return own.get(message_id) or english.get(message_id) or default or message_id

    return text


def translator(lang: str) -> Translate:
    """`t(message_id, **values)` for one language, falling back to English."""
    lookup = _lookup(lang)

    def t(message_id: str, /, default: str | None = None, **values: Any) -> Markup:
        # `default` is for ids made from data (a tactic a newer analysis may add).
        text = lookup(message_id, default)
        # Markup.format escapes every value that is not Markup already.
        return Markup(escape(text)).format(**values) if values else Markup(escape(text))

    return t


def plain(lang: str, message_id: str, /, default: str | None = None, **values: str) -> str:
    """One message as plain text (not escaped: for text that is escaped where it is shown)."""
    text = _lookup(lang)(message_id, default)
    return text.format(**values) if values else text


@lru_cache(maxsize=len(LANGUAGES))
def plan_words(lang: str) -> Mapping[str, str]:
    """Plan-step sentences in one language, keyed by the English the plan builder writes.

    The plan is built in English by unsnare.response; a sentence not listed
    (one naming a country's number or service) is shown in English.
    """
    if lang == DEFAULT or lang not in LANGUAGES:
        return {}
    name = f"locales/plan.{lang}.yaml"
    data = _locale_yaml(name, "A plan translation", 'Put quotes around a text that holds ": ".')
    if not isinstance(data, dict):
        raise InputError("A plan translation must map English text to text.", file=name)
    return {str(k): str(v) for k, v in data.items()}


@lru_cache(maxsize=len(LANGUAGES))
def plan_patterns(lang: str) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """The templated plan sentences of one language, as (key, pattern, translation).

    A key such as ``Call {emergency} now.`` stands for every sentence the plan
    builder writes with a country's number or a service's name in that place;
    the words found there are kept exactly (or translated when they are a key
    of their own, such as ``190 (police)``).
    """
    return _templates(plan_words(lang))


def _templates(words: Mapping[str, str]) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """The keys of `words` that hold ``{placeholders}``, as (key, pattern, translation)."""
    out = []
    for key, value in words.items():
        parts = list(string.Formatter().parse(key))
        if not any(name for _, name, _, _ in parts):
            continue
        regex = "".join(re.escape(literal) + (f"(?P<{name}>.+?)" if name else "")
                        for literal, name, _, _ in parts)
        out.append((key, re.compile(regex + r"\Z", re.DOTALL), value))
    return tuple(out)


def plan_sentence(text: str, lang: str) -> str:
    """One plan sentence (title, text or note) in this language; English when not listed."""
    words = plan_words(lang)
    if not text or not words:
        return text
    if text in words:
        return words[text]
    for _, pattern, target in plan_patterns(lang):
        found = pattern.match(text)
        if found:
            return target.format(**{k: words.get(v, v) for k, v in found.groupdict().items()})
    return text


@lru_cache(maxsize=len(LANGUAGES))
def finding_words(lang: str) -> Mapping[str, str]:
    """Finding explanations in one language, keyed by the English the analysis writes.

    From ``locales/findings.<lang>.yaml``. The analysis explains each finding
    in English (and stores it so); the page shows it in its own language, and a
    sentence not listed (from a newer or outside detector) stays English.
    """
    if lang == DEFAULT or lang not in LANGUAGES:
        return {}
    name = f"locales/findings.{lang}.yaml"
    data = _locale_yaml(name, "A finding translation",
                        "Put each English sentence and its translation in quotes.")
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise InputError("A finding translation must map English text to text.", file=name,
                         hint='Write each entry as `"English sentence": "translation"`.')
    return data


@lru_cache(maxsize=len(LANGUAGES))
def finding_patterns(lang: str) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """The templated explanations (the learned layer's), longest key first.

    Longest first, so "reads like {reads} together with the message before it"
    is tried before the shorter key that would swallow those words into {reads}.
    """
    return tuple(sorted(_templates(finding_words(lang)), key=lambda e: -len(e[0])))


def finding_sentence(text: str, lang: str) -> str:
    """A finding's explanation in this language; the English text when not listed."""
    words = finding_words(lang)
    if not text or not words:
        return text
    if text in words:
        return words[text]
    for _, pattern, target in finding_patterns(lang):
        found = pattern.match(text)
        if found:
            values = found.groupdict()
            if all(v in words for k, v in values.items() if k != "score"):
                return target.format(**{k: words.get(v, v) for k, v in values.items()})
    return text


@lru_cache(maxsize=len(LANGUAGES))
def service_words(lang: str) -> Mapping[str, Mapping[str, str]]:
    """Per service id, its summary (and hours or text note, when they have words) translated.

    From ``locales/services.<lang>.yaml``; names, numbers and addresses are
    never translated, so they are not in it.
    """
    if lang == DEFAULT or lang not in LANGUAGES:
        return {}
    name = f"locales/services.{lang}.yaml"
    data = _locale_yaml(name, "A service translation", 'Put quotes around a text that holds ": ".')
    if not isinstance(data, dict) or not all(
        isinstance(v, dict) and isinstance(v.get("summary"), str) for v in data.values()
    ):
        raise InputError("A service translation must map each service id to its summary.",
                         file=name, hint="Write `id:` then `  summary: text` under it.")
    return {str(k): {str(f): str(t) for f, t in v.items()} for k, v in data.items()}


@lru_cache(maxsize=len(LANGUAGES))
def platform_words(lang: str) -> Mapping[str, Mapping[str, str]]:
    """Per platform id, its report guide (where, choose, block_note) translated.

    From ``locales/platforms.<lang>.yaml``; a platform not listed keeps its English guide.
    """
    if lang == DEFAULT or lang not in LANGUAGES:
        return {}
    name = f"locales/platforms.{lang}.yaml"
    data = _locale_yaml(name, "A platform translation", 'Put quotes around a text that holds ": ".')
    if not isinstance(data, dict) or not all(
        isinstance(v, dict) and all(isinstance(v.get(f), str) for f in _GUIDE_PARTS)
        for v in data.values()
    ):
        raise InputError("A platform translation must give each platform id its "
                         "where, choose and block_note.", file=name,
                         hint="Write `id:` then `  where: text` (and the others) under it.")
    return {str(k): {f: str(v[f]) for f in _GUIDE_PARTS} for k, v in data.items()}


_GUIDE_PARTS = ("where", "choose", "block_note")


def platform_text(guide_id: str, lang: str) -> str | None:
    """A platform's report guide as one paragraph in this language, or None if not translated."""
    own = platform_words(lang).get(guide_id)
    guide = next((g for g in default_platforms().guides if g.id == guide_id), None)
    if own is None or guide is None:
        return None
    lead = str(catalogue(lang).get("plan.report_first", "")) if guide.report_first else ""
    return " ".join(p for p in (lead, *(own[f] for f in _GUIDE_PARTS)) if p)


def service_in(service: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """A service (as a dict with ``summary``/``description``) with its words in this language."""
    out = dict(service)
    own = service_words(lang).get(str(service.get("id") or ""), {})
    for field in ("summary", "description"):
        if field in out and own.get("summary"):
            out[field] = own["summary"]
    for field in ("hours", "text"):
        if out.get(field) and own.get(field):
            out[field] = own[field]
    return out


def contact_line(service: Mapping[str, Any], lang: str) -> str:
    """"Call …, text …, go to … (hours)." in this language; numbers and addresses as they are."""
    words = catalogue(lang) if lang in LANGUAGES else {}
    english = catalogue(DEFAULT)

    def say(message_id: str, **values: str) -> str:
        return (words.get(message_id) or english[message_id]).format(**values)

    parts = []
    if service.get("phone"):
        parts.append(say("plan.contact_call", phone=str(service["phone"])))
    if service.get("text"):
        parts.append(say("plan.contact_text", text=str(service["text"])))
    parts.append(say("plan.contact_go", url=str(service["url"])))
    line = ", ".join(parts)
    if service.get("hours"):
        line = say("plan.contact_hours", line=line, hours=str(service["hours"]))
    return line[0].upper() + line[1:] + "."


def choose(request: Request) -> tuple[str, bool]:
    """The language for this request, and whether it was asked for just now (?lang=)."""
    asked = request.query_params.get("lang", "").lower()
    if asked in LANGUAGES:
        return asked, True
    kept = request.cookies.get(COOKIE, "").lower()
    if kept in LANGUAGES:
        return kept, False
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code, False
    return DEFAULT, False


def pick(values: Mapping[str, Any], lang: str) -> Any:
    """The entry of a {lang: value} mapping for this language, else the English one."""
    return values.get(lang, values.get(DEFAULT))
