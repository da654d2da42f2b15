"""Render a page with what every template needs (session flags, CSRF token, nav, language)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from unsnare.web import crisis, i18n
from unsnare.web.sessions import WebSession

ONE_YEAR = 365 * 24 * 3600


def page(
    request: Request,
    name: str,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render `name` with the base context; the layout adds quick exit and the nav."""
    templates: Jinja2Templates = request.app.state.templates
    session: WebSession | None = getattr(request.state, "session", None)
    lang, asked = i18n.choose(request)
    base: dict[str, Any] = {
        "csrf_token": session.csrf_token if session else "",
        "case_unlocked": bool(session and session.unlocked),
        "locked_by_idle": bool(session and session.locked_by_idle),
        "path": request.url.path,
        "crisis_line": crisis.line_for_request(request),
        "lang": lang,
        "t": i18n.translator(lang),
        # A finding's English explanation (from the analysis) in the page's language.
        "explain": lambda text: i18n.finding_sentence(str(text or ""), lang),
        "languages": i18n.LANGUAGES,
        # The same page in each language, keeping its other query values (?audience=...).
        "language_links": {
            code: f"{request.url.path}?{request.url.include_query_params(lang=code).query}"
            for code in i18n.LANGUAGES
        },
    }
    base.update(context)
    response = templates.TemplateResponse(request, name, base, status_code=status_code)
    if asked:
        response.set_cookie(i18n.COOKIE, lang, max_age=ONE_YEAR, httponly=True,
                            samesite="lax", path="/")
    return response
