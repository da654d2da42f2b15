"""Fixtures for lockers and chat files (invented people and chats only); a plugin
loaded by tests/conftest.py, so the evidence and the CLI tests share them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from support.fakes import CHAT, PASSPHRASE, Clock, fake_tools
from unsnare.evidence import Locker
from unsnare.evidence.crypto import KdfParams


@pytest.fixture
def chat_file(tmp_path: Path) -> Path:
    path = tmp_path / "chat_export.txt"
    path.write_text(CHAT, encoding="utf-8")
    return path


@pytest.fixture
def make_locker(tmp_path: Path) -> Iterator[Callable[..., Locker]]:
    opened: list[Locker] = []

    def make(kind: str = "sqlite", **kw: Any) -> Locker:
        kw.setdefault("tools", fake_tools())
        kw.setdefault("actor", "helper-anna")
        kw.setdefault("clock", Clock())
        kdf = KdfParams.fast_for_tests()
        if kind == "memory":
            locker = Locker.in_memory(PASSPHRASE, kdf=kdf, **kw)
        else:
            locker = Locker.create(tmp_path / f"locker{len(opened)}.unsnare", PASSPHRASE,
                                   kdf=kdf, **kw)
        opened.append(locker)
        return locker

    yield make
    for locker in opened:
        locker.close()


@pytest.fixture(params=["memory", "sqlite"])
def locker(request: pytest.FixtureRequest, make_locker: Callable[..., Locker]) -> Locker:
    return make_locker(request.param)

