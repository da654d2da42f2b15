"""Delivering early-warning events from the outbox to each tenant's webhook.

Signed with HMAC-SHA256 over `<timestamp>.<body>` with the tenant's secret, sent
as `Unsnare-Signature: t=<timestamp>,v1=<hex>`; `Unsnare-Event-Id` is stable across
retries so a receiver can drop a repeat. A failed delivery is retried with
exponential backoff (2, 4, 8 ... seconds, at most an hour). Rows are claimed
with `FOR UPDATE SKIP LOCKED`, so several workers never send the same event at
the same time, and a row is marked delivered in the same transaction that
claimed it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from unsnare.platform.db import outbox, tenants

log = logging.getLogger("unsnare.platform.webhooks")
MAX_BACKOFF = 3600.0

Sender = Callable[[str, bytes, dict[str, str], float], int]


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value for a body sent at `timestamp`."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, header: str, body: bytes, tolerance: int = 300) -> bool:
    """True when `header` is a valid signature of `body` made within `tolerance` seconds."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    try:
        stamp = int(parts.get("t", ""))
    except ValueError:
        return False
    if abs(time.time() - stamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, stamp, body), header)


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
    """POST with the standard library; the HTTP status (raises on network errors)."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def backoff(attempts: int) -> float:
    """Seconds to wait after the `attempts`-th failure."""
    return float(min(MAX_BACKOFF, 2.0 ** attempts))


def deliver_due(
    engine: Engine, *, limit: int = 20, timeout: float = 5.0, send: Sender = post
) -> int:
    """Try every event that is due (up to `limit`); the number delivered."""
    delivered = 0
    for _ in range(limit):
        with engine.begin() as conn:
            row = conn.execute(
                sa.select(outbox, tenants.c.webhook_url, tenants.c.webhook_secret)
                .join(tenants, tenants.c.name == outbox.c.tenant)
                .where(outbox.c.delivered.is_(None),
                       outbox.c.next_attempt <= datetime.now(UTC),
                       tenants.c.webhook_url.is_not(None))
                .order_by(outbox.c.id)
                .limit(1)
                .with_for_update(skip_locked=True, of=outbox)
            ).first()
            if row is None:
                break
            body = row.payload.encode()
            headers = {
                "Content-Type": "application/json",
                "Unsnare-Event-Id": f"evt_{row.id}",
                "Unsnare-Signature": sign(row.webhook_secret, int(time.time()), body),
            }
            error: str | None = None
            try:
                status = send(row.webhook_url, body, headers, timeout)
                if not 200 <= status < 300:
                    error = f"HTTP {status}"
            except (OSError, ValueError) as exc:
                error = exc.__class__.__name__
            now = datetime.now(UTC)
            if error is None:
                conn.execute(outbox.update().where(outbox.c.id == row.id)
                             .values(delivered=now, attempts=row.attempts + 1, last_error=None))
                delivered += 1
                log.info(json.dumps({"event": "webhook.delivered", "id": row.id,
                                     "tenant": row.tenant}))
            else:
                wait = backoff(row.attempts + 1)
                conn.execute(outbox.update().where(outbox.c.id == row.id).values(
                    attempts=row.attempts + 1, last_error=error,
                    next_attempt=now + timedelta(seconds=wait)))
                log.warning(json.dumps({"event": "webhook.failed", "id": row.id,
                                        "tenant": row.tenant, "error": error,
                                        "retry_in": wait}))
    return delivered


def pending(engine: Engine) -> int:
    """Events not yet delivered (the queue depth)."""
    with engine.connect() as conn:
        return int(conn.execute(
            sa.select(sa.func.count()).select_from(outbox).where(outbox.c.delivered.is_(None))
        ).scalar_one())


class DeliveryWorker:
    """Delivers due events every `interval` seconds on a thread, until stopped."""

    def __init__(self, engine: Engine, interval: float = 1.0, timeout: float = 5.0) -> None:
        self.engine = engine
        self.interval = interval
        self.timeout = timeout
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self) -> int:
        """One pass over the due events; never raises (a failing database is logged)."""
        try:
            return deliver_due(self.engine, timeout=self.timeout)
        except sa.exc.SQLAlchemyError as exc:
            log.error(json.dumps({"event": "webhook.worker_error",
                                  "error": exc.__class__.__name__}))
            return 0

    def run(self) -> None:
        """Deliver until `stop` is called."""
        while not self._stop.is_set():
            self.run_once()
            self._stop.wait(self.interval)

    def start(self) -> None:
        """Run on a background thread."""
        self._thread = threading.Thread(target=self.run, name="unsnare-webhooks", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop and wait for the current pass to end."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
