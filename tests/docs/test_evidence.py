"""Every evidence command is documented (a new one fails here until it is)."""

from __future__ import annotations

from pathlib import Path

from unsnare.cli.case import case_app, package_app

DOC = Path(__file__).resolve().parents[2] / "docs" / "evidence.md"


def test_every_command_is_in_the_docs() -> None:
    text = DOC.read_text(encoding="utf-8")
    for group, app in (("case", case_app), ("package", package_app)):
        for command in app.registered_commands:
            assert f"unsnare {group} {command.name}" in text, command.name
