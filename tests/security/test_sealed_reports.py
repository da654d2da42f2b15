"""Reports and the files behind them are kept sealed on disk, not in memory (issue 16, item 6).

The memory test runs the web app in a child process: five uploads of a
30 MB export, each kept with its report so it can be saved to the case later.
Held in memory, the server grew by 123 MB over five uploads; sealed, by 1 to 3 MB.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from support.child import MB, run_python
from support.web import csrf, make_client
from unsnare.web.leftovers import remove_leftovers
from unsnare.web.sealed import SealedFolder, SealedGoneError, SealedMap, SealedTuple
from unsnare.web.sessions import SessionStore

MARKER = "zebra-lantern-4471"


def _files(folder: Path | None) -> list[Path]:
    return sorted(p for p in folder.iterdir()) if folder is not None else []


def test_a_report_is_kept_sealed_in_a_private_folder(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        text = f"Mia: pay me $300 or your family sees it, {MARKER}"
        report = client.post("/check/text", data={"csrf_token": csrf(client, "/check"),
                                                  "text": text})
        assert report.status_code == 200 and MARKER in report.text
        folder = client.app.state.sessions.sealed.folder
        assert folder is not None and stat.S_IMODE(folder.stat().st_mode) == 0o700
        files = _files(folder)
        assert len(files) == 2  # the report and the pasted text kept to save later
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
            assert MARKER.encode() not in path.read_bytes()
        assert MARKER in client.get(report.url.path).text  # read back for each view
        for path in files:  # removed behind the server's back: gone, not a 500
            path.unlink()
        assert client.get(report.url.path).status_code == 404
    assert not folder.exists()  # removed when the app stops


def test_a_changed_or_swapped_file_is_refused(tmp_path: Path) -> None:
    sealed = SealedFolder(tmp_path)
    one, two = sealed.seal({"risk": "high"}), sealed.seal({"risk": "none"})
    assert one.path is not None and two.path is not None
    first, second = one.path.read_bytes(), two.path.read_bytes()
    one.path.write_bytes(second)  # swapped: the name is bound into the seal
    with pytest.raises(SealedGoneError):
        sealed.unseal(one)
    one.path.write_bytes(first[:-1] + bytes([first[-1] ^ 1]))
    with pytest.raises(SealedGoneError):
        sealed.unseal(one)
    assert sealed.unseal(two) == {"risk": "none"}


def test_another_process_key_cannot_open_the_files(tmp_path: Path) -> None:
    ours = SealedFolder(tmp_path)
    blob = ours.seal("a report")
    with pytest.raises(SealedGoneError):
        SealedFolder(tmp_path).unseal(blob)


def test_a_dropped_report_takes_its_file_with_it(tmp_path: Path) -> None:
    sealed = SealedFolder(tmp_path)
    reports = SealedMap(sealed)
    reports["a"], reports["b"] = "first", "second"
    assert reports["a"] == "first" and len(_files(sealed.folder)) == 2
    del reports["a"]
    assert list(reports) == ["b"] and len(_files(sealed.folder)) == 1
    reports.clear()
    assert _files(sealed.folder) == []
    sealed.close()
    assert sealed.folder is not None and not sealed.folder.exists()


def test_only_the_last_reports_stay_on_disk(tmp_path: Path) -> None:
    store = SessionStore(idle_lock_seconds=60, sealed=SealedFolder(tmp_path))
    session, _ = store.touch(None)
    for n in range(store.max_reports + 3):
        store.remember_report(session, {"n": n}, ((f"file {n}".encode(),), "export"))
    assert len(session.reports) == store.max_reports
    # One file per report and one per kept upload; the kind stays in memory.
    assert len(_files(store.sealed.folder)) == 2 * store.max_reports
    store.close()
    assert not store.sealed.folder.exists()  # type: ignore[union-attr]


def test_reports_from_one_export_share_one_sealed_copy_of_its_files(tmp_path: Path) -> None:
    store = SessionStore(idle_lock_seconds=60, sealed=SealedFolder(tmp_path))
    session, _ = store.touch(None)
    uploads = ((b"a chat export with two chats",), "export")
    first = store.remember_report(session, "chat one", uploads)
    second = store.remember_report(session, "chat two", uploads)
    kept = session.originals[first]
    assert isinstance(kept, SealedTuple) and session.originals[second] is kept
    files, kind = kept  # unpacks like the tuple it stands for
    assert files == uploads[0] and kind == "export" and kept[1] == "export"
    other = store.remember_report(session, "another", ((b"another export",), "export"))
    assert session.originals[other] is not kept


def test_a_killed_servers_sealed_folder_is_removed_at_start(tmp_path: Path) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead = tmp_path / f"unsnare-reports-{gone.stdout.strip()}-abcd1234"
    alive = tmp_path / f"unsnare-reports-{os.getpid()}-efgh5678"
    for folder in (dead, alive):
        folder.mkdir()
        (folder / "0123abcd").write_bytes(b"sealed bytes")
    assert remove_leftovers(tmp_path) == [dead.name]
    assert alive.exists()


_SERVER = """
import ctypes, gc, io, json, os, re, sys, tempfile, warnings, zipfile
from pathlib import Path
from unsnare.settings import Settings
from unsnare.web.app import create_app
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

def rss():
    # Memory glibc keeps free for reuse (such as this script's own copies of the
    # uploads) is handed back first: what is left is what the app holds.
    ctypes.CDLL(None).malloc_trim(0)
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) * 1024 for l in fh if l.startswith("VmRSS"))

def export(n, size):
    chat = "".join(f"[05/01/2026, 18:{i:02d}:00] Jay K: pay me $200 or I post it, {n}-{i}\\n"
                   for i in range(40))
    chat += "[05/01/2026, 19:00:00] Jay K: \\u200e<attached: 00000043-VIDEO-2026-01-05-19-00-00.mp4>\\n"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("_chat.txt", chat)
        zf.writestr("00000043-VIDEO-2026-01-05-19-00-00.mp4", os.urandom(size))
    return buf.getvalue()

uploads, size = int(sys.argv[1]), int(sys.argv[2])
app = create_app(Settings(data_dir=Path(tempfile.mkdtemp()) / "data"))
client = TestClient(app, base_url="http://127.0.0.1")
token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/check").text).group(1)
out = {}
for n in range(uploads + 1):
    data = export(n, size)
    out["upload_bytes"] = len(data)
    r = client.post("/check/upload", data={"csrf_token": token},
                    files={"files": ("WhatsApp Chat - Jay K.zip", data, "application/zip")},
                    follow_redirects=False)
    assert r.status_code == 303, r.text[:300]
    assert client.get(r.headers["location"]).status_code == 200
    del data, r
    gc.collect()
    if n == 0:  # the first upload loads the analysis: count from after it
        out["rss_after_first"] = rss()
out["rss_after_all"] = rss()
session = next(iter(app.state.sessions._sessions.values()))
out["reports_kept"], out["files_kept"] = len(session.reports), len(session.originals)
print(json.dumps(out))
"""


def test_kept_reports_and_uploads_do_not_stay_in_memory() -> None:
    uploads = 5
    run = run_python(_SERVER, str(uploads), str(30 * MB))
    assert run.exit_code == 0, run.stderr[-2000:]
    seen = json.loads(run.stdout.splitlines()[-1])
    assert seen["reports_kept"] == uploads and seen["files_kept"] == uploads
    grown = seen["rss_after_all"] - seen["rss_after_first"]
    # Held in memory, five more uploads grew the server by about four uploads' size.
    assert grown < 2 * seen["upload_bytes"], seen
