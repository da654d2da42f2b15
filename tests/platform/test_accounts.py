"""Reviewer accounts: Argon2id passwords, TOTP, sessions, CSRF, roles, and the CLI."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from support.platform import OPERATOR, TestClient
from support.review import PASSWORD, csrf_of, log_in, make_reviewer
from unsnare.cli.main import _register_commands, app
from unsnare.errors import UnsnareError
from unsnare.platform import accounts, totp
from unsnare.platform.errors import NotAuthenticatedError

pytestmark = pytest.mark.postgres
NOW = 1_800_000_000.0


def _audit_actions(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(sa.text(
            "SELECT action FROM platform_audit_log ORDER BY id")).scalars())


def test_passwords_are_stored_as_argon2id_and_never_in_clear(engine: Engine) -> None:
    make_reviewer(engine, "acme", "rosa")
    with engine.connect() as conn:
        stored = conn.execute(sa.text(
            "SELECT password_hash FROM platform_reviewers WHERE username = 'rosa'")).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


@pytest.mark.parametrize(("username", "role", "password", "field"), [
    ("Rosa Smith", "reviewer", PASSWORD, "username"),
    ("rosa", "boss", PASSWORD, "--role"),
    ("rosa", "reviewer", "short", "password"),
])
def test_bad_accounts_are_refused_naming_the_field(
    engine: Engine, username: str, role: str, password: str, field: str
) -> None:
    make_reviewer(engine, "acme", "first")
    with pytest.raises(UnsnareError) as caught, engine.begin() as conn:
        accounts.add_reviewer(conn, "acme", username, role, password, OPERATOR)
    assert caught.value.where() == f"field '{field}'"


def test_login_on_a_fixed_clock_and_every_refusal(engine: Engine) -> None:
    secret = make_reviewer(engine, "acme", "rosa")
    good = totp.code_at(secret, NOW)
    for password, code in [("wrong password here", good), (PASSWORD, "000000"),
                           (PASSWORD, totp.code_at(secret, NOW - 90))]:
        with pytest.raises(NotAuthenticatedError), engine.begin() as conn:
            accounts.login(conn, "rosa", password, code, now=NOW)
    with pytest.raises(NotAuthenticatedError), engine.begin() as conn:
        accounts.login(conn, "nobody", PASSWORD, good, now=NOW)
    with engine.begin() as conn:
        made = accounts.login(conn, "rosa", PASSWORD, good, now=NOW)
    assert made.expires == datetime.fromtimestamp(NOW, UTC) + timedelta(minutes=30)
    # The same code again is a replay.
    with pytest.raises(NotAuthenticatedError), engine.begin() as conn:
        accounts.login(conn, "rosa", PASSWORD, good, now=NOW + 5)
    with engine.connect() as conn:
        assert accounts.session(conn, made.token, now=NOW + 60).reviewer.username == "rosa"
        with pytest.raises(NotAuthenticatedError, match="ended"):
            accounts.session(conn, made.token, now=NOW + 31 * 60)


def test_web_login_refuses_a_wrong_password_or_code_and_audits_it(
    web: TestClient, engine: Engine
) -> None:
    secret = make_reviewer(engine, "acme", "rosa")
    assert log_in(web, "rosa", secret, password="not the password at all") == 401
    assert log_in(web, "rosa", secret, code="123456") == 401
    assert web.get("/review", follow_redirects=False).status_code == 303
    assert _audit_actions(engine)[-2:] == ["reviewer.login_refused"] * 2
    assert log_in(web, "rosa", secret) == 303
    page = web.get("/review")
    assert page.status_code == 200 and "Waiting for review" in page.text
    assert _audit_actions(engine)[-1] == "reviewer.login"


def test_the_session_cookie_is_httponly_secure_and_samesite(
    web: TestClient, engine: Engine
) -> None:
    secret = make_reviewer(engine, "acme", "rosa")
    form = web.get("/review/login")
    answer = web.post("/review/login", data={
        "username": "rosa", "password": PASSWORD, "code": totp.code_at(secret, NOW + 10**6),
        "csrf_token": csrf_of(form.text)}, follow_redirects=False)
    assert answer.status_code == 401  # a code from the wrong time
    form = web.get("/review/login")
    answer = web.post("/review/login", data={
        "username": "rosa", "password": PASSWORD, "code": totp.code_at(secret, time.time()),
        "csrf_token": csrf_of(form.text)}, follow_redirects=False)
    cookie = next(v for k, v in answer.headers.multi_items()
                  if k == "set-cookie" and v.startswith("__Host-unsnare-review="))
    assert re.search(r"(?i)httponly", cookie) and re.search(r"(?i)secure", cookie)
    assert re.search(r"(?i)samesite=strict", cookie) and "Path=/" in cookie
    with engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT token_sha256 FROM platform_review_sessions")
                              ).scalar_one()
    token = cookie.split(";")[0].split("=", 1)[1]
    assert token not in stored


def test_the_login_form_needs_its_csrf_token(web: TestClient, engine: Engine) -> None:
    secret = make_reviewer(engine, "acme", "rosa")
    web.get("/review/login")
    answer = web.post("/review/login", data={
        "username": "rosa", "password": PASSWORD, "code": totp.code_at(secret, NOW)},
        follow_redirects=False)
    assert answer.status_code == 403


def test_an_expired_session_is_sent_back_to_login(web: TestClient, engine: Engine) -> None:
    secret = make_reviewer(engine, "acme", "rosa")
    assert log_in(web, "rosa", secret) == 303
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE platform_review_sessions SET expires = now() - "
                             "interval '1 second'"))
    answer = web.get("/review", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/review/login"


def test_disabling_a_reviewer_ends_their_session(web: TestClient, engine: Engine) -> None:
    secret = make_reviewer(engine, "acme", "rosa")
    assert log_in(web, "rosa", secret) == 303
    with engine.begin() as conn:
        accounts.disable_reviewer(conn, "rosa", OPERATOR)
    assert web.get("/review", follow_redirects=False).status_code == 303
    with pytest.raises(NotAuthenticatedError), engine.begin() as conn:
        accounts.login(conn, "rosa", PASSWORD, totp.code_at(secret, NOW), now=NOW)


def test_logout_needs_the_csrf_token_and_ends_the_session(
    web: TestClient, engine: Engine
) -> None:
    secret = make_reviewer(engine, "acme", "rosa")
    assert log_in(web, "rosa", secret) == 303
    page = web.get("/review")
    assert web.post("/review/logout", data={}, follow_redirects=False).status_code == 403
    assert web.post("/review/logout", data={"csrf_token": csrf_of(page.text)},
                    follow_redirects=False).status_code == 303
    assert web.get("/review", follow_redirects=False).status_code == 303


def _cli(*args: str, stdin: str = "") -> tuple[int, str]:
    _register_commands()
    result = CliRunner().invoke(app, list(args), input=stdin)
    if isinstance(result.exception, UnsnareError):
        return result.exception.exit_code, result.output + result.exception.explain()
    return result.exit_code, result.output


def test_reviewers_are_added_listed_and_disabled_from_the_command_line(
    database_url: str, engine: Engine
) -> None:
    db = ["--database-url", database_url]
    assert _cli("platform", "tenant", "create", "acme", *db)[0] == 0
    code, out = _cli("platform", "reviewer", "add", "lee", "--tenant", "acme", "--role", "lead",
                     "--password-stdin", *db, stdin=PASSWORD + "\n")
    assert code == 0, out
    assert "otpauth://totp/" in out and "secret=" in out
    code, out = _cli("platform", "reviewer", "add", "lee", "--tenant", "acme",
                     "--password-stdin", *db, stdin=PASSWORD + "\n")
    assert code != 0 and "taken" in out
    code, out = _cli("platform", "reviewer", "list", *db)
    assert code == 0 and "lee  acme  lead  active" in out
    assert _cli("platform", "reviewer", "disable", "lee", *db)[0] == 0
    assert "disabled" in _cli("platform", "reviewer", "list", *db)[1]
    assert {"reviewer.add", "reviewer.disable"} <= set(_audit_actions(engine))


def test_ten_wrong_tries_lock_the_account_for_a_while(engine: Engine) -> None:
    secret = make_reviewer(engine, "acme", "rosa")

    def attempt(password: str, code: str, now: float) -> bool:
        # As the login page does: the refusal (and its count) is committed.
        with engine.begin() as conn:
            try:
                accounts.login(conn, "rosa", password, code, now=now)
            except NotAuthenticatedError:
                return False
            return True

    for i in range(accounts.MAX_FAILURES):
        assert not attempt("a wrong password here", "000000", NOW + i)
    good = NOW + 60
    assert not attempt(PASSWORD, totp.code_at(secret, good), good)  # locked, though right
    later = NOW + accounts.LOCK_MINUTES * 60 + 30
    assert attempt(PASSWORD, totp.code_at(secret, later), later)
    with engine.connect() as conn:
        reasons = [json.loads(d)["reason"] for d in conn.execute(sa.text(
            "SELECT detail FROM platform_audit_log WHERE action = 'reviewer.login_refused' "
            "ORDER BY id")).scalars()]
    assert reasons[-2:] == ["password, now locked", "locked"]
