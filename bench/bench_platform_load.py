"""Loopback load test of the platform service: two `unsnare platform serve` processes
and one PostgreSQL, many conversations streaming messages plus hash lookups.

Bounded: `--conversations` conversations of `--messages` messages each, and at most
`--seconds` of sending. Every message is sent once (one at a time, alternating between
the two processes); `--lookups` hash lookups are sent per message. With `--kill`, one
process is killed (SIGKILL) half-way and its requests go to the other one (same
idempotency keys). At the end it checks that nothing was lost: every accepted message
is in its conversation's state, and every early warning reached the local webhook
receiver exactly once. All texts are invented here.

    .venv/bin/python bench/bench_platform_load.py [--conversations 200] [--messages 10]
        [--lookups 2] [--concurrency 50] [--seconds 120] [--kill]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from platform_pg import _free_port, postgres  # noqa: E402
from unsnare.hashing.banks import HashBank, entry  # noqa: E402
from unsnare.hashing.storage import SqlBankStore  # noqa: E402
from unsnare.platform import keys  # noqa: E402
from unsnare.platform.audit import Actor  # noqa: E402
from unsnare.platform.migrate import upgrade  # noqa: E402

SRC = Path(__file__).resolve().parents[1] / "src"
ORDINARY = [
    "are you coming to practice later?", "lol that was so funny", "did you finish the homework",
    "my mom says dinner at 7", "see you at the bus stop", "what song was that",
    "gg that match was close", "can you send me the notes", "brb charging my phone",
]
SCHEME = [
    "you're really cute, how old are you?", "add me on snap, it's easier there",
    "send me a pic without your shirt, just for me",
    "I saved your pics. pay me $200 or I send them to all your followers and your family",
    "you have 1 hour, tick tock",
]


class Receiver:
    """Counts webhook deliveries by event id."""

    def __init__(self) -> None:
        self.events: Counter[str] = Counter()
        self.conversations: Counter[str] = Counter()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                outer.events[self.headers["Unsnare-Event-Id"]] += 1
                outer.conversations[json.loads(body)["conversation_id"]] += 1
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def _serve(url: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "UNSNARE_PLATFORM_DATABASE_URL": url}
    code = "from unsnare.cli.main import run; run()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "platform", "serve", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _script(n: int, rng: random.Random) -> list[str]:
    # One conversation in four runs the scheme from its second message (so the early
    # warning comes even when the time bound stops a run early); the rest are ordinary.
    lines = [rng.choice(ORDINARY) for _ in range(n)]
    if rng.random() < 0.25:
        for i, text in enumerate(SCHEME[: max(0, n - 1)]):
            lines[1 + i] = text
    return lines


async def run_load(args: argparse.Namespace, bases: list[str], token: str, pdqs: list[str],
                   procs: list[subprocess.Popen[bytes]]) -> dict[str, Any]:
    """Send everything; latencies and counts."""
    rng = random.Random(7)
    headers = {"Authorization": f"Bearer {token}"}
    latencies: dict[str, list[float]] = {"messages": [], "lookup": []}
    accepted: dict[str, int] = {}
    alive = [True, True]
    failures = Counter[str]()
    deadline = time.monotonic() + args.seconds
    sent = 0
    total = args.conversations * args.messages
    limits = httpx.Limits(max_connections=args.concurrency)

    async with httpx.AsyncClient(headers=headers, timeout=30, limits=limits) as client:

        async def request(kind: str, method: str, path: str, n: int, body: Any = None,
                          params: Any = None) -> httpx.Response | None:
            for attempt in range(4):
                which = (n + attempt) % 2
                if not alive[which]:
                    which = 1 - which
                t = time.perf_counter()
                try:
                    r = await client.request(method, bases[which] + path, json=body,
                                             params=params)
                except httpx.TransportError:
                    failures[f"{kind} transport (retried)"] += 1
                    continue
                if r.status_code == 200:
                    latencies[kind].append(time.perf_counter() - t)
                    return r
                failures[f"{kind} HTTP {r.status_code}"] += 1
            return None

        async def conversation(c: int) -> None:
            nonlocal sent
            cid = f"load-{c}"
            for i, text in enumerate(_script(args.messages, rng)):
                if time.monotonic() > deadline:
                    return
                body = {"messages": [{"id": f"{cid}-{i}", "sender": "a" if i % 2 else "b",
                                      "text": text}]}
                r = await request("messages", "POST", f"/v1/conversations/{cid}/messages",
                                  c + i, body)
                if r is not None:
                    accepted[cid] = r.json()["message_count"]
                sent += 1
                if args.kill and alive[1] and sent >= total // 2:
                    alive[1] = False
                    procs[1].send_signal(signal.SIGKILL)
                for j in range(args.lookups):
                    await request("lookup", "POST", "/v1/lookup", c + i + j,
                                  {"pdq": [rng.choice(pdqs)]})

        started = time.perf_counter()
        queue = asyncio.Queue[int]()
        for c in range(args.conversations):
            queue.put_nowait(c)

        async def worker() -> None:
            while not queue.empty():
                await conversation(queue.get_nowait())

        await asyncio.gather(*(worker() for _ in range(args.concurrency)))
        took = time.perf_counter() - started
    return {"latencies": latencies, "accepted": accepted, "took": took, "failures": failures}


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000


def main() -> None:
    """Run and print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument("--lookups", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--bank", type=int, default=10_000, help="PDQ hashes in the bank")
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--kill", action="store_true")
    args = parser.parse_args()
    receiver = Receiver()
    rng = random.Random(1)
    with postgres() as url:
        engine = sa.create_engine(url)
        upgrade(engine)
        actor = Actor("cli:bench")
        with engine.begin() as conn:
            keys.create_tenant(conn, "load", actor, "medium")
            keys.set_webhook(conn, "load", receiver.url, actor)
            _, token = keys.create_key(conn, "load", ["analyze,hash:lookup"], actor,
                                       rate_per_minute=10_000_000)
        store = SqlBankStore(engine)
        store.create_bank(HashBank("load.known"))
        pdqs = [f"{rng.getrandbits(256):064x}" for _ in range(args.bank)]
        store.add_entries("load.known", [entry("pdq", h) for h in pdqs])
        ports = [_free_port(), _free_port()]
        procs = [_serve(url, p) for p in ports]
        bases = [f"http://127.0.0.1:{p}" for p in ports]
        try:
            for base in bases:
                for _ in range(300):
                    try:
                        if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    time.sleep(0.2)
            # Warm each process (analyzer and index built) before timing.
            for base in bases:
                httpx.post(base + "/v1/lookup", json={"pdq": [pdqs[0]]}, timeout=120,
                           headers={"Authorization": f"Bearer {token}"})
                httpx.post(base + "/v1/conversations/warm/messages", timeout=120,
                           headers={"Authorization": f"Bearer {token}"},
                           json={"messages": [{"id": base, "text": "hello"}]})
            result = asyncio.run(run_load(args, bases, token, pdqs, procs))
            # Wait for the delivery workers to drain the outbox.
            for _ in range(300):
                with engine.connect() as conn:
                    left = conn.execute(sa.text(
                        "SELECT count(*) FROM platform_outbox WHERE delivered IS NULL")).scalar()
                if not left:
                    break
                time.sleep(0.2)
            with engine.connect() as conn:
                stored = dict(conn.execute(sa.text(
                    "SELECT id, message_count FROM platform_conversations "
                    "WHERE id LIKE 'load-%'")).all())
                alerted = {r[0] for r in conn.execute(sa.text(
                    "SELECT id FROM platform_conversations WHERE alerted IS NOT NULL "
                    "AND id LIKE 'load-%'"))}
                events = conn.execute(sa.text(
                    "SELECT count(*) FROM platform_outbox WHERE conversation LIKE 'load-%'"
                )).scalar()
        finally:
            for p in procs:
                if p.poll() is None:
                    p.terminate()
                    p.wait(timeout=30)
    lat = result["latencies"]
    took = result["took"]
    n_msg, n_look = len(lat["messages"]), len(lat["lookup"])
    lost = [c for c, n in result["accepted"].items() if stored.get(c, 0) < n]
    delivered = {c: n for c, n in receiver.conversations.items() if c.startswith("load-")}
    print(f"two service processes, one PostgreSQL; {args.conversations} conversations x "
          f"{args.messages} messages, {args.lookups} lookups per message, "
          f"{args.concurrency} concurrent clients, bank of {args.bank} PDQ hashes"
          f"{', one process killed half-way' if args.kill else ''}")
    print(f"sent for {took:.1f} s: {n_msg} messages scored ({n_msg / took:.1f}/s), "
          f"{n_look} lookups ({n_look / took:.1f}/s), {(n_msg + n_look) / took:.1f} requests/s")
    for kind in ("messages", "lookup"):
        values = lat[kind]
        if values:
            print(f"{kind}: p50 {_pct(values, 0.5):.1f} ms, p99 {_pct(values, 0.99):.1f} ms, "
                  f"mean {statistics.mean(values) * 1000:.1f} ms")
    print(f"failures: {dict(result['failures']) or 'none'}")
    print(f"accepted messages missing from the stored state: {len(lost)} conversations")
    print(f"early warnings: {len(alerted)} conversations alerted, {events} events queued, "
          f"{sum(delivered.values())} delivered to {len(delivered)} conversations; "
          f"delivered more than once: {sum(1 for n in delivered.values() if n > 1)}; "
          f"never delivered: {len(alerted - set(delivered))}")


if __name__ == "__main__":
    main()
