"""`kill -9` during "Add to my case": no plaintext of the upload is left on disk, and the
next start removes what older versions left in clear (issue 16, item 4)."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from support.browser import free_port

SRC = str(Path(__file__).resolve().parents[2] / "src")
MARKER = b"ZEBRA-PLAINTEXT-4417"
PASS = "blue kettle morning"


def _chat(lines: int) -> bytes:
    """An invented WhatsApp export whose every message carries the marker."""
    out = []
    for i in range(lines):
        who = "Mia R" if i % 2 else "Sam"
        out.append(f"3/14/26, 9:{i % 60:02d} PM - {who}: message {i} {MARKER.decode()} "
                   "pay me or I send it to everyone you know")
    return ("\n".join(out) + "\n").encode()


class Server:
    """`unsnare serve` in its own process, with its own TMPDIR and data folder."""

    def __init__(self, root: Path) -> None:
        self.port = free_port()
        self.env = {**os.environ, "PYTHONPATH": SRC, "TMPDIR": str(root / "tmp"),
                    "UNSNARE_DATA_DIR": str(root / "data")}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "unsnare.cli.main", "serve", "--port", str(self.port)],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(self.url + "/safety", timeout=1)
                return
            except httpx.TransportError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.kill()
                    raise RuntimeError("unsnare serve did not start") from None
                time.sleep(0.1)

    def kill(self) -> None:
        """kill -9, and wait for it to be gone."""
        self.proc.kill()
        self.proc.wait(timeout=30)


def _csrf(client: httpx.Client) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/case").text)
    assert found
    return found.group(1)


def _files_holding(marker: bytes, *roots: Path) -> list[str]:
    hits = []
    for root in roots:
        for folder, _, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                if marker in name.encode() or marker in path.read_bytes():
                    hits.append(str(path))
    return hits


@pytest.mark.slow
def test_kill_during_add_leaves_no_plaintext(tmp_path: Path) -> None:
    (tmp_path / "tmp").mkdir()
    # Left in clear by an older Unsnare that was killed; and a file a person saved.
    old = tmp_path / "tmp" / "unsnare-upload-k3j2h1g0"
    old.mkdir()
    (old / "chat.txt").write_bytes(MARKER)
    (tmp_path / "tmp" / "unsnare-notes.txt").write_text("mine")
    chat = _chat(30_000)  # about 2.5 MB: over the 1 MB that multipart keeps in memory
    # Spread over the add (about 6 s here): an older Unsnare left the chat in clear when
    # killed about 0.7-0.9 s in, while the importer read its temporary copy.
    for round_, delay in enumerate((0.4, 0.8, 1.6)):
        server = Server(tmp_path)
        assert not old.exists()  # removed at start
        try:
            with httpx.Client(base_url=server.url, timeout=120) as client:
                if round_ == 0:
                    client.post("/case/create", data={
                        "csrf_token": _csrf(client), "passphrase": PASS,
                        "passphrase_again": PASS, "title": "case"})
                else:
                    client.post("/case/unlock", data={"csrf_token": _csrf(client),
                                                      "passphrase": PASS})
                csrf = _csrf(client)

                def add(client: httpx.Client = client, csrf: str = csrf) -> None:
                    # The server is killed under it: no answer comes.
                    with contextlib.suppress(httpx.TransportError):
                        client.post("/case/files", data={"csrf_token": csrf, "kind": "export"},
                                    files={"files": ("chat.txt", chat, "text/plain")})

                adding = threading.Thread(target=add)
                adding.start()
                time.sleep(delay)
                server.kill()
                adding.join(timeout=60)
        finally:
            if server.proc.poll() is None:
                server.kill()
        assert _files_holding(MARKER, tmp_path / "tmp", tmp_path / "data") == []
    assert (tmp_path / "tmp" / "unsnare-notes.txt").read_text() == "mine"


def test_leftovers_of_running_servers_and_other_files_are_kept(tmp_path: Path) -> None:
    from unsnare.web.leftovers import remove_leftovers

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    names = {
        "unsnare-abcd1234": True,                                 # an older Unsnare's upload
        "unsnare-verify-abcd1234": True,
        f"unsnare-package-{dead.pid}-abcd1234": True,             # its server was killed
        f"unsnare-package-{os.getpid()}-abcd1234": False,         # this server still runs
        "unsnare-my-own-folder": False,                           # not a name we make
    }
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / "x").write_bytes(MARKER)
    (tmp_path / "unsnare-abcd5678").write_text("a file, not our folder")
    (tmp_path / "unsnare-link0000").symlink_to(tmp_path / "unsnare-my-own-folder")
    removed = remove_leftovers(tmp_path)
    assert sorted(removed) == sorted(n for n, gone in names.items() if gone)
    assert (tmp_path / "unsnare-abcd5678").exists() and (tmp_path / "unsnare-link0000").exists()
    assert (tmp_path / "unsnare-my-own-folder" / "x").exists()
