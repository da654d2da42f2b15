"""The `plan`, `help`, `guide` and `selfcheck` commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from unsnare.cli import response
from unsnare.errors import InputError, UsageError


def _app() -> typer.Typer:
    app = typer.Typer()
    response.register(app)
    return app


RUNNER = CliRunner()


def _run(*args: str, input: str | None = None) -> tuple[int, str, BaseException | None]:
    result = RUNNER.invoke(_app(), list(args), input=input)
    return result.exit_code, result.stdout, result.exception


def test_plan_json_has_stable_ids_text_and_services() -> None:
    code, out, _ = _run("plan", "--age", "15", "--country", "US", "--demand", "money",
                        "--paid", "--platform", "Instagram", "--platform", "Discord",
                        "--unsafe", "--json")
    assert code == 0
    data = json.loads(out)
    ids = [s["id"] for s in data["steps"]]
    assert ids == ["crisis", "do_not_comply", "preserve_evidence", "block_and_report",
                   "official_help", "support"]
    sub_ids = {s["id"] for step in data["steps"] for s in step["substeps"]}
    assert {"block_and_report.instagram", "block_and_report.discord",
            "do_not_comply.paid.contact_provider"} <= sub_ids
    official = data["steps"][4]
    assert official["text"] and official["services"]
    assert {"id", "name", "url", "source", "checked"} <= set(official["services"][0])


def test_plan_prints_a_checklist() -> None:
    code, out, _ = _run("plan", "--age", "30", "--country", "gb", "--platform", "tinder")
    assert code == 0
    assert "[ ] 1. Don't pay and don't send more" in out
    assert "Dating apps" in out and "not your fault" in out


def test_plan_from_analysis_file(tmp_path: Path) -> None:
    report = {"risk": {"level": "high", "score": 0.9}, "scheme": "financial_sextortion",
              "crisis": True, "findings": [{"tactic": "payment_demand"}],
              "identifiers": [{"platform": "snapchat", "value": "x"}]}
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    code, out, _ = _run("plan", "--age", "16", "--country", "CA", "--from-analysis",
                        str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["steps"][0]["id"] == "crisis"
    assert data["triage"]["demand"] == "money"
    assert data["triage"]["platforms"] == ["snapchat"]


@pytest.mark.parametrize(
    ("text", "line"),
    [("{not json", 1), ("[1, 2]", None), ("{\n\n  oops\n}", 3)],
)
def test_bad_analysis_file_is_an_input_error_naming_file_and_line(
        tmp_path: Path, text: str, line: int | None) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    _, _, exc = _run("plan", "--age", "16", "--country", "CA", "--from-analysis", str(path))
    assert isinstance(exc, InputError)
    assert exc.file == str(path) and exc.line == line


@pytest.mark.parametrize(
    ("args", "option"),
    [(("plan", "--age", "200", "--country", "US"), "--age"),
     (("plan", "--age", "15", "--country", "US", "--demand", "cash"), "--demand"),
     (("plan", "--country", "US"), "--age"),
     (("plan", "--age", "15"), "--country"),
     (("help", "--age", "0"), "--age"),
     (("guide", "faq", "--audience", "kid"), "--audience")],
)
def test_bad_values_name_the_option(args: tuple[str, ...], option: str) -> None:
    _, _, exc = _run(*args)
    assert isinstance(exc, UsageError)
    assert exc.field == option


def test_help_json_lists_services_with_issue_fields() -> None:
    code, out, _ = _run("help", "--country", "GB", "--age", "15", "--json")
    assert code == 0
    data = json.loads(out)
    assert data[0]["id"] == "gb_ceop"
    for entry in data:
        assert set(entry) >= {"id", "name", "handles", "countries", "url", "phone", "text",
                              "hours", "anonymous", "source", "checked"}


def test_help_puts_crisis_lines_first() -> None:
    code, out, _ = _run("help", "--country", "US", "--age", "15")
    assert code == 0
    first = out.splitlines()[0]
    assert "Call 911" in first
    assert out.index("988 Suicide & Crisis Lifeline") < out.index("NCMEC CyberTipline")


def test_help_unknown_country_says_it_fell_back() -> None:
    code, out, _ = _run("help", "--country", "Atlantis")
    assert code == 0
    assert "We do not have services listed for 'Atlantis'" in out
    assert "Take It Down" in out


def test_help_without_country_shows_international_services() -> None:
    code, out, _ = _run("help")
    assert code == 0 and "Find A Helpline" in out
    assert "No country given" in out and "--country" in out


def test_guide_lists_and_renders_sections() -> None:
    code, out, _ = _run("guide", "--audience", "teen")
    assert code == 0 and "what-is-sextortion" in out and "faq" in out
    code, out, _ = _run("guide", "faq", "--audience", "parent")
    assert code == 0 and "Will paying make it stop?" in out


def test_guide_unknown_section_names_it() -> None:
    _, _, exc = _run("guide", "nope")
    assert isinstance(exc, UsageError) and "'nope'" in exc.message


def test_selfcheck_interactive_leads_to_the_plan() -> None:
    # fast_intimacy, fake_identity, switch_app, image_request, threat, ... unsafe last
    answers = "y\nn\ny\ny\ny\nn\ny\nn\ny\nn\ny\nn\nn\n"
    code, out, _ = _run("selfcheck", input=answers)
    assert code == 0
    assert "This looks like sextortion" in out
    assert "unsnare plan" in out


def test_selfcheck_json() -> None:
    code, out, _ = _run("selfcheck", "--json", input="n\n" * 12 + "y\n")
    assert code == 0
    # The test runner echoes the typed answers to stdout; the JSON follows them.
    data = json.loads(out[out.index("{"):])
    assert data["summary"].startswith("First, your safety")
    assert data["triage"]["unsafe"] is True
    assert "help" in data["next_step"]


def test_selfcheck_with_age_and_country_prints_the_plan() -> None:
    answers = "n\nn\nn\ny\ny\nn\ny\nn\nn\nn\ny\ny\nn\n"
    code, out, _ = _run("selfcheck", "--age", "16", "--country", "AU", "--json", input=answers)
    assert code == 0
    data = json.loads(out[out.index("{"):])
    assert data["plan"]["triage"]["demand"] == "money"
    assert data["plan"]["triage"]["paid"] is True
    code, out, _ = _run("selfcheck", "--age", "16", "--country", "AU", input=answers)
    assert code == 0 and "Your plan" in out and "eSafety" in out


@pytest.mark.parametrize(("args", "option"), [(("--age", "16"), "--country"),
                                              (("--country", "AU"), "--age"),
                                              (("--age", "300", "--country", "AU"), "--age")])
def test_selfcheck_option_errors_name_the_option(args: tuple[str, ...], option: str) -> None:
    _, _, exc = _run("selfcheck", *args)
    assert isinstance(exc, UsageError) and exc.field == option


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "unsnare.cli.main", *args],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("args", "needle"),
    [(("plan", "--age", "200", "--country", "US"), "--age"),
     (("plan", "--age", "15", "--country", "US", "--frobnicate"), "--frobnicate"),
     (("plan", "--age", "15", "--country", "US", "--from-analysis", "/no/such.json"),
      "/no/such.json")],
)
def test_errors_exit_non_zero_without_a_traceback(args: tuple[str, ...], needle: str) -> None:
    done = _cli(*args)
    assert done.returncode != 0
    assert needle in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_root_help_still_works_next_to_the_help_command() -> None:
    done = _cli("--help")
    assert done.returncode == 0
    assert "help" in done.stdout and "plan" in done.stdout
    done = _cli("help", "--country", "US", "--age", "15")
    assert done.returncode == 0 and "CyberTipline" in done.stdout


def test_every_option_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "response.md").read_text("utf-8")
    command = typer.main.get_command(_app())
    commands = command.commands  # type: ignore[attr-defined]
    assert set(commands) == {"plan", "help", "guide", "selfcheck"}
    for name, sub in commands.items():
        assert f"unsnare {name}" in docs, name
        for param in sub.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in docs, f"{name} {opt} is not in docs/response.md"
