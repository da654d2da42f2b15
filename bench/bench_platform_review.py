"""What the review queue costs: making items from early warnings, listing the queue,
opening an item, deciding, logging in (Argon2id + TOTP) and sealing an evidence package.

Streams N invented sextortion conversations (every one crosses the threshold) into the
service through HTTP, then times each step with a key that has the `review` scope.
Needs PostgreSQL server binaries (a throwaway server is started). Prints figures only.

    .venv/bin/python bench/bench_platform_review.py [--conversations 100]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from platform_pg import postgres  # noqa: E402
from unsnare.platform import accounts, keys, totp  # noqa: E402
from unsnare.platform.app import create_app  # noqa: E402
from unsnare.platform.audit import Actor  # noqa: E402
from unsnare.platform.migrate import upgrade  # noqa: E402
from unsnare.platform.review_package import new_signing_key  # noqa: E402
from unsnare.platform.settings import PlatformSettings  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

# Invented: an offender grooming then threatening a teenager.
LINES = [
    ("kai", "hey you're really cute, saw you at the skatepark"),
    ("sam", "lol thanks who r u"),
    ("kai", "kai, i'm 16 too. how old are you? add me on snap, its easier"),
    ("kai", "send me a pic of you without your shirt, just for me"),
    ("sam", "ok"),
    ("kai", "I saved your pics. pay me $300 in gift cards or I send them to all your "
            "followers and your family"),
    ("kai", "you have 1 hour"),
]
REPORT = {"reporter": {"firstName": "Jo", "lastName": "Ortega", "email": "t@acme.example"},
          "service": "Acme Chat", "reported_sender": "kai"}


def _ms(fn: Callable[[], Any], times: int) -> tuple[float, float]:
    took = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        took.append((time.perf_counter() - start) * 1000)
    return statistics.median(took), max(took)


def main() -> None:
    """Run and print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--conversations", type=int, default=100)
    args = parser.parse_args()
    n = max(2, min(args.conversations, 2000))
    with postgres() as url, tempfile.TemporaryDirectory() as tmp:
        engine = sa.create_engine(url)
        upgrade(engine)
        operator = Actor("cli:bench")
        run = str(int(time.time()))
        with engine.begin() as conn:
            if conn.execute(sa.text("SELECT 1 FROM platform_tenants WHERE name='bench'")
                            ).first() is None:
                keys.create_tenant(conn, "bench", operator, "medium")
            _, token = keys.create_key(conn, "bench", ["analyze,review,report"], operator,
                                       rate_per_minute=10_000_000)
            _, uri = accounts.add_reviewer(conn, "bench", f"rev{run}", "reviewer",
                                           "a long bench passphrase", operator)
        secret = uri.split("secret=")[1].split("&")[0]
        key_path = Path(tmp) / "signing.pem"
        new_signing_key(key_path)
        settings = PlatformSettings(url, deliver_in_process=False, signing_key=str(key_path))
        headers = {"Authorization": f"Bearer {token}"}
        with TestClient(create_app(settings, worker=False)) as client:
            start = time.perf_counter()
            for c in range(n):
                body = {"messages": [{"id": f"m{i}", "sender": s, "text": t}
                                     for i, (s, t) in enumerate(LINES)]}
                r = client.post(f"/v1/conversations/{run}-{c}/messages", json=body,
                                headers=headers)
                assert r.status_code == 200 and r.json()["early_warning_queued"], r.text
            posted = time.perf_counter() - start
            start = time.perf_counter()
            first = client.get("/v1/review/items", headers=headers).json()["items"]
            synced = time.perf_counter() - start
            listed = _ms(lambda: client.get("/v1/review/items", headers=headers), 20)
            item_id = first[0]["id"]
            opened = _ms(lambda: client.get(f"/v1/review/items/{item_id}", headers=headers), 20)
            ids = iter(i["id"] for i in first)
            decided = _ms(lambda: client.post(f"/v1/review/items/{next(ids)}/decision",
                                              json={"decision": "confirm"}, headers=headers),
                          min(20, n))
            packaged = _ms(lambda: client.post(f"/v1/review/items/{item_id}/package",
                                               json=REPORT, headers=headers), 5)
        steps = iter(range(10**6))

        def login() -> None:
            moment = time.time() + 30 * next(steps)  # a fresh step each time (no replays)
            with engine.begin() as conn:
                accounts.login(conn, f"rev{run}", "a long bench passphrase",
                               totp.code_at(secret, moment), now=moment)

        logged = _ms(login, 5)
        engine.dispose()
    print(f"{n} flagged conversations posted in {posted:.1f} s (7 messages each, one batch)")
    print(f"first queue listing, making {len(first)} items from early warnings "
          f"(one analysis each for crisis/minor): {synced * 1000:.0f} ms "
          f"({synced * 1000 / max(1, len(first)):.1f} ms an item)")
    for name, (p50, worst) in [("queue listing (100 items)", listed), ("open an item", opened),
                               ("decide (confirm)", decided), ("evidence package", packaged),
                               ("login (Argon2id verify + TOTP + session)", logged)]:
        print(f"{name}: median {p50:.1f} ms, max {worst:.1f} ms")


if __name__ == "__main__":
    main()
