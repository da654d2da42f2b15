"""Measure the response layer: directory load, plan build, JSON round trip.

Run:  OMP_NUM_THREADS=1 .venv/bin/python bench/bench_response.py [--repeat 5]

Builds a plan for every covered country (plus one unknown) at ages 10 to 70,
with every platform and the paid and crisis branches, and reports plans per
second and the size of a saved plan. Baseline in the same run: the bare YAML
parse of the shipped data (what validation and lookup add on top of it).
Writes bench/results/response.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import yaml

from unsnare.response import Plan, Triage, build_plan
from unsnare.response.directory import default_directory, parse_directory
from unsnare.response.platforms import default_platforms

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ROOT = Path(__file__).resolve().parent.parent
PLATFORMS = ("instagram", "facebook", "snapchat", "whatsapp", "tiktok", "discord", "x",
             "telegram", "roblox", "wizz", "gmail", "tinder", "email")


def _best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Run the measurements, print them and write bench/results/response.md."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    data = resources.files("unsnare.response").joinpath("data")
    services_text = data.joinpath("services.yaml").read_text("utf-8")
    countries_text = data.joinpath("countries.yaml").read_text("utf-8")

    def bare_parse() -> object:
        return yaml.load(services_text, LOADER), yaml.load(countries_text, LOADER)

    def load() -> object:
        return parse_directory(yaml.load(services_text, LOADER),
                               yaml.load(countries_text, LOADER))

    directory = default_directory()
    default_platforms()
    triages = [
        Triage(age=age, country=code, demand="money", paid=True, sent_images=True,
               platforms=PLATFORMS, unsafe=True)
        for code in [*directory.covered(), "ZZ"]
        for age in (10, 13, 15, 17, 18, 25, 40, 70)
    ]

    def build_all() -> list[Plan]:
        return [build_plan(t) for t in triages]

    plans = build_all()
    saved = [json.dumps(p.to_dict()) for p in plans]

    def round_trip() -> object:
        return [Plan.from_dict(json.loads(s)) for s in saved]

    t_bare = _best(bare_parse, args.repeat)
    t_load = _best(load, args.repeat)
    t_build = _best(build_all, args.repeat)
    t_trip = _best(round_trip, args.repeat)
    sizes = [len(s.encode()) for s in saved]
    steps = [len(p.ids()) for p in plans]
    n = len(triages)

    lines = [
        "# Response layer benchmark",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"Python {platform.python_version()} (team machine: 2-core x86_64, 24 GB, shared).",
        f"Best of {args.repeat} runs. {len(directory.services)} services, "
        f"{len(directory.countries)} countries, {n} plans "
        "(every country + one unknown, 8 ages, all branches, 13 platforms).",
        "",
        "| what | figure |",
        "| --- | --- |",
        f"| bare YAML parse (LibYAML) of the shipped data (baseline) | {t_bare * 1000:.1f} ms |",
        f"| parse + schema validation + index (directory load) | {t_load * 1000:.1f} ms |",
        f"| plans built per second | {n / t_build:,.0f} ({t_build / n * 1e6:.0f} µs each) |",
        f"| saved plans read back per second (JSON + from_dict) | {n / t_trip:,.0f} |",
        f"| saved plan size, median / max | {statistics.median(sizes) / 1024:.1f} KiB / "
        f"{max(sizes) / 1024:.1f} KiB |",
        f"| checklist items per plan, median / max | {statistics.median(steps):.0f} / "
        f"{max(steps)} |",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    out = ROOT / "bench" / "results" / "response.md"
    out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
