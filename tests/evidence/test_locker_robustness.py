"""A crash mid-add, a full disk, and a second process: the locker stays as it was."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from support.fakes import PASSPHRASE, png
from unsnare.errors import LockerError
from unsnare.evidence import Locker
from unsnare.evidence.crypto import KdfParams

TESTS = str(Path(__file__).resolve().parents[1])
# This tree's own code, not whichever copy of unsnare is installed.
SRC = str(Path(__file__).resolve().parents[2] / "src")


def _python(script: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join((TESTS, SRC))}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _make(path: Path, chat_file: Path) -> tuple[str, bytes]:
    with Locker.create(path, PASSPHRASE, kdf=KdfParams.fast_for_tests()) as locker:
        case = locker.new_case("case")
        case.add_file(data=b"%PDF-1.4 first file", name="first.pdf")
    return case.id, path.read_bytes()


def test_a_crash_in_the_middle_of_an_add_leaves_the_locker_as_before(
    tmp_path: Path, chat_file: Path
) -> None:
    path = tmp_path / "l.unsnare"
    case_id, before = _make(path, chat_file)
    proc = _python(f"""
        import os
        from support.fakes import fake_tools, PASSPHRASE
        from unsnare.evidence import Locker
        def die(conv):
            os._exit(9)  # killed after the original and messages were written, before commit
        locker = Locker.open({str(path)!r}, PASSPHRASE, tools=fake_tools(analyze=die))
        locker.case({case_id!r}).add_export({str(chat_file)!r})
    """)
    proc.communicate(timeout=60)
    assert proc.returncode == 9
    with Locker.open(path, PASSPHRASE) as locker:
        assert "cut off" in locker.notices()[0]
        case = locker.case(case_id)
        assert [i.name for i in case.items()] == ["first.pdf"]
        assert case.verify(record=False).ok
    assert not Path(str(path) + "-journal").exists()
    with Locker.open(path, PASSPHRASE) as locker:  # and it takes new evidence normally
        assert locker.notices() == []
        locker.case(case_id).add_file(data=b"%PDF-1.4 second", name="second.pdf")
        assert locker.case(case_id).verify(record=False).ok


def test_full_disk_mid_add_says_nothing_was_added(
    make_locker: Callable[..., Locker], chat_file: Path
) -> None:
    locker = make_locker("sqlite")
    case = locker.new_case("case")
    case.add_export(chat_file)
    conn = locker.store._conn  # type: ignore[attr-defined]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages + 3}")
    with pytest.raises(LockerError, match="disk is full.*Nothing was added"):
        case.add_file(data=png() + os.urandom(300_000), name="big.png")
    assert [i.name for i in case.items()] == ["chat_export.txt"]
    assert [e.action for e in case.custody_log()] == ["create", "add"]
    conn.execute("PRAGMA max_page_count=1073741823")
    assert case.verify().ok


def test_a_second_process_is_refused_clearly(tmp_path: Path, chat_file: Path) -> None:
    path = tmp_path / "l.unsnare"
    _make(path, chat_file)
    holder = _python(f"""
        import sys, time
        from support.fakes import PASSPHRASE
        from unsnare.evidence import Locker
        locker = Locker.open({str(path)!r}, PASSPHRASE)
        print("open", flush=True)
        sys.stdin.readline() if False else time.sleep(30)
    """)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(LockerError, match="open in another Unsnare program"):
            Locker.open(path, PASSPHRASE, lock_timeout=0.3)
    finally:
        holder.kill()
        holder.communicate()
    with Locker.open(path, PASSPHRASE, lock_timeout=5) as locker:
        assert len(locker.cases()) == 1


def test_a_read_only_locker_refuses_changes_clearly(
    make_locker: Callable[..., Locker], chat_file: Path
) -> None:
    locker = make_locker("sqlite")
    case = locker.new_case("case")
    locker.store._conn.execute("PRAGMA query_only=ON")  # type: ignore[attr-defined]
    with pytest.raises(LockerError, match="could not be saved.*Nothing was added"):
        case.add_export(chat_file)
    assert case.items() == []
