"""Hostile chat exports: deep nesting, huge fields, zip bombs and damaged zips (issue 16).

Each case runs the real command line in a child process and checks three
things: a clear error naming the file (or a normal import), the input-error
exit code (never 70, a crash), and peak memory within 10x the file + 100 MB.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.child import MB, memory_bound, run_cli, run_python
from support.hostile_json import (
    JSON_EXPORTS,
    corrupt_deflate,
    deep,
    format_of,
    telegram_chat,
    zip_bomb,
)
from unsnare.errors import InputError
from unsnare.importers import read_export
from unsnare.importers.jsonguard import JsonShapeGuard


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


@pytest.mark.parametrize("case", sorted(JSON_EXPORTS))
def test_the_builders_make_exports_each_importer_reads(tmp_path: Path, case: str) -> None:
    # So that the attacks below reach the parser of the importer they are meant for.
    path = JSON_EXPORTS[case](tmp_path, '"hello"')
    result = read_export(path, format=format_of(case), tz="UTC")
    assert result.conversations


@pytest.mark.parametrize("case", sorted(JSON_EXPORTS))
def test_deep_nesting_is_refused_clearly_in_bounded_memory(tmp_path: Path, case: str) -> None:
    path = JSON_EXPORTS[case](tmp_path, deep())
    run = run_cli("import", str(path), "--format", format_of(case))
    assert run.exit_code == 3, run.stderr
    assert "nested more than 100 levels" in run.stderr
    assert "Traceback" not in run.stderr
    assert run.peak_bytes < memory_bound(_size(path))


def test_deep_nesting_is_refused_when_the_format_is_detected(tmp_path: Path) -> None:
    path = telegram_chat(tmp_path, deep())
    run = run_cli("import", str(path))
    assert run.exit_code == 3 and "result.json" in run.stderr


def test_nesting_a_real_export_might_have_is_read(tmp_path: Path) -> None:
    path = telegram_chat(tmp_path, deep(60))
    result = read_export(path, tz="UTC")
    assert len(result.conversations[0].messages) == 1


def test_one_huge_text_field_is_read_in_linear_time_and_bounded_memory(tmp_path: Path) -> None:
    text = "send it now " * (24 * MB // 12)
    path = telegram_chat(tmp_path, json.dumps(text))
    run = run_cli("import", str(path), "--json")
    assert run.exit_code == 0, run.stderr
    # The text is held a few times over (parsed, the message, its JSON output).
    assert run.peak_bytes < memory_bound(_size(path))


def test_a_zip_bomb_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    path = zip_bomb(tmp_path / "WhatsApp Chat.zip", megabytes=200)
    run = run_cli("import", str(path))
    assert run.exit_code == 3, run.stderr
    assert "would expand" in run.stderr and "WhatsApp Chat.zip" in run.stderr
    assert run.peak_bytes < memory_bound(path.stat().st_size)


@pytest.mark.parametrize("member", ["result.json", "_chat.txt"])
def test_a_damaged_deflate_stream_is_an_input_error(tmp_path: Path, member: str) -> None:
    if member == "result.json":
        data = telegram_chat(tmp_path / "src", json.dumps("send it now " * 4000)).read_bytes()
    else:
        data = b"01/03/2026, 10:00 - Max: send it now\n" * 4000
    path = corrupt_deflate(tmp_path / "export.zip", member, data)
    run = run_cli("import", str(path))
    assert run.exit_code == 3, run.stderr
    assert "export.zip" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize(
    "text,depth",
    [
        ("[]", 1),
        ('{"a": [1, {"b": []}]}', 4),
        ('"[[[[["', 0),  # brackets inside a string do not nest
        (r'"\"[[[" ', 0),  # an escaped quote does not end the string
        (r'["\\", [[]]]', 3),  # an escaped backslash before a closing quote
        (r'["\\\"[", []]', 2),
        ('{"k": "}}}}", "l": [[["x"]]]}', 4),
    ],
)
@pytest.mark.parametrize("step", [1, 2, 7, 1000])
def test_the_guard_follows_nesting_across_reads(text: str, depth: int, step: int) -> None:
    data = text.encode()
    json.loads(data)  # each case is valid JSON
    fits = JsonShapeGuard("t.json", max_depth=depth)
    for i in range(0, len(data), step):
        fits.feed(data[i : i + step])
    assert fits.depth == 0 and fits.open_string() == 0
    if depth:
        too_deep = JsonShapeGuard("t.json", max_depth=depth - 1)
        with pytest.raises(InputError, match="nested more than"):
            for i in range(0, len(data), step):
                too_deep.feed(data[i : i + step])


def test_the_guard_refuses_a_string_longer_than_its_limit() -> None:
    guard = JsonShapeGuard("t.json", max_string=1000)
    guard.feed(b'["' + b"a" * 900)
    with pytest.raises(InputError, match="one text over") as caught:
        guard.feed(b"a" * 200)
    assert caught.value.file == "t.json"


def test_the_guard_refuses_far_more_lists_than_an_export_holds() -> None:
    guard = JsonShapeGuard("t.json")
    with pytest.raises(InputError, match="lists and objects"):
        guard.feed(b"[" + b"[]," * 200_000)


@pytest.mark.parametrize("case", ["telegram", "discord", "messenger", "snapchat"])
def test_a_file_of_empty_lists_is_refused_in_bounded_memory(tmp_path: Path, case: str) -> None:
    path = JSON_EXPORTS[case](tmp_path, "[" + ",".join(["[]"] * (4 * MB // 3)) + "]")
    run = run_cli("import", str(path), "--format", format_of(case))
    assert run.exit_code == 3, run.stderr
    assert "lists and objects" in run.stderr
    assert run.peak_bytes < memory_bound(_size(path))


WEB_UPLOAD = """
import sys, warnings
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from support.web import csrf, make_client
path, tmp = Path(sys.argv[2]), Path(sys.argv[3])
with make_client(tmp) as client:
    answer = client.post(
        "/check/upload",
        data={"csrf_token": csrf(client, "/check")},
        files={"files": (path.name, path.read_bytes(), "application/json")},
    )
print(answer.status_code)
print(answer.text)
"""


@pytest.mark.parametrize("case", ["telegram", "snapchat", "instagram"])
def test_the_web_answers_deep_json_with_400_in_bounded_memory(tmp_path: Path, case: str) -> None:
    built = JSON_EXPORTS[case](tmp_path / "export", deep())
    if built.is_dir():  # upload the one JSON file, as a person would pick it
        built = next(p for p in built.rglob("*.json"))
    tests = str(Path(__file__).resolve().parents[1])
    run = run_python(WEB_UPLOAD, tests, str(built), str(tmp_path / "app"))
    status, _, page = run.stdout.partition("\n")
    assert status == "400", run.stdout[:500] + run.stderr[-2000:]
    assert "nested more than 100 levels" in page
    # The app itself (FastAPI, the analysers) is most of this; the file adds little.
    assert run.peak_bytes < memory_bound(built.stat().st_size) + 150 * MB
