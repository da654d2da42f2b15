"""`unsnare import` and `unsnare show` end to end, as a person would run them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unsnare.cli.main", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"},
    )


def test_import_summary_and_json() -> None:
    path = str(DATA / "whatsapp" / "android_en_12h.txt")
    out = _run("import", path, "--tz", "Europe/Paris")
    assert out.returncode == 0, out.stderr
    assert "whatsapp" in out.stdout and "Europe/Paris (assumed" in out.stdout
    assert "month-first" in out.stdout
    data = json.loads(_run("import", path, "--json", "--tz", "UTC").stdout)
    assert data["format"] == "whatsapp"
    assert {"format", "participants", "messages", "warnings"} <= set(data)
    first = data["messages"][1]
    assert {"id", "sender", "timestamp", "text", "kind", "attachments", "source"} <= set(first)
    assert first["timestamp"] == "2024-02-13T21:02:00+00:00"
    assert first["source"]["line"] == 2


def test_show_prints_the_conversation() -> None:
    out = _run("show", str(DATA / "whatsapp" / "android_de.txt"), "--tz", "UTC")
    assert out.returncode == 0, out.stderr
    assert "Lena Vogt" in out.stdout and "Hallo, wer bist du?" in out.stdout


def test_bad_input_exits_non_zero_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "garbage.bin"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    out = _run("import", str(bad))
    assert out.returncode == 3
    assert "Traceback" not in out.stderr
    assert "garbage.bin" in out.stderr and "What to try" in out.stderr


def test_format_help_lists_every_importer() -> None:
    from unsnare.cli.importing import FORMAT_NAMES
    from unsnare.importers import available_formats

    assert FORMAT_NAMES.split(", ") == available_formats()


def test_a_file_that_fails_to_read_is_not_announced_as_read(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\neggs\nmilk\n", encoding="utf-8")
    out = _run("import", str(notes), "--format", "whatsapp")
    assert out.returncode == 3
    assert "starts like a WhatsApp message" in out.stderr
    assert "Read " not in out.stdout
