"""`unsnare analyze` puts crisis lines first, with real numbers, when self-harm risk appears."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from unsnare.cli import analysis as analysis_cli

DESPAIR = "i cant do this anymore, i want to die. he will send my nudes to everyone unless i pay"


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    a = typer.Typer()
    analysis_cli.register(a)
    return a


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("GB", "116 123"),  # Samaritans
        ("US", "988"),  # Suicide & Crisis Lifeline
        (None, "findahelpline.com"),  # no country: international first
        ("ZZ", "findahelpline.com"),  # unknown country: international fallback
    ],
)
def test_crisis_lines_come_before_the_risk(
    app: typer.Typer, country: str | None, expected: str
) -> None:
    args = ["analyze", "--text", DESPAIR] + (["--country", country] if country else [])
    out = CliRunner().invoke(app, args)
    assert out.exit_code == 0, out.output
    assert expected in out.output
    assert out.output.index(expected) < out.output.index("Risk:")


def test_no_crisis_lines_without_crisis(app: typer.Typer) -> None:
    out = CliRunner().invoke(app, ["analyze", "--text", "send me $300 or everyone sees your nudes"])
    assert out.exit_code == 0
    assert "hurting yourself" not in out.output


def test_an_offender_saying_your_life_is_over_also_brings_the_crisis_lines(
    app: typer.Typer,
) -> None:
    out = CliRunner().invoke(
        app, ["analyze", "--country", "GB", "--text", "pay me or your life is over"]
    )
    assert out.exit_code == 0, out.output
    assert out.output.index("116 123") < out.output.index("Risk:")


def test_analyze_reads_an_export_with_the_import_options(
    app: typer.Typer, tmp_path: Path
) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "12/03/2026, 21:02 - Rory Vance: send me a pic\n"
        "12/03/2026, 21:43 - Rory Vance: pay $300 or I send it to your family\n",
        encoding="utf-8",
    )
    out = CliRunner().invoke(
        app, ["analyze", str(chat), "--tz", "America/New_York", "--format", "whatsapp"]
    )
    assert out.exit_code == 0, out.output
    assert "2026-03-12 21:43-04:00" in out.output
