"""Benchmark: every importer against nesting, size and encoding attacks (issue 16).

Each case is a file (or folder) built here, shaped like one platform's export
with one attack inside, and read by `unsnare import --format F --json` in a
child process. For each case we record the outcome (read, a clear error, or
a crash: exit 70, a traceback or a signal), the time, and the child's own
peak memory (wait4's ru_maxrss, measured from a small launcher so the
parent's size does not count). The bound from the issue: peak memory never
over 10 x the file size + 100 MB. Baseline in the same run: the peak of the
same command on a tiny, well-formed export.

Run: OMP_NUM_THREADS=1 .venv/bin/python bench/bench_fuzz_importers.py [--write] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

MB = 1024 * 1024
SRC = str(Path(__file__).resolve().parents[1] / "src")
LAUNCHER = """
import os, sys
pid = os.posix_spawn(sys.executable, [sys.executable, *sys.argv[2:]], os.environ)
_, status, usage = os.wait4(pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss * 1024))
sys.exit(os.waitstatus_to_exitcode(status))
"""
CLI = "import sys; from unsnare.cli.main import run; sys.argv[0] = 'unsnare'; run()"

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
# Export shapes the security tests build too; the ones below are this benchmark's own.
from support.hostile_json import (  # noqa: E402
    discord_exporter,
    discord_package,
    messenger,
    snapchat,
    telegram_chat,
)


# -- export shapes: each puts `value` (raw JSON text) where its importer parses it --
def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return path


def telegram_full(root: Path, value: str) -> Path:
    return _write(
        root / "result.json",
        '{"personal_information": {"user_id": 1}, "chats": {"list": [{"name": "Max", '
        '"id": 1, "type": "personal_chat", "messages": [{"id": 1, "type": "message", '
        f'"date_unixtime": "1772359200", "from": "Max", "text": {value}}}]}}]}}}}',
    )


def instagram(root: Path, value: str) -> Path:
    return _write(
        root / "ig" / "your_instagram_activity" / "messages" / "inbox" / "max_1" / "message_1.json",
        '{"participants": [{"name": "max"}, {"name": "sam"}], "messages": '
        f'[{{"sender_name": "max", "timestamp_ms": 1772359200000, "content": {value}}}]}}',
    ).parents[4]


def tiktok(root: Path, value: str) -> Path:
    return _write(
        root / "user_data_tiktok.json",
        '{"Direct Message": {"Direct Messages": {"ChatHistory": {"Chat History with max:": '
        f'[{{"Date": "2026-03-01 10:00:00", "From": "max", "Content": {value}}}]}}}}}}}}',
    )


def google_chat(root: Path, value: str) -> Path:
    return _write(
        root / "Takeout" / "Google Chat" / "Groups" / "DM abc" / "messages.json",
        '{"messages": [{"creator": {"name": "Max", "email": "max@example.com"}, '
        f'"created_date": "Sunday, 1 March 2026 at 10:00:00 UTC", "text": {value}}}]}}',
    ).parents[3]


def hangouts(root: Path, value: str) -> Path:
    return _write(
        root / "Hangouts.json",
        '{"conversations": [{"conversation": {"conversation_id": {"id": "c1"}, '
        '"conversation": {"participant_data": [{"id": {"gaia_id": "1"}, "fallback_name": '
        '"Max"}]}}, "events": [{"sender_id": {"gaia_id": "1"}, "timestamp": '
        '"1772359200000000", "event_type": "REGULAR_CHAT_MESSAGE", "chat_message": '
        f'{{"message_content": {{"segment": [{{"type": "TEXT", "text": {value}}}]}}}}}}]}}]}}',
    )


def skype(root: Path, value: str) -> Path:
    return _write(
        root / "messages.json",
        '{"userId": "8:live:sam", "exportDate": "2026-03-01T10:00", "conversations": '
        '[{"id": "8:live:max", "displayName": "Max", "MessageList": [{"id": "1", '
        '"originalarrivaltime": "2026-03-01T10:00:00.000Z", "messagetype": "RichText", '
        f'"from": "8:live:max", "content": {value}}}]}}]}}',
    )


JSON_FORMATS: dict[str, Callable[[Path, str], Path]] = {
    "telegram": telegram_chat,
    "telegram (full export)": telegram_full,
    "discord": discord_exporter,
    "discord-package": discord_package,
    "messenger": messenger,
    "instagram": instagram,
    "snapchat": snapchat,
    "tiktok": tiktok,
    "google-chat": google_chat,
    "hangouts": hangouts,
    "skype": skype,
}


def _format(name: str) -> str:
    return name.split(" ")[0]


# -- attacks on JSON values ------------------------------------------------------------
def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def nested_maps(depth: int) -> str:
    return '{"a":' * depth + "0" + "}" * depth


def wide(megabytes: int) -> str:
    # Many tiny containers: the most Python objects per byte of JSON.
    return "[" + ",".join(["[]"] * (megabytes * MB // 3)) + "]"


def many_keys(count: int) -> str:
    return "{" + ",".join(f'"k{i}":{i}' for i in range(count)) + "}"


def long_string(megabytes: int) -> str:
    return json.dumps("send it now " * (megabytes * MB // 12))


def escapes(megabytes: int) -> str:
    return '"' + '\\u00e9\\n\\"' * (megabytes * MB // 14) + '"'


def huge_number(digits: int) -> str:
    return "1" * digits


JSON_ATTACKS: dict[str, Callable[[], str]] = {
    "nested lists, depth 1,000": lambda: nested(1_000),
    "nested lists, depth 20,000 (40 KB)": lambda: nested(20_000),
    "nested lists, depth 200,000 (400 KB)": lambda: nested(200_000),
    "nested objects, depth 50,000": lambda: nested_maps(50_000),
    "2 MB of empty lists": lambda: wide(2),
    "16 MB of empty lists": lambda: wide(16),
    "one object with 200,000 keys": lambda: many_keys(200_000),
    "one 20 MB string": lambda: long_string(20),
    "one 70 MB string (over the 64 MB limit)": lambda: long_string(70),
    "8 MB of escapes in one string": lambda: escapes(8),
    "a 100,000-digit number": lambda: huge_number(100_000),
    "a lone surrogate escape": lambda: '"\\ud800 and \\udfff"',
    "a NUL escape and control bytes": lambda: '"a\\u0000b"',
}


# -- encoding attacks on whole files -----------------------------------------------------
def encoded(text: str, how: str) -> bytes:
    raw = text.encode("utf-8")
    if how == "utf-16":
        return text.encode("utf-16")
    if how == "latin-1 byte inside":
        return raw.replace(b"send", b"s\xe9nd", 1)
    if how == "BOM":
        return b"\xef\xbb\xbf" + raw
    if how == "NUL bytes":
        return raw.replace(b" ", b"\x00", 3)
    if how == "cut in a UTF-8 sequence":
        return raw + "é".encode()[:1]
    raise ValueError(how)


ENCODINGS = ["utf-16", "latin-1 byte inside", "BOM", "NUL bytes", "cut in a UTF-8 sequence"]
WHATSAPP = "01/03/2026, 10:00 - Max: send it now\n01/03/2026, 10:01 - Sam: no\n"
CSV = "timestamp,sender,text\n2026-03-01 10:00,Max,send it now\n"


@dataclass(frozen=True)
class Case:
    """One hostile input for one importer."""

    importer: str
    attack: str
    build: Callable[[Path], Path]


@dataclass(frozen=True)
class Outcome:
    """What the command did with one case."""

    case: Case
    size: int
    exit_code: int
    seconds: float
    peak: int
    message: str

    @property
    def kind(self) -> str:
        if self.exit_code == 0:
            return "read"
        if self.exit_code in (1, 2, 3, 4, 5) and "Traceback" not in self.message:
            return "clear error"
        return "CRASH"

    @property
    def bound(self) -> int:
        return 10 * self.size + 100 * MB

    @property
    def within(self) -> bool:
        return self.peak <= self.bound


def cases(quick: bool) -> list[Case]:
    """Every importer with every attack that applies to it."""
    out: list[Case] = []
    attacks = dict(JSON_ATTACKS)
    if quick:
        for slow in ("16 MB of empty lists", "one 70 MB string (over the 64 MB limit)"):
            attacks.pop(slow)
    for fmt, shape in JSON_FORMATS.items():
        for attack, value in attacks.items():
            out.append(Case(fmt, attack, lambda root, s=shape, v=value: s(root, v())))
        for how in ENCODINGS:
            out.append(
                Case(
                    fmt,
                    f"file encoding: {how}",
                    lambda root, s=shape, h=how: _reencode(s(root, '"send it now"'), h),
                )
            )
    for fmt, text, name in (
        ("whatsapp", WHATSAPP, "WhatsApp Chat with Max.txt"),
        ("plaintext", WHATSAPP, "notes.txt"),
        ("csv", CSV, "chat.csv"),
    ):
        for how in ENCODINGS:
            out.append(
                Case(
                    fmt,
                    f"file encoding: {how}",
                    lambda root, t=text, n=name, h=how: _write(root / n, encoded(t, h)),
                )
            )
        line = text.splitlines()[-1]
        out.append(
            Case(
                fmt,
                "one 40 MB line",
                lambda root, t=text, n=name, ln=line: _write(
                    root / n, t + ln + " now" * (10 * MB) + "\n"
                ),
            )
        )
        out.append(
            Case(
                fmt,
                "500,000 short lines",
                lambda root, t=text, n=name, ln=line: _write(root / n, t + (ln + "\n") * 500_000),
            )
        )
    out.append(Case("whatsapp", "zip bomb: _chat.txt of 1 GB in a 3 MB zip", _zip_bomb))
    out.append(
        Case(
            "csv",
            "one 8 MB quoted field",
            lambda root: _write(
                root / "chat.csv", CSV + '2026-03-01 10:01,Max,"' + "x" * (8 * MB) + '"\n'
            ),
        )
    )
    return out


def _reencode(path: Path, how: str) -> Path:
    files = [p for p in sorted(path.rglob("*.json")) if "index" not in p.name]
    target = path if path.is_file() else files[0]
    target.write_bytes(encoded(target.read_text("utf-8"), how))
    return path


def _zip_bomb(root: Path) -> Path:
    path = root / "WhatsApp Chat with Max.zip"
    block = WHATSAPP.encode() * (MB // len(WHATSAPP))
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open("_chat.txt", "w", force_zip64=True) as out,
    ):
        for _ in range(1000):
            out.write(block)
    return path


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run_case(case: Case, tmp: Path, timeout: float) -> Outcome:
    """Build one case, run the importer on it in a child, and measure."""
    root = tmp / "case"
    root.mkdir()
    try:
        path = case.build(root)
        size = _size(path)
        peak_file = tmp / "peak"
        env = {**os.environ, "PYTHONPATH": SRC, "OMP_NUM_THREADS": "1"}
        args = ["import", str(path), "--format", _format(case.importer), "--json"]
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                [sys.executable, "-c", LAUNCHER, str(peak_file), "-c", CLI, *args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=env,
                timeout=timeout,
                check=False,
            )
            code, err = proc.returncode, proc.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            code, err = -9, f"timed out after {timeout:.0f} s"
        seconds = time.perf_counter() - start
        peak = int(peak_file.read_text()) if peak_file.is_file() else 0
        peak_file.unlink(missing_ok=True)
        return Outcome(case, size, code, seconds, peak, err.strip())
    finally:
        import shutil

        shutil.rmtree(root, ignore_errors=True)


def _short(message: str) -> str:
    first = message.splitlines()[0] if message else ""
    first = first.split(": ", 2)[-1] if first.startswith("Error:") else first
    return (first[:90] + "...") if len(first) > 93 else first


def main() -> None:
    """Run every case, print a table, optionally write bench/results/fuzz_importers.md."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="write bench/results/fuzz_importers.md")
    ap.add_argument("--quick", action="store_true", help="leave out the two largest cases")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per case")
    args = ap.parse_args()
    load_before = os.getloadavg()[0]
    print(f"load average at start: {load_before:.1f} ({os.cpu_count()} cores)")
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = run_case(
            Case(
                "telegram",
                "baseline: a well-formed one-message export",
                lambda root: telegram_chat(root, '"hello"'),
            ),
            Path(tmp),
            args.timeout,
        )
        print(f"baseline peak (tiny well-formed export): {base.peak / MB:.0f} MB")
        for case in cases(args.quick):
            outcome = run_case(case, Path(tmp), args.timeout)
            outcomes.append(outcome)
            flag = "" if outcome.within else "  OVER BOUND"
            print(
                f"{case.importer:24} {case.attack:44} {outcome.size / MB:7.2f} MB "
                f"{outcome.kind:12} exit {outcome.exit_code:3} {outcome.seconds:6.1f} s "
                f"peak {outcome.peak / MB:6.0f} MB{flag}"
            )
    crashes = [o for o in outcomes if o.kind == "CRASH"]
    over = [o for o in outcomes if not o.within]
    errors = [o for o in outcomes if o.kind == "clear error"]
    worst = max(outcomes, key=lambda o: o.peak / o.bound)
    print(
        f"\ncases tried: {len(outcomes)}; read: {len(outcomes) - len(errors) - len(crashes)}; "
        f"clear errors: {len(errors)}; crashes: {len(crashes)}; over the memory bound: {len(over)}"
    )
    print(
        f"highest peak: {max(o.peak for o in outcomes) / MB:.0f} MB; closest to the bound: "
        f"{worst.case.importer} / {worst.case.attack} at {worst.peak / MB:.0f} MB "
        f"of {worst.bound / MB:.0f} MB"
    )
    if args.write:
        _write_results(outcomes, base, load_before, args.quick)


def _write_results(outcomes: list[Outcome], base: Outcome, load: float, quick: bool) -> None:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    crashes = sum(o.kind == "CRASH" for o in outcomes)
    errors = sum(o.kind == "clear error" for o in outcomes)
    over = sum(not o.within for o in outcomes)
    lines = [
        f"# Importer fuzz benchmark ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)",
        "",
        f"Machine: {machine}, 24 GB; shared with other engineers' jobs while measured (load "
        f"average {load:.1f} at start, {os.getloadavg()[0]:.1f} at end), so times include "
        "waiting.",
        "Command: `OMP_NUM_THREADS=1 .venv/bin/python bench/bench_fuzz_importers.py --write"
        + (" --quick`" if quick else "`"),
        "",
        "Each case runs `unsnare import --format F --json` in a child process; peak is that "
        "child's own maximum resident memory. Bound (issue 16): 10 x the file size + 100 MB. "
        f"Baseline: a tiny well-formed export peaks at {base.peak / MB:.0f} MB.",
        "",
        f"**Cases tried: {len(outcomes)}; read: {len(outcomes) - errors - crashes}; clear "
        f"errors: {errors}; crashes: {crashes}; over the memory bound: {over}.**",
        "",
        "| importer | attack | file | outcome | exit | time | peak | bound |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        lines.append(
            f"| {o.case.importer} | {o.case.attack} | {o.size / MB:.2f} MB | {o.kind}: "
            f"{_short(o.message).replace('|', '/') if o.kind != 'read' else 'imported'} | "
            f"{o.exit_code} | {o.seconds:.1f} s | {o.peak / MB:.0f} MB | {o.bound / MB:.0f} MB |"
        )
    out = Path(__file__).parent / "results" / "fuzz_importers.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
