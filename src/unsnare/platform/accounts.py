"""Reviewer accounts and their login sessions.

Accounts are made and disabled from the command line (`unsnare platform reviewer`),
each belonging to one tenant with one role: `reviewer` decides, `lead` can also
escalate and decide escalated items, `admin` can do what a lead can. Passwords
are kept as Argon2id hashes (argon2-cffi's defaults); every login needs the
password and a TOTP code. A session is a random token in an HttpOnly, Secure,
SameSite cookie; the database keeps only its SHA-256, its CSRF token and when it
ends (absolute, never extended, so a stolen cookie stops working).
"""

from __future__ import annotations

import functools
import hashlib
import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import IntegrityError

from unsnare.errors import UsageError
from unsnare.platform import audit, totp
from unsnare.platform.db import review_sessions, reviewers
from unsnare.platform.errors import (
    ConflictError,
    ForbiddenError,
    NotAuthenticatedError,
    NotFoundError,
)
from unsnare.platform.keys import get_tenant

ROLES = ("reviewer", "lead", "admin")
_RANK = {role: i for i, role in enumerate(ROLES)}
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 12
SESSION_MINUTES = 30
# After this many wrong tries in a row the account waits LOCK_MINUTES, so a password and
# a 6-digit code cannot be guessed by trying (10 tries in 15 minutes is ~1 in 10^5 a day).
MAX_FAILURES = 10
LOCK_MINUTES = 15
_HASHER = PasswordHasher()  # Argon2id, RFC 9106's second recommended parameters
_LOGIN_REFUSED = "the username, password or code is not right"


@dataclass(frozen=True)
class Reviewer:
    """A reviewer account as stored (never the password or TOTP secret)."""

    id: int
    tenant: str
    username: str
    role: str
    created: datetime
    disabled: datetime | None = None

    def actor(self) -> audit.Actor:
        """This reviewer as the actor of an audited change."""
        return audit.Actor(f"reviewer:{self.username}", self.tenant)

    def at_least(self, role: str) -> bool:
        """Whether the reviewer's role is `role` or above."""
        return _RANK[self.role] >= _RANK[role]

    def require(self, role: str, what: str) -> None:
        """Refuse (403) unless the reviewer's role is `role` or above."""
        if not self.at_least(role):
            raise ForbiddenError(f"only a {role} or above can {what}", field="role",
                                 hint="Ask a lead to do it, or to escalate it for you.")


@dataclass(frozen=True)
class Session:
    """A logged-in reviewer: the cookie's token (shown once) and the CSRF token of forms."""

    token: str
    csrf: str
    reviewer: Reviewer
    expires: datetime


@functools.cache
def _dummy_hash() -> str:
    # Checked against when the username is unknown, so that case takes as long as a wrong
    # password. Made on first use: hashing at import would slow every CLI command.
    return _HASHER.hash("unsnare: no such reviewer")


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _reviewer(row: sa.Row[tuple[object, ...]]) -> Reviewer:
    return Reviewer(int(row.id), str(row.tenant), str(row.username), str(row.role),
                    row.created, row.disabled)


def check_password(password: str) -> None:
    """Passwords are long (a passphrase is best); shorter ones are refused."""
    if len(password) < MIN_PASSWORD:
        raise UsageError(f"a reviewer's password needs at least {MIN_PASSWORD} characters",
                         field="password", hint="Use a passphrase of four or more words.")


def add_reviewer(
    conn: sa.Connection, tenant: str, username: str, role: str, password: str,
    actor: audit.Actor,
) -> tuple[Reviewer, str]:
    """Make an account; returns it and the `otpauth://` URI to enrol its authenticator
    (shown once: it holds the TOTP secret)."""
    get_tenant(conn, tenant)
    if not _USERNAME.match(username):
        raise UsageError(f"'{username}' cannot be used as a username", field="username",
                         hint="Use 2-64 lower-case letters, digits, '.', '_' or '-'.")
    if role not in ROLES:
        raise UsageError(f"'{role}' is not a role", field="--role",
                         hint="Roles are: " + ", ".join(ROLES) + ".")
    check_password(password)
    secret = totp.new_secret()
    try:
        with conn.begin_nested():
            row = conn.execute(reviewers.insert().values(
                tenant=tenant, username=username, role=role,
                password_hash=_HASHER.hash(password), totp_secret=secret,
                created=datetime.now(UTC),
            ).returning(*reviewers.c)).one()
    except IntegrityError as exc:
        raise ConflictError(f"the username '{username}' is taken", field="username") from exc
    audit.record(conn, actor, "reviewer.add", username, tenant=tenant, role=role)
    return _reviewer(row), totp.otpauth_uri(secret, f"{username}@{tenant}")


def disable_reviewer(conn: sa.Connection, username: str, actor: audit.Actor) -> None:
    """Disable an account and end its sessions at once."""
    row = conn.execute(
        reviewers.update()
        .where(reviewers.c.username == username, reviewers.c.disabled.is_(None))
        .values(disabled=datetime.now(UTC)).returning(reviewers.c.id, reviewers.c.tenant)
    ).first()
    if row is None:
        raise NotFoundError(f"no active reviewer '{username}'", field="username",
                            hint="List them with `unsnare platform reviewer list`.")
    conn.execute(review_sessions.delete().where(review_sessions.c.reviewer == row.id))
    audit.record(conn, actor, "reviewer.disable", username, tenant=str(row.tenant))


def list_reviewers(conn: sa.Connection, tenant: str | None = None) -> list[Reviewer]:
    """Every account (or one tenant's), disabled ones included."""
    query = sa.select(reviewers).order_by(reviewers.c.tenant, reviewers.c.username)
    if tenant is not None:
        query = query.where(reviewers.c.tenant == tenant)
    return [_reviewer(r) for r in conn.execute(query)]


def login(
    conn: sa.Connection, username: str, password: str, code: str, *,
    now: float | None = None, minutes: int = SESSION_MINUTES,
) -> Session:
    """Check the password and the TOTP code; a new session, or 401 (which never says
    which of the three was wrong). Failures are counted and audited: the caller commits
    them even when it answers 401."""
    moment = time.time() if now is None else now
    row = conn.execute(
        sa.select(reviewers).where(reviewers.c.username == username).with_for_update()
    ).first()
    try:
        _HASHER.verify(str(row.password_hash) if row is not None else _dummy_hash(), password)
        password_ok = row is not None
    except (VerificationError, InvalidHashError):
        password_ok = False
    step = None
    started = datetime.fromtimestamp(moment, UTC)
    locked = row is not None and row.locked_until is not None and row.locked_until > started
    if row is not None and password_ok and not locked:
        step = totp.matching_step(str(row.totp_secret), code, moment,
                                  after=row.totp_last_step)
    if row is None or row.disabled is not None or locked or step is None:
        if row is not None:
            reason = ("disabled" if row.disabled is not None else "locked" if locked else
                      "password" if not password_ok else "code")
            failures = int(row.failed_logins) + (reason in ("password", "code"))
            lock = None
            if failures >= MAX_FAILURES:
                failures, lock = 0, started + timedelta(minutes=LOCK_MINUTES)
                reason += ", now locked"
            conn.execute(reviewers.update().where(reviewers.c.id == row.id).values(
                failed_logins=failures, **({"locked_until": lock} if lock else {})))
            audit.record(conn, audit.Actor(f"reviewer:{username}", str(row.tenant)),
                         "reviewer.login_refused", username, reason=reason)
        raise NotAuthenticatedError(_LOGIN_REFUSED, field="login",
                                    hint="Check all three and try again; a code works for "
                                    "about a minute and only once.")
    values: dict[str, object] = {"totp_last_step": step, "failed_logins": 0,
                                 "locked_until": None}
    if _HASHER.check_needs_rehash(str(row.password_hash)):
        values["password_hash"] = _HASHER.hash(password)
    conn.execute(reviewers.update().where(reviewers.c.id == row.id).values(**values))
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    expires = started + timedelta(minutes=minutes)
    conn.execute(review_sessions.insert().values(
        token_sha256=_sha(token), reviewer=row.id, csrf=csrf, created=started, expires=expires))
    reviewer = _reviewer(row)
    audit.record(conn, reviewer.actor(), "reviewer.login", username)
    return Session(token, csrf, reviewer, expires)


def session(conn: sa.Connection, token: str | None, *, now: float | None = None) -> Session:
    """The session a cookie names; 401 when missing, unknown, expired or disabled."""
    moment = datetime.fromtimestamp(time.time() if now is None else now, UTC)
    row = None
    if token:
        row = conn.execute(
            sa.select(review_sessions.c.csrf, review_sessions.c.expires, reviewers)
            .join(reviewers, reviewers.c.id == review_sessions.c.reviewer)
            .where(review_sessions.c.token_sha256 == _sha(token))
        ).first()
    if row is None or row.expires <= moment or row.disabled is not None:
        raise NotAuthenticatedError("please log in" if row is None else
                                    "your session has ended: please log in again",
                                    field="session", hint="Log in at /review/login.")
    return Session(token or "", str(row.csrf), _reviewer(row), row.expires)


def logout(conn: sa.Connection, token: str) -> None:
    """End a session."""
    conn.execute(review_sessions.delete().where(review_sessions.c.token_sha256 == _sha(token)))


def check_csrf(expected: str, given: str | None) -> None:
    """Refuse (403) a state-changing request whose CSRF token is missing or wrong."""
    if not given or not secrets.compare_digest(expected.encode(), given.encode()):
        raise ForbiddenError("this form has expired or did not come from Unsnare",
                             field="csrf_token",
                             hint="Go back, reload the page and try again.")
