"""Reading the documentation as a specification: its pages and code blocks.

A fenced block whose info string ends in ``runnable`` (```` ```sh runnable ````,
```` ```python runnable ````) is run by tests/docs/test_docs_spec.py: it must
work offline, in a fresh folder, in a few seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from support import paths

ROOT, DOCS = paths.ROOT, paths.DOCS
_FENCE = re.compile(r"^(?P<indent> *)```(?P<info>[^`]*)$")


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """One fenced code block of a page."""

    page: str
    line: int
    language: str
    runnable: bool
    code: str

    @property
    def where(self) -> str:
        """The page and line, for test ids and messages."""
        return f"{self.page}:{self.line}"


def pages() -> dict[str, str]:
    """Every page of docs/ by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md"))}


def code_blocks(name: str, text: str) -> list[CodeBlock]:
    """The fenced blocks of one page (indented ones in lists included)."""
    blocks: list[CodeBlock] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        indent, words = len(opening["indent"]), opening["info"].split()
        body: list[str] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            body.append(lines[j][indent:] if lines[j][:indent].isspace() else lines[j])
            j += 1
        blocks.append(CodeBlock(name, i + 1, words[0] if words else "", words[-1:] == ["runnable"],
                                "\n".join(body) + "\n"))  # fmt: skip
        i = j + 1
    return blocks


def runnable_blocks() -> list[CodeBlock]:
    """Every block marked runnable, on every page."""
    return [b for name, text in pages().items() for b in code_blocks(name, text) if b.runnable]
