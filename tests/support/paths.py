"""Where things are, for tests in any folder (tests move; these names do not)."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
SRC = ROOT / "src"
DOCS = ROOT / "docs"
DATA = TESTS / "data"
WEB_DATA = DATA / "web"
