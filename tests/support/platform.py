"""The platform tests' shared pieces: invented conversations, a request body maker,
a migrated throwaway database and a loopback webhook receiver."""

from __future__ import annotations

import json
import threading
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import sqlalchemy as sa

from unsnare.platform import keys
from unsnare.platform.audit import Actor
from unsnare.platform.migrate import upgrade

with warnings.catch_warnings():
    # Starlette warns at import that it prefers `httpx2`; the client works the same.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: F401 - the platform tests' client

OPERATOR = Actor("cli:test-operator")

# Invented: an offender ("kai") grooming then threatening a teenager ("sam").
SEXTORTION = [
    ("kai", "hey you're really cute, saw you at the skatepark"),
    ("sam", "lol thanks who r u"),
    ("kai", "kai, i'm 16 too. add me on snap, its easier"),
    ("kai", "send me a pic of you without your shirt, just for me"),
    ("sam", "ok"),
    ("kai", "I saved your pics. pay me $300 in gift cards or I send them to all your "
            "followers and your family"),
    ("kai", "you have 1 hour"),
]
ORDINARY = [
    ("ana", "are we still on for football practice tomorrow?"),
    ("ben", "yes, 5pm at the park. bring water"),
    ("ana", "great, see you there"),
]


@contextmanager
def migrated_database(server_url: str, prefix: str = "platform_") -> Iterator[str]:
    """A new, migrated database on the shared server (its URL), dropped afterwards."""
    name = prefix + uuid.uuid4().hex[:12]
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    url = server_url.rsplit("/", 1)[0] + "/" + name
    engine = sa.create_engine(url)
    upgrade(engine)
    engine.dispose()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


def ensure_tenant(conn: sa.Connection, tenant: str) -> None:
    """Make the tenant as an operator would, unless it is there already."""
    if conn.execute(sa.text("SELECT 1 FROM platform_tenants WHERE name = :n"),
                    {"n": tenant}).first() is None:
        keys.create_tenant(conn, tenant, OPERATOR)


def batch(lines: list[tuple[str, str]], prefix: str = "m", start: int = 0) -> dict[str, Any]:
    """A request body for messages, with ids prefix0, prefix1, ..."""
    return {"messages": [{"id": f"{prefix}{start + i}", "sender": s, "text": t}
                         for i, (s, t) in enumerate(lines)]}


class Receiver:
    """A webhook receiver on loopback that records what it got; can fail on purpose."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.fail_next = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the standard library's name
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if outer.fail_next > 0:
                    outer.fail_next -= 1
                    self.send_response(503)
                else:
                    outer.received.append((dict(self.headers.items()), body))
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def events(self) -> list[dict[str, Any]]:
        return [json.loads(body) for _, body in self.received]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
