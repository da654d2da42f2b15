"""Where a platform request's time goes, stage by stage (no HTTP: the service's own
objects, on a throwaway PostgreSQL, one request at a time).

For a message posted alone, a batch of messages of many conversations, and a hash
lookup it prints the time of each stage per request: admitting the key (the shared
`Freshness` read), each SQL statement (by kind, through pg8000), the analysis, and
encoding the JSON answer; and the process's CPU time per request. Wall times include
waiting for PostgreSQL and for the machine's other jobs (the load average is printed).
The HTTP layer is measured by bench_platform_load.py. All texts are invented here.

    .venv/bin/python bench/bench_platform_stages.py [--messages 600] [--batch 100]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).parent))
from bench_platform_load import _script  # noqa: E402
from platform_pg import postgres  # noqa: E402
from unsnare.hashing.banks import HashBank, entry  # noqa: E402
from unsnare.hashing.storage import SqlBankStore  # noqa: E402
from unsnare.platform import keys  # noqa: E402
from unsnare.platform.audit import Actor  # noqa: E402
from unsnare.platform.conversations import IncomingMessage  # noqa: E402
from unsnare.platform.migrate import upgrade  # noqa: E402
from unsnare.platform.services import Services  # noqa: E402
from unsnare.platform.settings import PlatformSettings  # noqa: E402


class Stages:
    """Seconds per stage name, and how often each ran."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.count: Counter[str] = Counter()

    def timed(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - start
                self.count[name] += 1
        return wrapper

    def watch(self, engine: sa.Engine) -> None:
        @event.listens_for(engine, "before_cursor_execute")
        def before(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
            conn.info["t"] = time.perf_counter()

        @event.listens_for(engine, "after_cursor_execute")
        def after(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
            words = statement.split()
            kind = " ".join(words[:3]) if words[0] != "SELECT" else "SELECT ... FROM " + (
                words[words.index("FROM") + 1] if "FROM" in words else "?")
            self.seconds["sql: " + kind[:60]] += time.perf_counter() - conn.info["t"]
            self.count["sql: " + kind[:60]] += 1

    def report(self, title: str, n: int, took: float, cpu: float) -> None:
        print(f"\n{title}: {n} requests, {took / n * 1000:.2f} ms each (wall), "
              f"process CPU {cpu / n * 1000:.2f} ms each")
        for name, seconds in sorted(self.seconds.items(), key=lambda kv: -kv[1]):
            print(f"  {seconds / n * 1000:8.3f} ms  {self.count[name] / n:6.2f} x  {name}")
        self.seconds.clear()
        self.count.clear()


def main() -> None:
    """Run and print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=600)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--lookups", type=int, default=600)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    rng = random.Random(1)
    with postgres() as url:
        engine = sa.create_engine(url)
        upgrade(engine)
        actor = Actor("cli:bench")
        with engine.begin() as conn:
            keys.create_tenant(conn, "load", actor, "medium")
            _, token = keys.create_key(conn, "load", ["analyze,hash:lookup"], actor,
                                       rate_per_minute=10_000_000)
        store = SqlBankStore(engine)
        store.create_bank(HashBank("load.known"))
        pdqs = [f"{rng.getrandbits(256):064x}" for _ in range(10_000)]
        store.add_entries("load.known", [entry("pdq", h) for h in pdqs])
        svc = Services(PlatformSettings(url))
        stages = Stages()
        stages.watch(svc.engine)
        stages.watch(svc._reader_engine)
        scorer = svc.scorer
        scorer.analyzer.analyze = stages.timed("analysis", scorer.analyzer.analyze)  # type: ignore[method-assign]
        inc = getattr(scorer, "incremental", None)  # (absent before incremental reading)
        if inc is not None:
            inc.step = stages.timed("analysis: incremental step", inc.step)
            inc.rebuild = stages.timed("analysis: state rebuilt from the history", inc.rebuild)
            inc.report = stages.timed("analysis: report of the kept state", inc.report)
        header = f"Bearer {token}"
        admit = stages.timed("admit the key (shared Freshness read)", svc.authorize)
        encode = stages.timed("JSON answer", lambda d: json.dumps(d))
        svc.authorize(header, "analyze")
        svc.banks.lookup("load", [pdqs[0]], None, None)
        convs = 50
        scripts = {c: _script(args.messages // convs + 1, rng) for c in range(convs)}

        def post_one(i: int) -> None:
            key = admit(header, "analyze")
            c, m = i % convs, i // convs
            with svc.engine.begin() as conn:
                state = scorer.add_messages(conn, "load", f"one-{c}", [
                    IncomingMessage(f"{c}-{m}", scripts[c][m], "ab"[m % 2])], key.actor())
            encode(state.to_dict())

        def post_batch(i: int) -> None:
            key = admit(header, "analyze")
            items = []
            for j in range(args.batch):
                k = i * args.batch + j
                c, m = k % convs, k // convs
                items.append((f"many-{c}", IncomingMessage(
                    f"{c}-{m}", scripts[c][m % len(scripts[c])], "ab"[m % 2])))
            with svc.engine.begin() as conn:
                states = scorer.add_batch(conn, "load", items, key.actor())
            encode({"conversations": [s.to_dict() for s in states]})

        def lookup(i: int) -> None:
            admit(header, "hash:lookup")
            encode(svc.banks.lookup("load", [rng.choice(pdqs)], None, None))

        for title, fn, n in (
            ("one message a request", post_one, args.messages),
            (f"batches of {args.batch} messages of {convs} conversations", post_batch,
             max(1, args.messages // args.batch)),
            ("one hash lookup a request", lookup, args.lookups),
        ):
            cpu, start = time.process_time(), time.perf_counter()
            for i in range(n):
                fn(i)
            stages.report(title, n, time.perf_counter() - start, time.process_time() - cpu)
        svc.close()
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
