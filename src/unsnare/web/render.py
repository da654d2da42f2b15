"""Render a page with what every template needs (session flags, CSRF token, nav)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from unsnare.web import crisis
from unsnare.web.sessions import WebSession


def page(
    request: Request,
    name: str,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render `name` with the base context; the layout adds quick exit and the nav."""
    templates: Jinja2Templates = request.app.state.templates
    session: WebSession | None = getattr(request.state, "session", None)
    base: dict[str, Any] = {
        "csrf_token": session.csrf_token if session else "",
        "case_unlocked": bool(session and session.unlocked),
        "locked_by_idle": bool(session and session.locked_by_idle),
        "path": request.url.path,
        "crisis_line": crisis.line_for_request(request),
    }
    base.update(context)
    return templates.TemplateResponse(request, name, base, status_code=status_code)
