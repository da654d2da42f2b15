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

from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from fastapi import Request
from markupsafe import Markup, escape

from unsnare.errors import InputError
from unsnare.response._yaml import safe_load

DEFAULT = "en"
# Code -> the language's own name (shown in the switch, so each is readable by its speakers).
LANGUAGES: Mapping[str, str] = {"en": "English", "es": "Español", "pt": "Português"}
COOKIE = "lang"

Translate = Callable[..., Markup]


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(lang: str) -> Mapping[str, str]:
    """The messages of one language (loaded once)."""
    name = f"locales/{lang}.yaml"
    text = resources.files("unsnare.web").joinpath(name).read_text(encoding="utf-8")
    try:
        data = safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"A message catalogue is not valid YAML: {exc}", file=name,
                         line=mark.line + 1 if mark else None,
                         hint='Put quotes around a message that holds ": ".') from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise InputError("A message catalogue must map message ids to text.", file=name,
                         hint="Write each message as `id: text` on its own line.")
    return data


def translator(lang: str) -> Translate:
    """`t(message_id, **values)` for one language, falling back to English."""
    own = catalogue(lang) if lang in LANGUAGES else {}
    english = catalogue(DEFAULT)

    def t(message_id: str, /, default: str | None = None, **values: Any) -> Markup:
        # `default` is for ids made from data (a tactic a newer analysis may add).
        text = own.get(message_id) or english.get(message_id) or default or message_id
        # Markup.format escapes every value that is not Markup already.
        return Markup(escape(text)).format(**values) if values else Markup(escape(text))

    return t


@lru_cache(maxsize=len(LANGUAGES))
def plan_words(lang: str) -> Mapping[str, str]:
    """Plan-step sentences in one language, keyed by the English the plan builder writes.

    The plan is built in English by unsnare.response; a sentence not listed
    (one naming a country's number or service) is shown in English.
    """
    if lang == DEFAULT or lang not in LANGUAGES:
        return {}
    name = f"locales/plan.{lang}.yaml"
    text = resources.files("unsnare.web").joinpath(name).read_text(encoding="utf-8")
    data = safe_load(text) or {}
    if not isinstance(data, dict):
        raise InputError("A plan translation must map English text to text.", file=name)
    return {str(k): str(v) for k, v in data.items()}


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
