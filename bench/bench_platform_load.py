"""Loopback load test of the platform service: two `unsnare platform serve` processes
and one PostgreSQL, many conversations streaming messages plus hash lookups.

Bounded: `--conversations` conversations of `--messages` messages each, and at most
`--seconds` of sending. Two modes:

- single (`--batch 0`, the default): every message is posted alone to its conversation
  (alternating between the two processes), followed by `--lookups` single lookups.
- batch (`--batch N`): as a platform's ingest sends them, `--senders` senders each own a
  share of the conversations and post their messages in batches of up to N messages of
  many conversations (`POST /v1/messages`); meanwhile `--concurrency` lookup clients
  send `--lookups` hashes per message, `--lookup-batch` hashes a request. With `--rate R`
  the senders offer R messages a second in all (and the lookup clients R x `--lookups`
  hashes), each request at its due time whether or not the one before was slow (so a
  slow service shows as a lower sustained rate and longer latencies, not as a politer
  client); without it, each sends its next request when the last is answered.

With `--kill`, one process is killed (SIGKILL) half-way and its requests go to the other
one (same idempotency keys). At the end it checks that nothing was lost: every accepted
message is in its conversation's state, and every early warning reached the local
webhook receiver exactly once. It prints latencies per request and per message or hash,
the CPU time the servers, PostgreSQL and this client used, and the load average (the
machine is shared). The client is a small asyncio HTTP/1.1 keep-alive client (`Http`),
so that it takes little of the CPU the service shares with it. PostgreSQL runs as the
test suite's throwaway server (fsync off) unless `--fsync`. All texts are invented here.

    .venv/bin/python bench/bench_platform_load.py [--conversations 200] [--messages 10]
        [--lookups 2] [--concurrency 50] [--seconds 120] [--kill] [--fsync]
        [--batch 0] [--senders 4] [--lookup-batch 1] [--rate 0] [--timeout 10]
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
from platform_pg import free_port, postgres  # noqa: E402
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


class Http:
    """A lean HTTP/1.1 client for the load: keep-alive connections over asyncio streams,
    JSON bodies, `Content-Length` or chunked answers. httpx took 3.5 ms of CPU a request
    in batch mode (7 ms in single mode, more than the service), on the cores the service
    shares; this writes and reads bytes and little else."""

    def __init__(self, token: str, timeout: float) -> None:
        self.token = token
        self.timeout = timeout
        self._idle: dict[tuple[str, int], list[tuple[asyncio.StreamReader,
                                                     asyncio.StreamWriter]]] = {}

    async def request(self, base: str, path: str, body: Any) -> tuple[int, bytes]:
        """POST `body` as JSON; the status and the answer's bytes."""
        return await asyncio.wait_for(self._request(base, path, body), self.timeout)

    async def _request(self, base: str, path: str, body: Any) -> tuple[int, bytes]:
        host, port = base.removeprefix("http://").split(":")
        where = (host, int(port))
        idle = self._idle.setdefault(where, [])
        data = json.dumps(body).encode()
        message = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer "
                   f"{self.token}\r\nContent-Type: application/json\r\nContent-Length: "
                   f"{len(data)}\r\n\r\n").encode() + data
        while idle:
            # A kept connection the server closed meanwhile (its keep-alive timeout)
            # fails before any answer: then the request goes on a new connection.
            reader, writer = idle.pop()
            writer.write(message)
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (OSError, asyncio.IncompleteReadError) as exc:
                writer.close()
                if isinstance(exc, asyncio.IncompleteReadError) and exc.partial:
                    raise
                continue
            return await self._answer(where, reader, writer, head)
        reader, writer = await asyncio.open_connection(*where)
        try:
            writer.write(message)
            head = await reader.readuntil(b"\r\n\r\n")
        except BaseException:
            writer.close()
            raise
        return await self._answer(where, reader, writer, head)

    async def _answer(self, where: tuple[str, int], reader: asyncio.StreamReader,
                      writer: asyncio.StreamWriter, head: bytes) -> tuple[int, bytes]:
        idle = self._idle[where]
        try:
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split(" ", 2)[1])
            headers = {k.lower(): v.strip() for k, _, v in
                       (line.partition(":") for line in lines[1:] if line)}
            if "content-length" in headers:
                answer = await reader.readexactly(int(headers["content-length"]))
            else:  # chunked
                parts = []
                while size := int((await reader.readuntil(b"\r\n")).strip(), 16):
                    parts.append(await reader.readexactly(size))
                    await reader.readexactly(2)
                await reader.readexactly(2)
                answer = b"".join(parts)
        except BaseException:
            writer.close()
            raise
        if headers.get("connection", "").lower() == "close":
            writer.close()
        else:
            idle.append((reader, writer))
        return status, answer

    def close(self) -> None:
        """Close every kept connection."""
        for idle in self._idle.values():
            for _, writer in idle:
                writer.close()


async def run_load(args: argparse.Namespace, bases: list[str], token: str, pdqs: list[str],
                   procs: list[subprocess.Popen[bytes]]) -> dict[str, Any]:
    """Send everything; latencies and counts."""
    rng = random.Random(7)
    latencies: dict[str, list[float]] = {"messages": [], "lookup": []}
    sizes: dict[str, list[int]] = {"messages": [], "lookup": []}
    done = Counter[str]()  # messages scored, hashes looked up
    accepted: dict[str, int] = {}
    alive = [True, True]
    failures = Counter[str]()
    deadline = time.monotonic() + args.seconds
    sent = 0
    total = args.conversations * args.messages
    scripts = {f"load-{c}": _script(args.messages, rng) for c in range(args.conversations)}
    client = Http(token, args.timeout)
    killed_at: list[float] = []

    async def request(kind: str, path: str, n: int, body: Any, size: int) -> bytes | None:
        for attempt in range(4):
            which = (n + attempt) % 2
            if not alive[which]:
                which = 1 - which
            t = time.perf_counter()
            try:
                status, answer = await client.request(bases[which], path, body)
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                    TimeoutError, ValueError) as exc:
                failures[f"{kind} {exc.__class__.__name__} (retried)"] += 1
                continue
            if status == 200:
                latencies[kind].append(time.perf_counter() - t)
                sizes[kind].append(size)
                return answer
            failures[f"{kind} HTTP {status}"] += 1
        return None

    def maybe_kill() -> None:
        if args.kill and alive[1] and sent >= total // 2:
            alive[1] = False
            killed_at.append(time.perf_counter())
            procs[1].send_signal(signal.SIGKILL)

    async def paced(interval: float, first: float) -> float:
        # The time this request is due (open schedule: a late one goes at once).
        due = first
        now = time.perf_counter()
        if due > now:
            await asyncio.sleep(due - now)
        return due + interval

    async def lookups(count: int, n: int, interval: float) -> None:
        # `count` hashes, `--lookup-batch` a request, one request each `interval` s.
        due = time.perf_counter() + interval * rng.random()
        while count > 0 and time.monotonic() <= deadline:
            if interval:
                due = await paced(interval, due)
            size = min(count, max(1, args.lookup_batch))
            count -= size
            if args.lookup_batch > 1:
                body: Any = {"items": [{"pdq": [rng.choice(pdqs)]} for _ in range(size)]}
                path = "/v1/lookup/batch"
            else:
                body, path = {"pdq": [rng.choice(pdqs)]}, "/v1/lookup"
            if await request("lookup", path, n, body, size) is not None:
                done["lookups"] += size
            n += 1

    async def conversation(cid: str, c: int) -> None:
        nonlocal sent
        for i, text in enumerate(scripts[cid]):
            if time.monotonic() > deadline:
                return
            body = {"messages": [{"id": f"{cid}-{i}", "sender": "a" if i % 2 else "b",
                                  "text": text}]}
            r = await request("messages", f"/v1/conversations/{cid}/messages", c + i, body, 1)
            if r is not None:
                accepted[cid] = json.loads(r)["message_count"]
                done["messages"] += 1
            sent += 1
            maybe_kill()
            await lookups(args.lookups, c + i, 0.0)

    async def sender(s: int, owned: list[str], interval: float) -> None:
        # Round i holds message i of every conversation this sender owns, in a
        # shuffled order: a platform's stream mixes its conversations.
        nonlocal sent
        order = random.Random(s)
        stream: list[tuple[str, int]] = []
        for i in range(args.messages):
            round_ = [(cid, i) for cid in owned]
            order.shuffle(round_)
            stream += round_
        due = time.perf_counter() + interval * s / max(1, args.senders)
        for n, start in enumerate(range(0, len(stream), args.batch)):
            if time.monotonic() > deadline:
                return
            if interval:
                due = await paced(interval, due)
            part = stream[start : start + args.batch]
            body = {"messages": [
                {"conversation_id": cid, "id": f"{cid}-{i}", "sender": "a" if i % 2 else "b",
                 "text": scripts[cid][i]} for cid, i in part]}
            r = await request("messages", "/v1/messages", s + n, body, len(part))
            if r is not None:
                for state in json.loads(r)["conversations"]:
                    accepted[state["conversation_id"]] = state["message_count"]
                done["messages"] += len(part)
            sent += len(part)
            maybe_kill()

    started = time.perf_counter()
    try:
        if args.batch:
            ids = list(scripts)
            owned = [ids[s :: args.senders] for s in range(args.senders)]
            wanted = total * args.lookups
            share = [wanted // args.concurrency + (w < wanted % args.concurrency)
                     for w in range(args.concurrency)]
            # --rate: messages a second offered in all (hashes: --lookups times that).
            every = args.batch * args.senders / args.rate if args.rate else 0.0
            look_every = (max(1, args.lookup_batch) * args.concurrency
                          / (args.rate * args.lookups)) if args.rate and args.lookups else 0.0
            await asyncio.gather(
                *(sender(s, owned[s], every) for s in range(args.senders)),
                *(lookups(share[w], w, look_every) for w in range(args.concurrency)
                  if share[w]),
            )
        else:
            queue = asyncio.Queue[int]()
            for c in range(args.conversations):
                queue.put_nowait(c)

            async def worker() -> None:
                while not queue.empty():
                    c = queue.get_nowait()
                    await conversation(f"load-{c}", c)

            await asyncio.gather(*(worker() for _ in range(args.concurrency)))
    finally:
        client.close()
    took = time.perf_counter() - started
    return {"latencies": latencies, "sizes": sizes, "accepted": accepted, "took": took,
            "failures": failures, "done": done,
            "killed_after": killed_at[0] - started if killed_at else None}


def _cpu(pids: list[int]) -> float:
    """CPU seconds (user + system) used so far by these processes (those still there)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _postgres_pids(url: str) -> list[int]:
    """The processes of the PostgreSQL server at `url`'s port: its postmaster (started
    with `-p PORT`) and the postmaster's children. Other servers on the machine are not
    counted."""
    port = url.rsplit(":", 1)[1].split("/", 1)[0]
    parents: dict[int, int] = {}
    main = None
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if (proc / "comm").read_text().strip() != "postgres":
                continue
            args = (proc / "cmdline").read_bytes().split(b"\0")
            stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(proc.name)] = int(stat[1])
        if b"-p" in args and args[args.index(b"-p") + 1 :][:1] == [port.encode()]:
            main = int(proc.name)
    if main is None:
        return []
    return [main] + [pid for pid, parent in parents.items() if parent == main]


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
    parser.add_argument("--batch", type=int, default=0,
                        help="messages a request (0: each message alone, to its conversation)")
    parser.add_argument("--senders", type=int, default=4, help="batch mode: senders")
    parser.add_argument("--lookup-batch", type=int, default=1, help="hashes a lookup request")
    parser.add_argument("--rate", type=float, default=0.0,
                        help="batch mode: messages a second offered (0: as fast as answered)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds a request")
    parser.add_argument("--fsync", action="store_true",
                        help="PostgreSQL with fsync on (the test server runs with -F)")
    args = parser.parse_args()
    receiver = Receiver()
    rng = random.Random(1)
    with postgres(*(["fsync=on"] if args.fsync else [])) as url:
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
        ports = [free_port(), free_port()]
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
            servers = [p.pid for p in procs]
            pg_before = {pid: _cpu([pid]) for pid in _postgres_pids(url)}
            cpu_before = (_cpu(servers), 0.0, time.process_time())
            load_before = os.getloadavg()
            result = asyncio.run(run_load(args, bases, token, pdqs, procs))
            # PostgreSQL starts a process per new connection: count those started
            # during the run whole, and the others from where they were.
            pg_after = {pid: _cpu([pid]) for pid in _postgres_pids(url)}
            pg_spent = sum(t - pg_before.get(pid, 0.0) for pid, t in pg_after.items())
            cpu_after = (_cpu(servers), pg_spent, time.process_time())
            load_after = os.getloadavg()
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
    n_msg, n_look = result["done"]["messages"], result["done"]["lookups"]
    requests = len(lat["messages"]) + len(lat["lookup"])
    lost = [c for c, n in result["accepted"].items() if stored.get(c, 0) < n]
    delivered = {c: n for c, n in receiver.conversations.items() if c.startswith("load-")}
    mode = (f"batches of up to {args.batch} messages from {args.senders} senders"
            if args.batch else "each message posted alone")
    offered = (f"; offered {args.rate:.0f} messages/s + {args.rate * args.lookups:.0f} hashes/s"
               if args.batch and args.rate else "; as fast as answered")
    print(f"two service processes, one PostgreSQL (fsync {'on' if args.fsync else 'off'}); "
          f"{args.conversations} conversations x {args.messages} messages ({mode}), "
          f"{args.lookups} lookups per message ({args.lookup_batch} hashes a request, "
          f"{args.concurrency} lookup clients), bank of {args.bank} PDQ hashes{offered}"
          f"{', one process killed half-way' if args.kill else ''}")
    print(f"sent for {took:.1f} s: {n_msg} messages scored ({n_msg / took:.1f}/s), "
          f"{n_look} hashes looked up ({n_look / took:.1f}/s), {requests} requests "
          f"({requests / took:.1f}/s)")
    if result["killed_after"] is not None:
        print(f"process 2 killed {result['killed_after']:.1f} s in")
    for kind in ("messages", "lookup"):
        values = lat[kind]
        if values:
            size = statistics.mean(result["sizes"][kind])
            print(f"{kind} requests ({size:.0f} a request): p50 {_pct(values, 0.5):.1f} ms, "
                  f"p99 {_pct(values, 0.99):.1f} ms, max {max(values) * 1000:.1f} ms, "
                  f"mean {statistics.mean(values) * 1000:.1f} ms; a unit at p50/p99 "
                  f"{_pct(values, 0.5) / size:.2f}/{_pct(values, 0.99) / size:.2f} ms")
    spent = [after - before for before, after in zip(cpu_before, cpu_after, strict=True)]
    per = max(1, requests)
    units = max(1, n_msg + n_look)
    print(f"CPU used: servers {spent[0]:.1f} s, PostgreSQL {spent[1]:.1f} s, this client "
          f"{spent[2]:.1f} s ({sum(spent) / took:.2f} cores of {os.cpu_count()}); per request "
          f"{spent[0] / per * 1000:.2f} + {spent[1] / per * 1000:.2f} + "
          f"{spent[2] / per * 1000:.2f} ms; per message scored and hash looked up: "
          f"{sum(spent) / units * 1000:.3f} ms (servers {spent[0] / units * 1000:.3f})")
    print(f"load average (1 min) {load_before[0]:.1f} at the start, {load_after[0]:.1f} at "
          f"the end ({os.cpu_count()} cores)")
    print(f"failures: {dict(result['failures']) or 'none'}")
    print(f"accepted messages missing from the stored state: {len(lost)} conversations")
    ids = receiver.events
    print(f"early warnings: {len(alerted)} conversations alerted, {events} events queued, "
          f"{sum(delivered.values())} deliveries to {len(delivered)} conversations; "
          f"{len(ids)} distinct event ids received, {sum(n - 1 for n in ids.values())} "
          f"repeated deliveries of an id (a receiver drops them by Unsnare-Event-Id); "
          f"conversations with two different events: "
          f"{sum(1 for n in delivered.values() if n > 1) - sum(1 for n in ids.values() if n > 1)}"
          f"; never delivered: {len(alerted - set(delivered))}")


if __name__ == "__main__":
    main()
