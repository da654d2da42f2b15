"""`Freshness`: one database round trip that many concurrent requests share.

Every request must see what other processes committed before it arrived: a key
revoked, a hash added or removed, the requests its key already made this minute.
Reading that per request cost a transaction each (four round trips through pg8000)
and was the largest part of a hash lookup. Here a request registers, then waits for
the first read that *starts after it registered*; one read serves every request
that registered before it began. So the guarantee is the same as a read per
request (nothing committed before the request is missed), and under load one read
answers tens of requests. The read also adds the waiting requests to the per-key
rate counts, so the limit still holds across every process.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Counters = tuple[int, int, str]


@dataclass
class Ticket:
    """One request waiting for the read: its key and minute; the read fills in the rest."""

    key_id: str
    minute: int
    used: int = 0
    active: bool = True


@dataclass(frozen=True)
class Snapshot:
    """What one read saw: each counted key's new total for its minute (absent when the
    key is revoked) and every bank's change counters."""

    counts: dict[tuple[str, int], int]
    banks: dict[str, Counters] = field(default_factory=dict)


Reader = Callable[[Counter[tuple[str, int]]], Snapshot]


class Freshness:
    """Shares reads of the change counters (and rate counts) between waiting requests."""

    def __init__(self, read: Reader, observe: Callable[[Snapshot], None]) -> None:
        self._read = read
        self._observe = observe
        self._cond = threading.Condition()
        self._pending: list[Ticket] = []
        self._started = 0
        self._done = 0
        self._running = False
        self._failed: dict[int, BaseException] = {}

    def wait(self, ticket: Ticket) -> Ticket:
        """Register, then return once a read that started after now has been applied."""
        with self._cond:
            self._pending.append(ticket)
            need = self._started + 1
            while self._done < need:
                if self._running:
                    self._cond.wait()
                    continue
                self._run_locked()
            failed = self._failed.get(need)
        if failed is not None:
            raise failed
        return ticket

    def _run_locked(self) -> None:
        # Called with the lock held; the read itself runs without it.
        self._running = True
        self._started += 1
        number, batch, self._pending = self._started, self._pending, []
        wanted: Counter[tuple[str, int]] = Counter((t.key_id, t.minute) for t in batch)
        error: BaseException | None = None
        self._cond.release()
        try:
            snapshot = self._read(wanted)
            self._observe(snapshot)
            _fill(batch, wanted, snapshot)
        except BaseException as exc:  # handed to every request of this read
            error = exc
        finally:
            self._cond.acquire()
            self._running = False
            self._done = number
            if error is not None:
                self._failed[number] = error
            # Only the latest few failures can still be asked for.
            for old in [n for n in self._failed if n < number - 64]:
                self._failed.pop(old)
            self._cond.notify_all()


def _fill(batch: Sequence[Ticket], wanted: Counter[tuple[str, int]], snap: Snapshot) -> None:
    """Give each request its place in its key's count: the i-th of n requests counted
    together sees the total before them plus i + 1 (as if counted one by one)."""
    seen: Counter[tuple[str, int]] = Counter()
    for ticket in batch:
        slot = (ticket.key_id, ticket.minute)
        total = snap.counts.get(slot)
        if total is None:
            ticket.active = False
            continue
        seen[slot] += 1
        ticket.used = total - wanted[slot] + seen[slot]
