"""Dependencies shared by the routes, as `Annotated` aliases."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Form, Request
from starlette.templating import Jinja2Templates

from unsnare.errors import LockerError, UnsnareError
from unsnare.evidence.locker import Locker
from unsnare.settings import Settings
from unsnare.web.sessions import SessionStore, WebSession


class CsrfError(UnsnareError):
    """A form arrived without this browser's own token (possibly from another site)."""

    status_code = 403


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


def _store(request: Request) -> SessionStore:
    store: SessionStore = request.app.state.sessions
    return store


def _session(request: Request) -> WebSession:
    session: WebSession = request.state.session
    return session


def _checked_form(
    session: Annotated[WebSession, Depends(_session)],
    csrf_token: Annotated[str, Form()] = "",
) -> WebSession:
    # Synchronizer token: the form must carry the token this session was given.
    # Compared as bytes: compare_digest refuses str with non-ASCII characters (a 500).
    given = csrf_token.encode("utf-8", "surrogatepass")
    if not given or not hmac.compare_digest(given, session.csrf_token.encode("ascii")):
        raise CsrfError(
            "This form could not be accepted because it did not come from this page.",
            hint="Go back, reload the page and try again. Nothing was saved.",
        )
    return session


def _open_locker(session: Annotated[WebSession, Depends(_session)]) -> Locker:
    if session.locker is None:
        raise LockerError(
            "Your case is locked.",
            hint="Open My case and enter your passphrase to unlock it.",
        )
    return session.locker


SettingsDep = Annotated[Settings, Depends(_settings)]
TemplatesDep = Annotated[Jinja2Templates, Depends(_templates)]
StoreDep = Annotated[SessionStore, Depends(_store)]
SessionDep = Annotated[WebSession, Depends(_session)]
# Use on every POST that comes from a form: checks the CSRF token first.
FormSessionDep = Annotated[WebSession, Depends(_checked_form)]
LockerDep = Annotated[Locker, Depends(_open_locker)]
