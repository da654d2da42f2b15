"""The cost of one new message: incremental reading against a kept state, beside
reading the whole conversation again and reading a 60-message window (what the
platform service did before), at several conversation lengths.

For each length it builds conversations of invented chat (the load bench's scripts),
then times adding one more message: `IncrementalAnalyzer.step` from the stored state
(JSON read and written, as the service does), `Analyzer.analyze` of the whole
conversation, and of its last 60 messages. CPU time of this process, per message; the
load average is printed (the machine is shared). It also checks that the incremental
report equals the whole reading at the end of each conversation.

    .venv/bin/python bench/bench_incremental.py [--lengths 20,100,500,2000] [--repeat 20]
        [--eval ../shared/eval/conversations.jsonl]

With `--eval`, each conversation of that file is also streamed one message at a time,
and after every message the incremental report is compared with a whole reading of
the messages so far; only counts are printed, never text.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_platform_load import _script  # noqa: E402
from unsnare.analysis import Analyzer  # noqa: E402
from unsnare.analysis.incremental import IncrementalAnalyzer, StreamState  # noqa: E402
from unsnare.models import Conversation, Message, Participant, Source  # noqa: E402


def _conversation(name: str, texts: list[str]) -> Conversation:
    return Conversation(name, "bench", "bench", (Participant("a", "a"), Participant("b", "b")),
                        tuple(Message(f"m{i}", "ab"[i % 2], None, t, Source("", "bench"))
                              for i, t in enumerate(texts)))


def main() -> None:
    """Run and print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--lengths", default="20,100,500,2000")
    parser.add_argument("--repeat", type=int, default=20, help="conversations a length")
    parser.add_argument("--eval", type=Path, default=None)
    args = parser.parse_args()
    rng = random.Random(7)
    analyzer = Analyzer()
    incremental = IncrementalAnalyzer(analyzer)
    print(f"load average {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores); CPU ms for one "
          "more message")
    print(f"{'length':>7} {'incremental':>12} {'window 60':>10} {'whole':>9} {'state KB':>9} "
          f"{'rebuilds':>9} {'equal':>6}")
    for length in (int(x) for x in args.lengths.split(",")):
        inc_t = win_t = whole_t = 0.0
        size = 0
        rebuilds = 0
        equal = 0
        for r in range(args.repeat):
            conv = _conversation(f"c{length}-{r}", _script(length + 1, rng)[: length + 1])
            # The kept state after `length` messages, built as a stream of batches of 5.
            state: StreamState | None = None
            for start in range(0, length, 5):
                step = incremental.step(state, conv.messages[start : min(start + 5, length)],
                                        lambda s=start, c=conv: c.messages[:s], conv)
                state = step.state
            assert state is not None
            stored = state.dumps()
            last = conv.messages[length:]
            t = time.process_time()
            step = incremental.step(StreamState.loads(stored), last,
                                    lambda c=conv, n=length: c.messages[:n], conv)
            step.state.dumps()
            inc_t += time.process_time() - t
            rebuilds += step.rebuilt
            size += len(stored)
            window = Conversation(conv.id, conv.platform, conv.format, conv.participants,
                                  conv.messages[-60:])
            t = time.process_time()
            analyzer.analyze(window)
            win_t += time.process_time() - t
            t = time.process_time()
            whole = analyzer.analyze(conv)
            whole_t += time.process_time() - t
            equal += (step.report.findings, step.report.risk, step.report.stage) == (
                whole.findings, whole.risk, whole.stage)
        n = args.repeat
        print(f"{length:>7} {inc_t / n * 1000:>12.2f} {win_t / n * 1000:>10.2f} "
              f"{whole_t / n * 1000:>9.2f} {size / n / 1024:>9.1f} {rebuilds:>9} "
              f"{equal:>3}/{n}")
    if args.eval is not None:
        _stream_eval(args.eval, analyzer, incremental)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


def _stream_eval(path: Path, analyzer: Analyzer, incremental: IncrementalAnalyzer) -> None:
    """Every conversation of an evaluation file, one message at a time."""
    steps = differ = rebuilds = 0
    cpu = 0.0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for row in rows:
        msgs = row["messages"]
        senders = sorted({str(m["sender"]) for m in msgs})
        conv = Conversation(str(row["id"]), "bench", "bench",
                            tuple(Participant(s, s) for s in senders),
                            tuple(Message(f"m{i}", m["sender"], None, m["text"],
                                          Source("", "bench")) for i, m in enumerate(msgs)))
        state: StreamState | None = None
        for i in range(len(conv.messages)):
            t = time.process_time()
            step = incremental.step(state, conv.messages[i : i + 1],
                                    lambda c=conv, n=i: c.messages[:n], conv)
            state = StreamState.loads(step.state.dumps())
            cpu += time.process_time() - t
            steps += 1
            rebuilds += step.rebuilt
            prefix = Conversation(conv.id, conv.platform, conv.format, conv.participants,
                                  conv.messages[: i + 1])
            whole = analyzer.analyze(prefix)
            differ += (step.report.findings, step.report.risk, step.report.stage,
                       step.report.crisis) != (whole.findings, whole.risk, whole.stage,
                                               whole.crisis)
    print(f"\n{path.name}: {len(rows)} conversations, {steps} messages streamed one at a "
          f"time: {cpu / steps * 1000:.2f} CPU ms a message (state read and written), "
          f"{rebuilds} rebuilds from the history ({rebuilds / len(rows):.1f} a conversation), "
          f"{differ} steps whose report differed from a whole reading")


if __name__ == "__main__":
    main()
