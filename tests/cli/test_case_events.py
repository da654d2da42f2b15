"""`case event` and `case identifier`, split out of `case add` (whose old options
still work for one release, with a note naming the new command)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import invoke
from support.fakes import PASSPHRASE
from unsnare.cli import case as case_cli
from unsnare.evidence import Locker
from unsnare.evidence.crypto import KdfParams


def _run(*args: str) -> tuple[int, str, str]:
    result = invoke([case_cli.register], *args)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def case_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("UNSNARE_LOCKER", str(tmp_path / "locker.unsnare"))
    monkeypatch.setenv("UNSNARE_PASSPHRASE", PASSPHRASE)
    Locker.create(tmp_path / "locker.unsnare", PASSPHRASE, kdf=KdfParams.fast_for_tests()).close()
    code, out, _ = _run("case", "new", "Sam and Jordan Vale", "--json")
    assert code == 0
    return str(json.loads(out)["id"])


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["report", "--platform", "Instagram", "--reference", "IG-5521-XK"],
         {"kind": "report", "platform": "Instagram", "reference": "IG-5521-XK"}),
        (["payment", "--amount", "50", "--currency", "EUR", "--account", "$quickcash4u"],
         {"kind": "payment", "amount": "50", "currency": "EUR", "counterpart": "$quickcash4u"}),
        (["block", "--account", "jordan.vale.77", "--platform", "Instagram"],
         {"kind": "block", "counterpart": "jordan.vale.77", "platform": "Instagram"}),
        (["threat", "--note", "said he would post the pictures", "--at", "2026-03-02T21:40+00:00"],
         {"kind": "threat", "text": "said he would post the pictures"}),
    ],
)  # fmt: skip
def test_an_event_is_recorded_on_the_timeline(
    case_id: str, args: list[str], expected: dict[str, str]
) -> None:
    code, out, _ = _run("case", "event", case_id, *args, "--json")
    assert code == 0, out
    event = json.loads(out)
    assert {k: event.get(k) for k in expected} == expected
    _, timeline, _ = _run("case", "timeline", case_id, "--json")
    assert expected["kind"] in [e["kind"] for e in json.loads(timeline)]


@pytest.mark.parametrize(
    ("args", "says"),
    [(["report"], "needs --platform"), (["payment"], "needs --amount"),
     (["block"], "needs --account"), (["threat"], "needs --note"),
     (["block", "--account", "x", "--amount", "5"], "--amount goes with"),
     (["refund"], "refund")],
)  # fmt: skip
def test_an_event_missing_its_detail_is_refused(case_id: str, args: list[str], says: str) -> None:
    result = invoke([case_cli.register], "case", "event", case_id, *args)
    assert result.exit_code != 0
    assert says in (str(result.exception) + result.output)


def test_identifiers_are_recorded(case_id: str) -> None:
    code, out, _ = _run("case", "identifier", case_id, "phone:+44 7700 900123",
                        "handle:@jordan.vale.77", "--seen", "his profile", "--platform", "WhatsApp")
    assert code == 0 and "+44 7700 900123" in out and "@jordan.vale.77" in out
    assert _run("case", "identifier", case_id, "nocolon")[0] != 0


def test_an_identifier_without_a_kind_is_named_in_the_error(case_id: str) -> None:
    result = invoke([case_cli.register], "case", "identifier", case_id, "@mia_x_2009")
    assert result.exit_code != 0
    assert "'@mia_x_2009' needs a kind" in str(result.exception)
    assert "handle:@jordan.vale.77" in (getattr(result.exception, "hint", "") or "")


def test_the_old_case_add_options_still_work_and_name_the_new_command(case_id: str) -> None:
    code, out, err = _run("case", "add", case_id, "--report-to", "Instagram", "--json")
    assert code == 0
    assert json.loads(out)["events"][0]["kind"] == "report"
    assert "unsnare case event CASE report" in err


def test_case_add_help_shows_only_the_file_options() -> None:
    code, out, _ = _run("case", "add", "--help")
    assert code == 0
    assert "--tz" in out and "--report-to" not in out and "--identifier" not in out
