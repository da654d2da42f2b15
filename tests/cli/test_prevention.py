"""The `checkup` and `prevention` commands, and the self-check's link to the check-up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from unsnare.cli import prevention, response
from unsnare.errors import UsageError


def _app() -> typer.Typer:
    app = typer.Typer()
    prevention.register(app)
    response.register(app)
    return app


RUNNER = CliRunner()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("UNSNARE_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _run(*args: str, input: str | None = None) -> tuple[int, str, BaseException | None]:
    result = RUNNER.invoke(_app(), list(args), input=input)
    return result.exit_code, result.stdout, result.exception


def test_checkup_lists_every_platform_with_why_and_where() -> None:
    code, out, _ = _run("checkup")
    assert code == 0
    for name in ("Instagram", "Snapchat", "TikTok", "Facebook and Messenger", "Discord",
                 "WhatsApp", "Telegram", "X (Twitter)", "Tinder", "Bumble", "Hinge", "Grindr"):
        assert name in out
    assert "Why:" in out and "Where:" in out and "Checked 2026-12-07" in out
    # Links to the self-check and to Get help now; nothing here goes online.
    assert "unsnare selfcheck" in out and "unsnare help" in out


def test_checkup_for_teens_leaves_out_dating_apps() -> None:
    code, out, _ = _run("checkup", "--audience", "teen")
    assert code == 0
    assert "Grindr" not in out and "Tinder" not in out and "Instagram" in out


def test_ticks_are_saved_locally_and_shown(data_dir: Path) -> None:
    code, out, _ = _run("checkup", "--platform", "snap", "--tick", "snapchat.ghost_mode",
                        "--tick", "instagram.private_account")
    assert code == 0
    assert "[x] 3. Hide your location" in out and "[ ] 1." in out
    saved = json.loads((data_dir / "checkup.json").read_text())
    assert saved == {"ticked": ["instagram.private_account", "snapchat.ghost_mode"]}
    code, out, _ = _run("checkup", "--untick", "snapchat.ghost_mode", "--json")
    assert code == 0
    assert json.loads(out)["ticked"] == ["instagram.private_account"]


@pytest.mark.parametrize(("args", "field"), [
    (("checkup", "--tick", "snapchat.fly"), "--tick"),
    (("checkup", "--platform", "myspace"), "--platform"),
    (("checkup", "--audience", "kid"), "--audience"),
    (("prevention", "poster"), "WHAT"),
    (("prevention", "family", "--lang", "fr"), "--lang"),
    (("prevention", "accept", "--audience", "parent"), "--audience"),
])
def test_bad_options_are_named(args: tuple[str, ...], field: str) -> None:
    code, _, exc = _run(*args)
    assert isinstance(exc, UsageError)
    assert exc.field == field and exc.hint


def test_checkup_json_lists_sources_and_dates() -> None:
    code, out, _ = _run("checkup", "--platform", "whatsapp", "--json")
    assert code == 0
    data = json.loads(out)
    settings = data["platforms"][0]["settings"]
    assert settings[0]["key"] == "whatsapp.groups"
    assert all(s["source"].startswith("https://") and s["checked"] for s in settings)
    assert data["warnings"] == []


@pytest.mark.parametrize(("args", "words"), [
    (("prevention", "accept"), "Before you accept"),
    (("prevention", "accept", "--audience", "adult"), "Fake profiles are built"),
    (("prevention", "accept", "--lang", "pt"), "Antes de aceitar"),
    (("prevention", "family"), "Our family agreement"),
    (("prevention", "family", "--lang", "es"), "Nuestro acuerdo familiar"),
    (("prevention", "family", "--lang", "pt"), "Nosso acordo de família"),
    (("prevention", "school"), "Warning signs for staff"),
    (("prevention", "school", "--lang", "es"), "Dónde denunciar"),
    (("prevention", "school", "--lang", "pt"), "Take It Down (NCMEC)"),
])
def test_prevention_material_prints(args: tuple[str, ...], words: str) -> None:
    code, out, _ = _run(*args)
    assert code == 0
    assert words in " ".join(out.split())


def test_selfcheck_result_points_to_the_checkup() -> None:
    code, out, _ = _run("selfcheck", input="n\n" * 13)
    assert code == 0
    assert "unsnare checkup" in out


def test_ticks_also_go_into_the_case_with_case_option(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from unsnare.evidence import Locker

    path = tmp_path / "case.unsnare-locker"
    with Locker.create(path, "blue kettle morning") as locker:
        locker.new_case("Sam's case")
    monkeypatch.setenv("UNSNARE_PASSPHRASE", "blue kettle morning")
    code, _, exc = _run("checkup", "--tick", "x.protect_posts", "--case", "--locker", str(path))
    assert code == 0, exc
    with Locker.open(path, "blue kettle morning") as locker:
        assert locker.case(locker.cases()[0].id).checkup() == ["x.protect_posts"]


def test_case_option_without_a_case_says_what_to_do(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from unsnare.evidence import Locker

    path = tmp_path / "empty.unsnare-locker"
    Locker.create(path, "blue kettle morning").close()
    monkeypatch.setenv("UNSNARE_PASSPHRASE", "blue kettle morning")
    code, _, exc = _run("checkup", "--case", "--locker", str(path))
    assert isinstance(exc, UsageError) and "case new" in (exc.hint or "")


def test_every_option_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "prevention.md").read_text("utf-8")
    app = typer.Typer()
    prevention.register(app)
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert set(commands) == {"checkup", "prevention"}
    for name, sub in commands.items():
        assert f"unsnare {name}" in docs, name
        for param in sub.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in docs, f"{name} {opt} is not in docs/prevention.md"


class _NextYear:
    """Stands in for the datetime module: today is more than a year after every check."""

    class date:  # noqa: N801 - mirrors datetime.date
        @staticmethod
        def today() -> object:
            import datetime

            return datetime.date(2028, 1, 1)


def test_entries_checked_over_a_year_ago_warn_in_the_output(monkeypatch: pytest.MonkeyPatch,
                                                            ) -> None:
    monkeypatch.setattr(prevention, "dt", _NextYear)
    code, out, _ = _run("checkup", "--platform", "discord")
    assert code == 0
    assert out.count("over a year ago") == 4  # the platform and its three settings
    code, out, _ = _run("checkup", "--platform", "discord", "--json")
    assert len(json.loads(out)["warnings"]) == 4
