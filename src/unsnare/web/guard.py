"""One ASGI middleware for the things every request needs: a session cookie,
security headers, an upload size limit and a Host check.

The Host check stops DNS-rebinding: a web page elsewhere cannot point its own
name at 127.0.0.1 and read this app through the person's browser. It is on for
every bind; bound to every interface, the app also answers to bare IP
addresses (how other devices reach it), which rebinding cannot produce: a
rebinding page always arrives under its own domain name.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import ipaddress
from collections.abc import Callable, Iterable
from http.cookies import SimpleCookie
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unsnare.errors import InputError
from unsnare.web.sessions import SESSION_COOKIE, SessionStore

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

_SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


# After a request with a body this big, hand the memory it used back to the system.
RELEASE_AFTER_BYTES = 8 * 1024 * 1024


class UploadTooLargeError(InputError):
    """A request body bigger than Settings.max_upload_bytes."""

    status_code = 413


class Guard:
    """Session cookie, security headers, body limit and Host check for every request."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        sessions: SessionStore,
        max_body: int,
        allowed_hosts: Iterable[str],
        max_json: int | None = None,
        any_ip: bool = False,
    ) -> None:
        self.app = app
        self.sessions = sessions
        self.max_body = max_body
        self.max_json = max_body if max_json is None else min(max_json, max_body)
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts)
        self.any_ip = any_ip

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Wrap one HTTP request; pass anything else through untouched."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        if not self._host_allowed(headers.get("host", "")):
            await _plain(send, 421, "This address is not allowed. Open Unsnare at 127.0.0.1.")
            return
        session, created = self.sessions.touch(_cookie(headers.get("cookie", "")))
        scope.setdefault("state", {})["session"] = session
        static = scope["path"].startswith("/static/")
        limited_receive, received = self._limit(receive, headers, scope["path"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = list(_SECURITY_HEADERS)
                if not static:
                    # Pages can hold case data: never keep them in a cache.
                    extra.append((b"cache-control", b"no-store"))
                if created:
                    extra.append((b"set-cookie", _session_cookie(session.id)))
                names = {k.lower() for k, _ in extra if k != b"set-cookie"}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + extra}
            await send(message)

        await self.app(scope, limited_receive, send_with_headers)
        if received() > RELEASE_AFTER_BYTES and (trim := _malloc_trim()) is not None:
            # glibc keeps freed memory for later, so one big upload left the server
            # large for good; the reports it made are on disk (sealed.py) by now.
            await run_in_threadpool(trim, 0)

    def _host_allowed(self, host: str) -> bool:
        name = (host.rsplit(":", 1)[0] if not host.endswith("]") else host).lower()
        if name in self.allowed_hosts:
            return True
        return self.any_ip and _is_ip(name)

    def _limit(
        self, receive: Receive, headers: dict[str, str], path: str
    ) -> tuple[Receive, Callable[[], int]]:
        declared = headers.get("content-length", "")
        max_body = self.max_body
        if path.startswith("/api/") and not headers.get("content-type", "").startswith(
            "multipart/"
        ):
            max_body = self.max_json  # JSON is parsed whole: a smaller cap
        raise_at_read = declared.isdigit() and int(declared) > max_body
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            if raise_at_read:
                raise _too_large(max_body)
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > max_body:
                    raise _too_large(max_body)
            return message

        return limited, lambda: seen


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    try:
        trim: Callable[[int], int] = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None
    return trim


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def _too_large(limit: int) -> UploadTooLargeError:
    size = f"{limit / (1024 * 1024):.0f} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
    return UploadTooLargeError(
        f"That upload is too big. Unsnare takes up to {size} at a time.",
        hint="Upload fewer files at once, or split a large export into parts.",
    )


def _cookie(header: str) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except Exception:  # noqa: BLE001 - a malformed cookie just means a new session
        return None
    morsel = jar.get(SESSION_COOKIE)
    return morsel.value if morsel else None


def _session_cookie(session_id: str) -> bytes:
    # HttpOnly + SameSite=Strict: scripts cannot read it and other sites cannot send it.
    return f"{SESSION_COOKIE}={session_id}; Path=/; HttpOnly; SameSite=Strict".encode()


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    headers: list[Any] = [(b"content-type", b"text/plain; charset=utf-8")]
    headers += [(b"content-length", str(len(body)).encode()), *_SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
