"""The one line of crisis help shown at the top of Home, Get help now and every plan.

It names the crisis line of the person's country (from their plan, else the
region of the browser's language) with tap-to-call and tap-to-text links, and
the emergency number. It is shown whatever the answers: a person who does not
say they are unsafe may still be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from unsnare.response.directory import default_directory, services_for
from unsnare.response.plan import Plan
from unsnare.web import i18n

FIND_A_HELPLINE = "https://findahelpline.com/"
_REGION = re.compile(r"^[a-zA-Z]{2,3}[-_]([a-zA-Z]{2})\b")


@dataclass(frozen=True)
class CrisisLine:
    """What the line says: a service with its numbers, and the emergency number."""

    country: str | None
    country_name: str | None
    name: str | None
    phone: str | None
    text: str | None
    url: str
    emergency: str | None


def country_of(request: Request) -> str | None:
    """The person's country: from their plan, else the browser language's region."""
    session = getattr(request.state, "session", None)
    plan = getattr(session, "plan", None)
    chosen = plan.triage.country.upper() if isinstance(plan, Plan) else ""
    known = default_directory().countries
    if chosen in known:
        return chosen
    for part in request.headers.get("accept-language", "").split(","):
        m = _REGION.match(part.strip())
        if m and m.group(1).upper() in known:
            return m.group(1).upper()
    return None


def line_for(country: str | None, age: int | None = None, lang: str = i18n.DEFAULT
             ) -> CrisisLine:
    """The crisis line for a country (and age, when known), its words in this language."""
    known = default_directory().countries
    info = known.get(country or "")
    if info is None:
        return CrisisLine(None, None, None, None, None, FIND_A_HELPLINE, None)
    lines = [s for s in services_for(info.code, age)
             if "crisis_support" in s.handles and not s.international and (s.phone or s.text)]
    if age is None:
        # Age unknown (Home, Get help now): a line for every age before one for children only.
        lines.sort(key=lambda s: not (s.fits_age(15) and s.fits_age(30)))
    best: Any = lines[0] if lines else None
    # "190 (police)": the number exact, its word in the page's language.
    emergency = i18n.plan_sentence(info.emergency, lang)
    if best is None:
        return CrisisLine(info.code, info.name, None, None, None, FIND_A_HELPLINE,
                          emergency)
    # A text note with words in it ("50101 (text Talk)") in the page's language.
    text = i18n.service_in({"id": best.id, "text": best.text}, lang)["text"]
    return CrisisLine(info.code, info.name, best.name, best.phone, text, best.url, emergency)


def line_for_request(request: Request) -> CrisisLine:
    """The crisis line for whoever sent this request."""
    session = getattr(request.state, "session", None)
    plan = getattr(session, "plan", None)
    age = plan.triage.age if isinstance(plan, Plan) else None
    return line_for(country_of(request), age, i18n.choose(request)[0])
