"""Helpers for the review tests: reviewer accounts made as an operator makes them, and a
browser-like client over HTTPS (the session cookie is Secure) that logs in."""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urlparse

from sqlalchemy.engine import Engine

from support.platform import OPERATOR, TestClient, ensure_tenant
from unsnare.platform import accounts, totp

PASSWORD = "correct horse battery staple"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_reviewer(engine: Engine, tenant: str, username: str, role: str = "reviewer") -> str:
    """Make the account (and its tenant when new); its TOTP secret."""
    with engine.begin() as conn:
        ensure_tenant(conn, tenant)
        _, uri = accounts.add_reviewer(conn, tenant, username, role, PASSWORD, OPERATOR)
    return parse_qs(urlparse(uri).query)["secret"][0]


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def log_in(client: TestClient, username: str, secret: str, *, password: str = PASSWORD,
           code: str | None = None, now: float | None = None) -> int:
    """Log in through the form; the status of the answer (303 when it worked)."""
    form = client.get("/review/login")
    assert form.status_code == 200
    answer = client.post("/review/login", data={
        "username": username, "password": password,
        "code": code if code is not None else totp.code_at(secret, now or time.time()),
        "csrf_token": csrf_of(form.text),
    }, follow_redirects=False)
    return answer.status_code
