"""Before it happens: the privacy check-up, "before you accept", and family and school pages.

Ticks live in this browser's session and, when a case is open, in the case
(as the plan's ticks do). Nothing is sent anywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, RedirectResponse

from unsnare.response.checkup import AUDIENCES, default_checkup, stale_warnings
from unsnare.response.prevention import LANGUAGES, default_prevention
from unsnare.web import casefile
from unsnare.web.deps import FormSessionDep, SessionDep
from unsnare.web.render import page
from unsnare.web.routes.selfcheck import router as selfcheck_router
from unsnare.web.sessions import WebSession

router = APIRouter()
# The self-check rides on this router so that the app's router list changes once.
router.include_router(selfcheck_router)

AUDIENCE_TABS = (("", "Everyone"), ("teen", "For teens"), ("adult", "For adults"))


def _audience(value: str | None) -> str | None:
    return value if value in AUDIENCES else None


def _language(request: Request) -> str:
    # ?lang= first, then the app's `lang` cookie (see /work/notes/i18n.md), else English.
    codes = {c for c, _ in LANGUAGES}
    for value in (request.query_params.get("lang"), request.cookies.get("lang")):
        if value in codes:
            return str(value)
    return "en"


def _words(lang: str = "en") -> Any:
    return default_prevention().words(lang)


def _ticks(session: WebSession) -> frozenset[str]:
    if session.checkup is None:
        session.checkup = casefile.load_checkup(session) or frozenset()
    return session.checkup


def _query(platform: str | None, audience: str | None) -> str:
    parts = [f"platform={platform}" if platform else "", f"audience={audience}" if audience else ""]
    joined = "&".join(p for p in parts if p)
    return f"?{joined}" if joined else ""


@router.get("/checkup", response_class=HTMLResponse)
def checkup_page(request: Request, session: SessionDep, platform: str | None = None,
                 audience: str | None = None, saved: int = 0) -> HTMLResponse:
    """The privacy check-up as a printable checklist, per platform."""
    chosen_audience = _audience(audience)
    catalogue = default_checkup()
    found = catalogue.find(platform) if platform else None
    shown = catalogue.select(found.id if found else None, chosen_audience)
    ticks = _ticks(session)
    message = ""
    if saved:
        message = "Your ticks are saved" + (" in your case." if session.unlocked else ".")
    total = sum(len(p.settings) for p in shown)
    done = sum(1 for p in shown for s in p.settings if s.key in ticks)
    return page(
        request, "checkup.html",
        platforms=shown, all_platforms=catalogue.platforms, ticks=ticks,
        platform=found.id if found else "", audience=chosen_audience or "",
        audience_tabs=AUDIENCE_TABS, warnings=stale_warnings(shown, dt.date.today()),
        total=total, done=done, status_message=message, words=_words(), text_lang="en",
    )


@router.post("/checkup")
def tick_checkup(
    session: FormSessionDep,
    done: Annotated[list[str] | None, Form()] = None,
    platform: Annotated[str, Form()] = "",
    audience: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Save the ticks of the settings shown on the page (to the case too, when one is open)."""
    catalogue = default_checkup()
    found = catalogue.find(platform) if platform else None
    chosen_audience = _audience(audience)
    # Only the settings that were on the page change: a filtered view must not
    # untick the settings it did not show.
    shown = {s.key for p in catalogue.select(found.id if found else None, chosen_audience)
             for s in p.settings}
    ticked = set(done or []) & shown
    session.checkup = frozenset((_ticks(session) - shown) | ticked)
    casefile.save_checkup(session)
    query = _query(found.id if found else None, chosen_audience)
    return RedirectResponse(f"/checkup{query}{'&' if query else '?'}saved=1", status_code=303)


@router.get("/checkup/before-you-accept", response_class=HTMLResponse)
def before_you_accept(request: Request, audience: str | None = None) -> HTMLResponse:
    """The one-screen fake-profile check, in teen or adult words (en, es, pt)."""
    chosen = audience if audience in ("teen", "adult") else "teen"
    lang = _language(request)
    check = default_prevention().before_you_accept(chosen, lang)
    return _language_page(request, "checkup_accept.html", lang, check=check, audience=chosen)


def _language_page(request: Request, name: str, lang: str, **context: Any) -> HTMLResponse:
    # `text_lang` and `text_languages`, not `lang` and `languages`: the app's page()
    # sets those for the whole layout once the i18n mechanism lands.
    return page(request, name, text_lang=lang, text_languages=LANGUAGES, words=_words(lang),
                **context)


@router.get("/checkup/family", response_class=HTMLResponse)
def family_guide(request: Request) -> HTMLResponse:
    """The printable family conversation guide and agreement (en, es, pt)."""
    chosen = _language(request)
    return _language_page(request, "checkup_family.html", chosen,
                          guide=default_prevention().family_guide(chosen))


@router.get("/checkup/school", response_class=HTMLResponse)
def school_lesson(request: Request) -> HTMLResponse:
    """The one-page lesson outline for a school counsellor (en, es, pt)."""
    chosen = _language(request)
    material = default_prevention()
    return _language_page(request, "checkup_school.html", chosen,
                          lesson=material.school_lesson(chosen),
                          services=[s.to_dict() for s in material.report_services])

