"""Benchmark: Unsnare's PDQIndex against python-threatexchange's PDQIndex (HMA's index).

Runs each engine in its own subprocess (fair memory figures), same data and
queries, one thread (OMP_NUM_THREADS=1), and prints both with their ratios.

    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_hashing.py        # 1M runs + hashing
    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_hashing.py --big  # also 10M
    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_hashing.py --open-bank 1000000
        # time to open a 1M-hash SQLite bank: rebuild vs the saved index

Workload per index run: N bank hashes; 1,000 one-at-a-time lookups (best of
5 rounds, the engines taking turns): 100
planted near-duplicates (0-31 bits from a bank hash), 20 near-misses (32-40
bits from the nearest bank hash, checked by brute force) and 880 random.
Unsnare's rows name the search path it used: the compiled kernel
(src/unsnare/hashing/_mih.c, built by `pip install -e .`) or NumPy only.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

PLANTED, NEAR_MISSES, LOOKUPS = 100, 20, 1000
ROUNDS = 5


def rss_mb(field: str = "VmRSS") -> float:
    """Resident memory of this process in MB (VmRSS now, VmHWM at peak), from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def flip_bits(rows: np.ndarray, counts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Copy of rows with counts[i] distinct random bits flipped in row i."""
    out = rows.copy()
    for i, k in enumerate(counts):
        for b in rng.choice(256, int(k), replace=False):
            out[i, b // 8] ^= np.uint8(1 << (b % 8))
    return out


def make_bank(n: int, kind: str, seed: int) -> np.ndarray:
    """n random hashes, or n hashes in clusters of ~20 near-identical images."""
    rng = np.random.default_rng(seed)
    if kind == "random":
        return rng.integers(0, 256, (n, 32), dtype=np.uint8)
    centres = rng.integers(0, 256, (max(1, n // 20), 32), dtype=np.uint8)
    bank = np.empty((n, 32), dtype=np.uint8)
    for start in range(0, n, 100_000):
        stop = min(n, start + 100_000)
        picks = centres[rng.integers(0, len(centres), stop - start)]
        # Each member differs from its centre in ~6 bits (re-encodes, small edits).
        noise = np.packbits(rng.random((stop - start, 256)) < 6 / 256, axis=1)
        bank[start:stop] = picks ^ noise
    return bank


def nearest(bank: np.ndarray, query: np.ndarray) -> int:
    """Brute-force smallest Hamming distance from query to the bank."""
    words = bank.view(np.uint64)
    q = query.view(np.uint64)
    best = 256
    for start in range(0, len(bank), 1_000_000):
        w = words[start : start + 1_000_000]
        d = sum(np.bitwise_count(w[:, i] ^ q[i]).astype(np.uint16) for i in range(4))
        best = min(best, int(d.min()))
    return best


def make_queries(bank: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Queries, the planted source row (or -1) and the kind of each query."""
    rng = np.random.default_rng(seed + 1)
    n = len(bank)
    src = rng.integers(0, n, PLANTED)
    planted = flip_bits(bank[src], rng.integers(0, 32, PLANTED), rng)
    misses = []
    while len(misses) < NEAR_MISSES:
        cand = flip_bits(bank[rng.integers(0, n, 1)], rng.integers(32, 41, 1), rng)[0]
        if 32 <= nearest(bank, cand) <= 40:
            misses.append(cand)
    rand = rng.integers(0, 256, (LOOKUPS - PLANTED - NEAR_MISSES, 32), dtype=np.uint8)
    queries = np.concatenate([planted, np.array(misses), rand])
    sources = np.concatenate([src, -np.ones(LOOKUPS - PLANTED, dtype=np.int64)])
    kinds = ["planted"] * PLANTED + ["near_miss"] * NEAR_MISSES + ["random"] * len(rand)
    order = rng.permutation(LOOKUPS)
    return queries[order], sources[order], [kinds[i] for i in order]


def run_engine(engine: str, n: int, kind: str, seed: int) -> dict[str, object]:
    """Build one engine's index and time the lookups (runs inside a subprocess)."""
    bank = make_bank(n, kind, seed)
    queries, sources, kinds = make_queries(bank, seed)
    hexes = [bytes(row).hex() for row in bank]
    qhex = [bytes(q).hex() for q in queries]
    del bank
    gc.collect()
    # Reset the peak (VmHWM) so it measures building and searching only.
    Path("/proc/self/clear_refs").write_text("5")
    before = rss_mb()
    if engine == "threatexchange":
        from threatexchange.signal_type.pdq.pdq_index import PDQIndex as TEIndex

        t0 = time.perf_counter()
        te = TEIndex(entries=zip(hexes, range(n), strict=True))
        build = time.perf_counter() - t0

        def lookup(h: str) -> list[int]:
            return [int(m.metadata) for m in te.query(h)]
    else:
        from unsnare.hashing import PDQIndex

        t0 = time.perf_counter()
        ours = PDQIndex()
        ours.add(hexes, range(n))
        build = time.perf_counter() - t0

        def lookup(h: str) -> list[int]:
            return [int(i) for i, _ in ours.search(h)]

    gc.collect()
    after_build = rss_mb()
    # The parent says when to run each round, so the two engines take turns
    # and a busy moment on the shared machine hits both alike.
    print(json.dumps({"ready": True}), flush=True)
    elapsed, results = float("inf"), []
    for command in sys.stdin:
        if command.strip() != "round":
            break
        t0 = time.perf_counter()
        results = [lookup(h) for h in qhex]
        took = time.perf_counter() - t0
        elapsed = min(elapsed, took)
        print(json.dumps({"round_s": took}), flush=True)
    found = sum(
        1 for r, s, k in zip(results, sources, kinds, strict=True) if k == "planted" and s in r
    )
    misses = sum(len(r) for r, k in zip(results, kinds, strict=True) if k == "near_miss")
    batch_rate = None
    if engine == "threatexchange":
        how = "faiss IndexBinaryMultiHash"
    else:
        from unsnare.hashing import _segment

        how = "compiled kernel" if _segment.compiled() else "NumPy only"
        # The same lookups in one call (the scan's path), checked against one by one.
        t0 = time.perf_counter()
        qnum, ids, _ = ours.search_batch(qhex)
        batch_rate = round(LOOKUPS / (time.perf_counter() - t0), 1)
        by_query: list[list[int]] = [[] for _ in qhex]
        for q, i in zip(qnum.tolist(), ids.tolist(), strict=True):
            by_query[q].append(int(i))
        assert not results or by_query == results, "search_batch disagrees with search"
    return {
        "engine": engine,
        "how": how,
        "n": n,
        "data": kind,
        "build_s": round(build, 2),
        "lookups_per_s": round(LOOKUPS / elapsed, 1),
        "batch_lookups_per_s": batch_rate,
        "index_mb": round(after_build - before, 1),
        "peak_mb": round(rss_mb("VmHWM") - before, 1),
        "planted_found": found,
        "near_miss_results": misses,
    }


def run_side_by_side(engines: list[str], n: int, kind: str, seed: int) -> list[dict[str, object]]:
    """Each engine in its own interpreter (fair memory figures); lookup rounds alternate."""
    env = dict(os.environ, OMP_NUM_THREADS="1")
    procs = []
    for engine in engines:  # built one after the other, never at the same time
        cmd = [sys.executable, __file__, "--engine", engine, "--n", str(n), "--data", kind]
        proc = subprocess.Popen(
            [*cmd, "--seed", str(seed)],
            env=env,
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert proc.stdout is not None
        json.loads(proc.stdout.readline())  # {"ready": true}
        procs.append(proc)
    for _ in range(ROUNDS):
        for proc in procs:
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write("round\n")
            proc.stdin.flush()
            json.loads(proc.stdout.readline())
    out = []
    for proc in procs:
        stdout, _ = proc.communicate("done\n")
        out.append(dict(json.loads(stdout.strip().splitlines()[-1])))
    return out


def synthetic_jpegs(folder: Path, count: int) -> list[Path]:
    """Invented 1280x960 photos-like JPEGs (gradients, blocks and noise)."""
    from PIL import Image

    rng = np.random.default_rng(42)
    y, x = np.mgrid[0:960, 0:1280]
    paths = []
    for i in range(count):
        base = np.stack([x * 255 // 1280, y * 255 // 960, (x + y + 40 * i) % 256], -1)
        blocks = rng.integers(0, 255, (6, 8, 3)).repeat(160, 0).repeat(160, 1)
        noise = rng.integers(0, 40, (960, 1280, 3))
        img = Image.fromarray(((base + blocks) // 2 + noise).clip(0, 255).astype(np.uint8))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=88)
        p = folder / f"photo_{i:03d}.jpg"
        p.write_bytes(buf.getvalue())
        paths.append(p)
    return paths


def hashing_throughput(count: int = 40, rounds: int = 3) -> dict[str, float]:
    """Images per second (best of interleaved rounds, to damp a busy machine's noise).

    threatexchange's pdq_from_file computes PDQ only; Unsnare's hash_file also
    computes MD5 and SHA-256, so its PDQ-only path is measured as well.
    """
    from threatexchange.signal_type.pdq.pdq_hasher import pdq_from_file

    from unsnare.hashing import hash_file
    from unsnare.hashing.pdq import decode_image, pdq_from_pixels

    def unsnare_pdq_only(path: Path) -> tuple[str, int]:
        return pdq_from_pixels(decode_image(path.read_bytes())[0])

    engines = {
        "threatexchange": pdq_from_file,
        "unsnare": hash_file,
        "unsnare_pdq_only": unsnare_pdq_only,
    }
    with tempfile.TemporaryDirectory() as tmp:
        paths = synthetic_jpegs(Path(tmp), count)
        rates: dict[str, float] = {name: 0.0 for name in engines}
        for _ in range(rounds):
            for name, fn in engines.items():
                fn(paths[0])  # warm up imports and caches
                t0 = time.perf_counter()
                for p in paths:
                    fn(p)
                rates[name] = max(rates[name], round(count / (time.perf_counter() - t0), 1))
        same = all(pdq_from_file(p)[0] == hash_file(p).pdq for p in paths[:5])
        rates["same_hash"] = float(same)
    return rates


def open_bank_figures(n: int, seed: int) -> dict[str, object]:
    """Time opening an n-hash SQLite bank: rebuild from the database vs the saved index."""
    from unsnare.hashing.banks import HashBank, entry
    from unsnare.hashing.matcher import HashMatcher
    from unsnare.hashing.storage import SqlBankStore, entries_table

    bank = make_bank(n, "random", seed)
    probe = [bank[i].tobytes().hex() for i in range(0, n, max(1, n // 100))]
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/banks.db"
        store = SqlBankStore.from_url(url)
        store.create_bank(HashBank("big"))
        added = datetime.now(UTC)
        # Straight SQL for the bulk load: the bench times opening, not importing.
        with store.engine.begin() as conn:
            for start in range(0, n, 50_000):
                rows = [
                    {"bank": "big", "signal_type": "pdq", "value": h.tobytes().hex(),
                     "source": "bench", "added": added, "labels": "[]"}
                    for h in bank[start : start + 50_000]
                ]
                conn.execute(entries_table.insert(), rows)
        store.add_entries("big", [entry("pdq", "0" * 64)])  # moves the change counter on
        del bank
        gc.collect()

        def first_match(index_dir: Path | None) -> tuple[float, int]:
            t0 = time.perf_counter()
            m = HashMatcher(SqlBankStore.from_url(url), index_dir)
            m.match([probe[0]])
            elapsed = time.perf_counter() - t0
            found = sum(m.match([p]).matched for p in probe)
            m.store.engine.dispose()  # type: ignore[attr-defined]
            return elapsed, found

        rebuild_s, found_rebuild = first_match(None)
        gc.collect()
        first_s, _ = first_match(Path(tmp) / "idx")
        gc.collect()
        reload_s = min(first_match(Path(tmp) / "idx")[0] for _ in range(3))
        found_reload = first_match(Path(tmp) / "idx")[1]
        SqlBankStore.from_url(url).add_entries(
            "big", [entry("pdq", f"{i:064x}") for i in range(1, 1001)]
        )
        incremental_s, _ = first_match(Path(tmp) / "idx")
        size = sum(f.stat().st_size for f in (Path(tmp) / "idx").rglob("*") if f.is_file())
    return {
        "n": n,
        "rebuild_from_sqlite_s": round(rebuild_s, 2),
        "first_open_rebuild_and_save_s": round(first_s, 2),
        "reload_saved_s": round(reload_s, 3),
        "reload_after_1000_adds_elsewhere_s": round(incremental_s, 3),
        "saved_index_mb": round(size / 1e6, 1),
        "probes_found_rebuild_reload": f"{found_rebuild}/{found_reload} of {len(probe)}",
    }


def main() -> None:
    """Run the comparison and print (and optionally record) the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine")
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--data", default="random")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--big", action="store_true", help="also 10M hashes (Unsnare only)")
    ap.add_argument("--only-big", action="store_true")
    ap.add_argument("--only-hashing", action="store_true")
    ap.add_argument("--write", type=Path, help="write a markdown table here")
    ap.add_argument(
        "--open-bank",
        type=int,
        metavar="N",
        help="only time opening an N-hash SQLite bank: rebuild vs saved index",
    )
    args = ap.parse_args()
    if args.open_bank:
        print(json.dumps(open_bank_figures(args.open_bank, args.seed)))
        return
    if args.engine:
        print(json.dumps(run_engine(args.engine, args.n, args.data, args.seed)))
        return
    rows: list[str] = []
    if args.only_hashing:
        print(json.dumps(hashing_throughput()))
        return
    if not args.only_big:
        for kind in ("random", "clustered"):
            te, us = run_side_by_side(["threatexchange", "unsnare"], args.n, kind, args.seed)
            print(json.dumps(te))
            print(json.dumps(us))
            ratio_speed = float(us["lookups_per_s"]) / float(te["lookups_per_s"])  # type: ignore[arg-type]
            ratio_mem = float(us["index_mb"]) / float(te["index_mb"])  # type: ignore[arg-type]
            print(f"{kind}: lookups x{ratio_speed:.1f}, memory x{ratio_mem:.2f} ({us['how']})")
            rows.append(
                f"| {args.n:,} {kind}, {us['how']} | "
                f"{te['lookups_per_s']} | {us['lookups_per_s']} | "
                f"x{ratio_speed:.1f} | {te['index_mb']} | {us['index_mb']} | x{ratio_mem:.2f} | "
                f"{te['peak_mb']} | {us['peak_mb']} | "
                f"{te['build_s']} | {us['build_s']} | "
                f"{te['planted_found']}/{us['planted_found']} | "
                f"{te['near_miss_results']}/{us['near_miss_results']} |"
            )
        rates = hashing_throughput()
        print(json.dumps(rates))
        rows.append(
            f"\nHashing throughput (40 invented 1280x960 JPEGs, best of 3 interleaved "
            f"rounds, images/s): threatexchange pdq_from_file {rates['threatexchange']}, "
            f"Unsnare hash_file (PDQ + MD5 + SHA-256) {rates['unsnare']} "
            f"(x{rates['unsnare'] / rates['threatexchange']:.2f}), Unsnare PDQ only "
            f"{rates['unsnare_pdq_only']} "
            f"(x{rates['unsnare_pdq_only'] / rates['threatexchange']:.2f}); "
            f"same PDQ hashes: {bool(rates['same_hash'])}."
        )
    if args.big or args.only_big:
        big = run_side_by_side(["unsnare"], 10_000_000, "random", args.seed)[0]
        print(json.dumps(big))
        rows.append(
            f"\n10,000,000 random hashes, Unsnare only: {big['lookups_per_s']} lookups/s, "
            f"index {big['index_mb']} MB (peak while building {big['peak_mb']} MB), "
            f"build {big['build_s']} s, planted found "
            f"{big['planted_found']}/100, near-miss results {big['near_miss_results']}."
        )
    if args.write:
        header = (
            f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, OMP_NUM_THREADS=1, "
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC.\n\n"
            "| workload | TE lookups/s | Unsnare lookups/s | speed | TE MB | Unsnare MB | "
            "memory | TE peak MB | Unsnare peak MB | TE build s | Unsnare build s | "
            "planted found (TE/U) | near-miss results (TE/U) |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        )
        args.write.parent.mkdir(parents=True, exist_ok=True)
        with args.write.open("a", encoding="utf-8") as fh:
            fh.write(header + "\n".join(rows) + "\n\n")


if __name__ == "__main__":
    main()
