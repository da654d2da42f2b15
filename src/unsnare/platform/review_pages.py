"""The reviewers' pages: plain server-rendered HTML (no script), kept out of the API
document. Login needs a password and a TOTP code; the session lives in an HttpOnly,
Secure, SameSite=Strict `__Host-` cookie; every form that changes anything carries
the session's CSRF token (the login form a double-submit one)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from unsnare.platform import accounts, review
from unsnare.platform.errors import NotAuthenticatedError, PlatformError
from unsnare.platform.services import Services, services

router = APIRouter(prefix="/review", include_in_schema=False)
Svc = Annotated[Services, Depends(services)]
Csrf = Annotated[str | None, Form()]
ItemId = Annotated[int, Path(ge=1, le=2**62)]
SESSION_COOKIE = "__Host-unsnare-review"
LOGIN_COOKIE = "__Host-unsnare-login"
_ENV = Environment(
    loader=FileSystemLoader(FilePath(__file__).parent / "templates" / "review"),
    autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True,
)
_HEADERS = {"Cache-Control": "no-store", "X-Frame-Options": "DENY",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
            "form-action 'self'; frame-ancestors 'none'"}


def _page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_ENV.get_template(name).render(**context), status, headers=_HEADERS)


def _to_login() -> Response:
    return RedirectResponse("/review/login", 303)


def _set_cookie(response: Response, name: str, value: str, max_age: int) -> None:
    # Every cookie of these pages: sent over HTTPS only, out of reach of scripts, and
    # never with a request another site starts.
    response.set_cookie(name, value, max_age=max_age, path="/", secure=True, httponly=True,
                        samesite="strict")


def _delete_cookie(response: Response, name: str) -> None:
    response.delete_cookie(name, path="/", secure=True, httponly=True, samesite="strict")


def _login_page(status: int = 200, error: str | None = None) -> Response:
    """The login form, with a fresh double-submit CSRF token in the page and a cookie."""
    token = secrets.token_urlsafe(32)
    page = _page("login.html", status, csrf=token, error=error)
    _set_cookie(page, LOGIN_COOKIE, token, 600)
    return page


def _session(svc: Services, request: Request) -> accounts.Session | None:
    try:
        with svc.engine.connect() as conn:
            return accounts.session(conn, request.cookies.get(SESSION_COOKIE))
    except NotAuthenticatedError:
        return None


def _act(session: accounts.Session, back: str, do: Callable[[], Response]) -> Response:
    """Run a step; the service's errors become a plain page with their status."""
    try:
        return do()
    except PlatformError as exc:
        return _page("message.html", exc.status, heading="That did not work",
                     text=f"{exc.message}. {exc.hint or ''}", back=back,
                     reviewer=session.reviewer, csrf=session.csrf)


@router.get("/login")
def login_form() -> Response:
    """The login form, with a fresh double-submit CSRF token."""
    return _login_page()


@router.post("/login")
def login(
    request: Request, svc: Svc, username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)], code: Annotated[str, Form(max_length=16)],
    csrf_token: Csrf = None,
) -> Response:
    """Check the password and code; start a session."""
    cookie = request.cookies.get(LOGIN_COOKIE) or ""
    if not csrf_token or not secrets.compare_digest(cookie.encode(), csrf_token.encode()):
        return _page("message.html", 403, heading="Please try again",
                     text="This form has expired or did not come from Unsnare.",
                     back="/review/login")
    refused: NotAuthenticatedError | None = None
    # The refusal is audited: commit it, then answer.
    with svc.engine.begin() as conn:
        try:
            session = accounts.login(conn, username, password, code,
                                     minutes=svc.settings.session_minutes)
        except NotAuthenticatedError as exc:
            refused = exc
    if refused is not None:
        return _login_page(401, f"{refused.message}. {refused.hint}")
    done = RedirectResponse("/review", 303)
    _delete_cookie(done, LOGIN_COOKIE)
    _set_cookie(done, SESSION_COOKIE, session.token, svc.settings.session_minutes * 60)
    return done


@router.post("/logout")
def logout(request: Request, svc: Svc, csrf_token: Csrf = None) -> Response:
    """End the session."""
    session = _session(svc, request)
    if session is None:
        return _to_login()
    try:
        accounts.check_csrf(session.csrf, csrf_token)
    except PlatformError:
        return _page("message.html", 403, heading="Please try again",
                     text="This form has expired or did not come from Unsnare.",
                     back="/review", reviewer=session.reviewer, csrf=session.csrf)
    with svc.engine.begin() as conn:
        accounts.logout(conn, session.token)
    done = _to_login()
    _delete_cookie(done, SESSION_COOKIE)
    return done


@router.get("")
def queue_page(request: Request, svc: Svc) -> Response:
    """The tenant's waiting items, most urgent first."""
    session = _session(svc, request)
    if session is None:
        return _to_login()
    with svc.engine.begin() as conn:
        items = review.queue(conn, svc.scorer.analyzer, session.reviewer.tenant)
    return _page("queue.html", items=items, reviewer=session.reviewer, csrf=session.csrf)


def _item_page(svc: Services, session: accounts.Session, item_id: int, reveal: bool) -> Response:
    me = session.reviewer
    with svc.engine.begin() as conn:
        found = review.item(conn, me.tenant, item_id, reveal=reveal, actor=me.actor())
    return _page("item.html", item=found, reviewer=me, csrf=session.csrf,
                 lead=me.at_least("lead"))


@router.get("/items/{item_id}")
def item_page(item_id: ItemId, request: Request, svc: Svc) -> Response:
    """One item, explicit wording hidden."""
    session = _session(svc, request)
    if session is None:
        return _to_login()
    return _act(session, "/review", lambda: _item_page(svc, session, item_id, False))


@router.post("/items/{item_id}/reveal")
def reveal(item_id: ItemId, request: Request, svc: Svc, csrf_token: Csrf = None) -> Response:
    """The item with its explicit wording shown (recorded in the audit log)."""
    session = _session(svc, request)
    if session is None:
        return _to_login()

    def do() -> Response:
        accounts.check_csrf(session.csrf, csrf_token)
        return _item_page(svc, session, item_id, True)

    return _act(session, f"/review/items/{item_id}", do)


@router.post("/items/{item_id}/decision")
def decision(
    item_id: ItemId, request: Request, svc: Svc,
    decision: Annotated[str, Form(max_length=16)], csrf_token: Csrf = None,
    note: Annotated[str, Form(max_length=2000)] = "",
    allowlist: Annotated[str | None, Form(max_length=8)] = None,
) -> Response:
    """Record a decision, then back to the queue."""
    session = _session(svc, request)
    if session is None:
        return _to_login()
    me = session.reviewer

    def do() -> Response:
        accounts.check_csrf(session.csrf, csrf_token)
        with svc.engine.begin() as conn:
            review.decide(conn, svc.banks, me.tenant, item_id, decision, role=me.role,
                          actor=me.actor(), note=note.replace("\x00", ""),
                          allowlist=bool(allowlist))
        return RedirectResponse("/review", 303)

    return _act(session, f"/review/items/{item_id}", do)
