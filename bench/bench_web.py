"""Benchmark: how long each web page takes to render, in process (ASGI, no network).

    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_web.py [--runs 30] [--messages 10000]

Measures the median and 95th percentile of full GET requests (routing, session,
security headers, template) for every page, including the report of a
10,000-message WhatsApp export, and the one-off cost of importing and analysing
that export on upload. Baseline in the same run: a static CSS file (the floor
the framework itself costs). Target: every page under 200 ms. Writes
bench/results/web.md. The conversation is generated here (invented people).
"""

from __future__ import annotations

import argparse
import platform
import re
import statistics
import tempfile
import time
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

from unsnare.settings import Settings
from unsnare.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette prefers httpx2; same client
    from starlette.testclient import TestClient

BENIGN = [
    "did you finish the maths homework", "lol that video was so funny", "see you at practice",
    "what time is the game on saturday", "my mum says hi", "ok cool", "haha yes",
    "can you send me the notes from class", "that song is stuck in my head",
]
THREATS = [
    "send me $200 now or I post your pic to all your followers",
    "you have 30 minutes, pay with gift cards or your family sees everything",
    "I have screenshots of your friends list, pay me on cashapp $fastcash{n}",
]
TARGET_MS = 200.0


def whatsapp_export(n: int, every: int = 97) -> bytes:
    """An invented WhatsApp Android export with `n` messages, one in `every` a threat."""
    start = datetime(2026, 1, 5, 18, 0)
    lines = []
    for i in range(n):
        at = start + timedelta(minutes=i)
        stamp = f"{at.month}/{at.day}/{at:%y}, {at:%I:%M %p}".replace(" 0", " ")
        if i % every == 0:
            who, text = "Jay K", THREATS[i % len(THREATS)].format(n=i)
        else:
            who, text = ("Alex", "Jay K")[i % 2], BENIGN[i % len(BENIGN)]
        lines.append(f"{stamp} - {who}: {text}")
    return "\n".join(lines).encode()


def timed(client: TestClient, path: str, runs: int) -> tuple[float, float]:
    """Median and p95 in milliseconds of `runs` GETs (after one warm-up)."""
    assert client.get(path).status_code == 200, path
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, path
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def csrf(client: TestClient, path: str) -> str:
    """The CSRF token on a page."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found
    return found.group(1)


def main() -> None:
    """Run the benchmark, print the table and write bench/results/web.md."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(data_dir=Path(tmp)))
        client = TestClient(app, base_url="http://127.0.0.1")
        for path in ["/static/unsnare.css", "/", "/help", "/check", "/protect", "/learn",
                     "/safety", "/case"]:
            rows.append((path, *timed(client, path, args.runs)))
        learn = re.search(r'href="(/learn/[^"]+)"', client.get("/learn").text)
        if learn:
            rows.append((learn.group(1), *timed(client, learn.group(1), args.runs)))
        token = csrf(client, "/help")
        client.post("/help", data={"csrf_token": token, "age": "15", "country": "US",
                                   "unsafe": "yes", "demand": "money"})
        rows.append(("/help/plan (crisis plan)", *timed(client, "/help/plan", args.runs)))

        export = whatsapp_export(args.messages)
        t0 = time.perf_counter()
        uploaded = client.post("/check/upload", data={"csrf_token": token},
                               files={"files": ("chat.txt", export, "text/plain")})
        upload_s = time.perf_counter() - t0
        assert uploaded.status_code == 200, uploaded.text[:500]
        report = uploaded.url.path
        matter = re.search(r"The messages that matter \((\d+)\)", uploaded.text)
        shown = int(matter.group(1)) if matter else 0
        rows.append((f"report, {args.messages:,} messages (page 1)",
                     *timed(client, report, args.runs)))
        rows.append((f"report, {args.messages:,} messages (last page)",
                     *timed(client, report + "?page_number=999", args.runs)))
        dense = client.post("/check/upload", data={"csrf_token": token},
                            files={"files": ("dense.txt", whatsapp_export(args.messages, 3),
                                             "text/plain")})
        dense_matter = re.search(r"The messages that matter \((\d+)\)", dense.text)
        dense_n = int(dense_matter.group(1)) if dense_matter else 0
        rows.append((f"report, {args.messages:,} messages, {dense_n:,} that matter (page 1)",
                     *timed(client, dense.url.path, args.runs)))
        rows.append((f"report, {args.messages:,} messages, {dense_n:,} that matter (last page)",
                     *timed(client, dense.url.path + "?page_number=999", args.runs)))

        created = client.post("/case/create", data={
            "csrf_token": token, "passphrase": "bench passphrase",
            "passphrase_again": "bench passphrase"})
        assert "Your case is ready" in created.text, created.text[:300]
        t0 = time.perf_counter()
        added = client.post("/case/files", data={"csrf_token": token, "kind": "export",
                                                 "tz": "Europe/London"},
                            files={"files": ("chat.txt", export, "text/plain")})
        intake_s = time.perf_counter() - t0
        assert "Added to your case" in added.text, added.text[:300]
        t0 = time.perf_counter()
        assert client.get("/case").status_code == 200
        cold_ms = (time.perf_counter() - t0) * 1000
        rows.append(("/case right after adding it (decrypts, single run)", cold_ms, cold_ms))
        rows.append((f"/case with the {args.messages:,}-message export",
                     *timed(client, "/case", max(5, args.runs // 3))))
        again = client.post("/case/files", data={"csrf_token": token, "kind": "export",
                                                 "tz": "Europe/London"},
                            files={"files": ("dense.txt", whatsapp_export(args.messages, 3),
                                             "text/plain")})
        assert "Added to your case" in again.text, again.text[:300]
        t0 = time.perf_counter()
        assert client.get("/case").status_code == 200
        cold_ms = (time.perf_counter() - t0) * 1000
        rows.append(("/case after adding the dense export too (single run)", cold_ms, cold_ms))
        rows.append(("/case with both exports", *timed(client, "/case", max(5, args.runs // 3))))

    worst = max(r[2] for r in rows[1:])
    lines = [
        "# Web page render times",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"Python {platform.python_version()} (2-core x86_64, 24 GB, shared with other work), "
        f"OMP_NUM_THREADS=1, in-process ASGI GETs ({args.runs} runs after a warm-up).",
        "",
        "| page | median ms | p95 ms |",
        "|---|---:|---:|",
        *(f"| {name} | {med:.1f} | {p95:.1f} |" for name, med, p95 in rows),
        "",
        f"Baseline: `/static/unsnare.css` is the framework's floor ({rows[0][1]:.1f} ms median).",
        f"Worst page p95: {worst:.1f} ms (target < {TARGET_MS:.0f} ms: "
        f"{'met' if worst < TARGET_MS else 'NOT met'}).",
        "",
        f"One-off costs (not page renders): uploading, importing and analysing the "
        f"{args.messages:,}-message export took {upload_s:.2f} s ({shown} messages that "
        f"matter, shown 100 per page); adding it to an encrypted "
        f"case (hashing, parsing, analysis, encryption) took {intake_s:.2f} s.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    out = Path(__file__).parent / "results" / "web.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
