"""`Freshness`: requests share reads, yet each sees a read that began after it arrived,
and rate counts come out as if every request were counted on its own."""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from unsnare.platform.freshness import Freshness, Snapshot, Ticket


class FakeCounts:
    """Keeps counts like the rate table does; `revoked` keys get none. Slow on purpose,
    so requests pile up behind a read."""

    def __init__(self, revoked: frozenset[str] = frozenset()) -> None:
        self.counts: Counter[tuple[str, int]] = Counter()
        self.revoked = revoked
        self.reads = 0
        self.version = 0

    def read(self, wanted: Counter[tuple[str, int]]) -> Snapshot:
        self.reads += 1
        seen_version = self.version
        time.sleep(0.005)
        out = {}
        for slot, n in wanted.items():
            if slot[0] not in self.revoked:
                self.counts[slot] += n
                out[slot] = self.counts[slot]
        return Snapshot(out, {"version": (seen_version, 0, "")})


def test_concurrent_requests_share_reads_and_are_counted_one_by_one() -> None:
    fake = FakeCounts()
    fresh = Freshness(fake.read, lambda snapshot: None)
    with ThreadPoolExecutor(16) as pool:
        tickets = list(pool.map(lambda _: fresh.wait(Ticket("k", 1)), range(200)))
    assert sorted(t.used for t in tickets) == list(range(1, 201))
    assert fake.reads < 200  # shared


def test_a_change_before_a_request_is_always_seen() -> None:
    fake = FakeCounts()
    seen: list[int] = []
    fresh = Freshness(fake.read, lambda snapshot: seen.append(snapshot.banks["version"][0]))
    stop = threading.Event()

    def background() -> None:
        while not stop.is_set():
            fresh.wait(Ticket("bg", 1))

    threads = [threading.Thread(target=background) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        for version in range(1, 30):
            fake.version = version
            fresh.wait(Ticket("k", 1))
            assert max(seen) >= version
    finally:
        stop.set()
        for t in threads:
            t.join()


def test_revoked_keys_and_failed_reads() -> None:
    fresh = Freshness(FakeCounts(frozenset({"gone"})).read, lambda snapshot: None)
    assert fresh.wait(Ticket("gone", 1)).active is False
    assert fresh.wait(Ticket("kept", 1)).active is True

    def broken(wanted: Counter[tuple[str, int]]) -> Snapshot:
        raise OSError("database unreachable")

    failing = Freshness(broken, lambda snapshot: None)
    with pytest.raises(OSError):
        failing.wait(Ticket("k", 1))
