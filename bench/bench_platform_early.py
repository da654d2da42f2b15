"""How early the platform service warns: stream each conversation of the evaluation
set into the service one message at a time (as a platform would), and compare the
message at which the tenant's early warning is queued with the first explicit message
(`first_alert_index`: the first offender message that on its own shows sexual
content, an image request or a secrecy demand).

Also shown: where a whole-conversation analysis (`unsnare.analysis.early.first_alert`)
first reaches the same level, so the cost of reading only a window is visible.
Needs PostgreSQL server binaries (a throwaway server is started). Reads
../shared/eval/conversations.jsonl and prints figures only (never its text).

    .venv/bin/python bench/bench_platform_early.py [--window 30] [--limit 40]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from platform_pg import postgres  # noqa: E402
from unsnare.analysis import Analyzer, RiskLevel  # noqa: E402
from unsnare.analysis.early import first_alert  # noqa: E402
from unsnare.models import Conversation, Message, Participant, Source  # noqa: E402
from unsnare.platform import keys  # noqa: E402
from unsnare.platform.app import create_app  # noqa: E402
from unsnare.platform.audit import Actor  # noqa: E402
from unsnare.platform.migrate import upgrade  # noqa: E402
from unsnare.platform.settings import PlatformSettings  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval" / "conversations.jsonl"


def _whole(row: dict[str, object]) -> Conversation:
    msgs = row["messages"]
    assert isinstance(msgs, list)
    senders = sorted({str(m["sender"]) for m in msgs})
    return Conversation(
        str(row["id"]), "platform-api", "stream", tuple(Participant(s, s) for s in senders),
        tuple(Message(f"m{i}", m["sender"], None, m["text"], Source("", "stream"))
              for i, m in enumerate(msgs)),
    )


def main() -> None:
    """Run and print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--window", type=int, default=60)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--eval", type=Path, default=EVAL)
    args = parser.parse_args()
    if not args.eval.exists():
        raise SystemExit(f"{args.eval} is not there")
    rows = [json.loads(line) for line in args.eval.read_text(encoding="utf-8").splitlines()]
    rows = rows[: args.limit]
    analyzer = Analyzer()
    with postgres() as url:
        engine = sa.create_engine(url)
        upgrade(engine)
        operator = Actor("cli:bench")
        with engine.begin() as conn:
            if conn.execute(sa.text("SELECT 1 FROM platform_tenants WHERE name='bench'")).first() \
                    is None:
                keys.create_tenant(conn, "bench", operator, "medium")
            _, token = keys.create_key(conn, "bench", ["analyze"], operator,
                                       rate_per_minute=10_000_000)
        engine.dispose()
        settings = PlatformSettings(url, window=args.window, deliver_in_process=False)
        headers = {"Authorization": f"Bearer {token}"}
        results = []
        started = time.perf_counter()
        posted = 0
        run = str(int(time.time()))
        with TestClient(create_app(settings, worker=False)) as client:
            for row in rows:
                stream_at = None
                for i, m in enumerate(row["messages"]):
                    body = {"messages": [{"id": f"m{i}", "sender": m["sender"],
                                          "text": m["text"]}]}
                    r = client.post(f"/v1/conversations/{run}-{row['id']}/messages",
                                    headers=headers, json=body)
                    posted += 1
                    if r.status_code != 200:
                        raise SystemExit(f"{row['id']} message {i}: HTTP {r.status_code}")
                    if r.json()["early_warning_queued"]:
                        stream_at = i
                whole_at = first_alert(analyzer, _whole(row), RiskLevel.MEDIUM)
                results.append((row["id"], row["label"], row.get("first_alert_index"),
                                stream_at, whole_at, len(row["messages"])))
        took = time.perf_counter() - started
    print(f"window {args.window} messages; {posted} messages posted one at a time in "
          f"{took:.1f} s ({posted / took:.1f} messages/s through HTTP + PostgreSQL)")
    print("id | label | messages | first explicit | service warns at | whole-conversation "
          "analysis at | messages of warning before the first explicit one")
    for rid, label, expected, stream_at, whole_at, n in results:
        lead = expected - stream_at if expected is not None and stream_at is not None else None
        print(f"{rid} | {label} | {n} | {expected} | {stream_at} | {whole_at} | {lead}")
    groom = [r for r in results if r[1] == "grooming"]
    benign = [r for r in results if r[1] == "benign"]
    warned = [r for r in groom if r[3] is not None]
    early = [r for r in warned if r[2] is not None and r[3] <= r[2]]
    leads = [r[2] - r[3] for r in warned if r[2] is not None]
    if groom:
        print(f"grooming: warned in {len(warned)}/{len(groom)}; at or before the first explicit "
              f"message in {len(early)}/{len(groom)}")
        if leads:
            print(f"messages of warning before the first explicit message: median "
                  f"{statistics.median(leads)}, min {min(leads)}, max {max(leads)} "
                  "(negative = after it)")
        same = sum(r[3] == r[4] for r in groom)
        print(f"service and whole-conversation analysis warn at the same message in "
              f"{same}/{len(groom)}")
    if benign:
        print(f"benign: warned in {sum(r[3] is not None for r in benign)}/{len(benign)} "
              "(false early warnings)")


if __name__ == "__main__":
    main()
