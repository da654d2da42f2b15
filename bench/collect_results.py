"""Gather bench/results/*.md into bench/RESULTS.md (the summary first, then each area)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ["import", "analysis", "response", "evidence", "imaging", "web", "hashing"]


def main() -> None:
    """Write bench/RESULTS.md from the per-area files."""
    results = HERE / "results"
    parts = [(results / "_summary.md").read_text(encoding="utf-8").rstrip()]
    names = ORDER + sorted(
        p.stem for p in results.glob("*.md") if p.stem not in ORDER and p.stem != "_summary"
    )
    for name in names:
        path = results / f"{name}.md"
        if not path.exists():
            continue
        body = path.read_text(encoding="utf-8").strip()
        # Each area's own headings move two levels down, below its section.
        lines = body.splitlines()
        body = "\n".join("##" + ln if ln.startswith("#") else ln for ln in lines)
        parts.append(f"## {name.capitalize()} (from `bench/results/{name}.md`)\n\n{body}")
    (HERE / "RESULTS.md").write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
