"""`unsnare analyze` and `unsnare eval` from the command line.

Most tests run the commands in-process (fast); one runs the real `unsnare`
entry point to check that errors become messages and exit codes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from support.analysis import DATA
from unsnare.cli import analysis as analysis_cli
from unsnare.errors import InputError, UsageError


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    a = typer.Typer()
    analysis_cli.register(a)
    return a


def _invoke(app: typer.Typer, *args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), input=stdin)


def test_analyze_text_json(app: typer.Typer) -> None:
    out = _invoke(app, "analyze", "--text", "send me $300 or everyone sees your nudes", "--json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["risk"]["level"] in ("high", "critical")
    assert data["scheme"] == "financial_sextortion"
    assert {f["tactic"] for f in data["findings"]} >= {"payment_demand", "threat_to_expose"}


def test_analyze_stdin_recognises_an_email(app: typer.Typer) -> None:
    out = _invoke(app, "analyze", "-", "--json", stdin=(DATA / "mass_email.eml").read_text())
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["scheme"] == "mass_email_sextortion"


def test_analyze_eml_path_readable_report(app: typer.Typer) -> None:
    out = _invoke(app, "analyze", str(DATA / "mass_email.eml"))
    assert out.exit_code == 0, out.output
    assert "mass_email_sextortion" in out.stdout
    assert "not your fault" in out.stdout


def test_analyze_each_line_keeps_ids_and_order(app: typer.Typer, tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(
        '{"id": "a", "text": "send me $300 or I post it"}\n'
        '{"id": "b", "text": "see you at practice"}\n',
        encoding="utf-8",
    )
    out = _invoke(app, "analyze", "--each-line", str(f), "--json")
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["risk"]["level"] != "none" and rows[1]["risk"]["level"] == "none"


def test_each_line_builds_one_engine_for_all_lines(
    app: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[analysis_cli.Analyzer] = []

    class CountingAnalyzer(analysis_cli.Analyzer):
        def __init__(self) -> None:
            super().__init__()
            built.append(self)

    monkeypatch.setattr(analysis_cli, "Analyzer", CountingAnalyzer)
    f = tmp_path / "in.jsonl"
    f.write_text(
        "".join(f'{{"id": "m{i}", "text": "see you at practice {i}"}}\n' for i in range(5)),
        encoding="utf-8",
    )
    out = _invoke(app, "analyze", "--each-line", str(f))
    assert out.exit_code == 0, out.output
    assert len(out.stdout.splitlines()) == 5
    assert len(built) == 1


def test_eval_prints_scores_and_misses(app: typer.Typer, tmp_path: Path) -> None:
    f = tmp_path / "labelled.jsonl"
    f.write_text(
        '{"id": "p1", "text": "i will send your nudes to your family", "label": "positive",'
        ' "tags": ["threat_to_expose"]}\n'
        '{"id": "n1", "text": "see you at practice", "label": "negative", "tags": []}\n'
        '{"id": "p2", "text": "nice weather", "label": "positive", "tags": ["grooming"]}\n',
        encoding="utf-8",
    )
    out = _invoke(app, "eval", str(f))
    assert out.exit_code == 0, out.output
    assert "precision 1.000" in out.stdout and "recall 0.500" in out.stdout
    assert "p2: missed" in out.stdout


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("analyze",), UsageError),
        (("analyze", "/no/such/file.txt"), InputError),
        (("eval", "/no/such.jsonl"), InputError),
    ],
)
def test_bad_use_raises_an_explained_error(
    app: typer.Typer, args: tuple[str, ...], error: type[Exception]
) -> None:
    out = _invoke(app, *args)
    assert isinstance(out.exception, error)


def test_each_line_names_a_bad_line(app: typer.Typer, tmp_path: Path) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text('{"id": 1, "text": "ok"}\nnot json\n', encoding="utf-8")
    out = _invoke(app, "analyze", "--each-line", str(f), "--json")
    assert isinstance(out.exception, InputError)
    assert out.exception.line == 2


def test_the_real_command_shows_errors_without_a_traceback(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "unsnare.cli.main", "analyze", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 3
    assert "no such file" in out.stderr
    assert "Traceback" not in out.stderr


def test_analyze_an_export_path(app: typer.Typer) -> None:
    out = _invoke(app, "analyze", str(DATA / "whatsapp_sextortion.txt"), "--json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["scheme"] == "financial_sextortion"
    assert data["risk"]["level"] == "critical"
    assert "cashapp:jesskash" in {i["normalized"] for i in data["identifiers"]}


def test_an_email_saved_as_txt_is_read_as_an_email(app: typer.Typer, tmp_path: Path) -> None:
    saved = tmp_path / "mail.txt"
    saved.write_text((DATA / "mass_email.eml").read_text(encoding="utf-8"), encoding="utf-8")
    out = _invoke(app, "analyze", str(saved), "--json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["scheme"] == "mass_email_sextortion"
    # The bulk bluff is serious but capped at high: it is sent to millions.
    assert data["risk"]["level"] == "high"
