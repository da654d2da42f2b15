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

`wait` holds its thread until its read is done (the thread may run the read);
`wait_async` holds no thread: while requests wait, one thread of the `Freshness` runs
the reads back to back and wakes each request when its read is done, so a request no
longer needs a thread-pool hand-off to be admitted.
"""

from __future__ import annotations

import asyncio
import contextlib
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
# How long the reading thread waits for new requests before it ends.
_LINGER = 1.0


@dataclass
class _Waiter:
    """An async request: the read it needs, and how to wake it."""

    need: int
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[None]


def _wake(future: asyncio.Future[None], error: BaseException | None) -> None:
    # Runs on the request's event loop.
    if future.done():
        return
    if error is None:
        future.set_result(None)
    else:
        future.set_exception(error)


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
        self._waiters: list[_Waiter] = []
        self._driving = False

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

    async def wait_async(self, ticket: Ticket) -> Ticket:
        """As `wait`, but without holding a thread: the reads run on the `Freshness`'s
        own thread, which wakes this request once a read that started after now is done."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        with self._cond:
            self._pending.append(ticket)
            self._waiters.append(_Waiter(self._started + 1, loop, future))
            if self._driving:
                self._cond.notify_all()
            else:
                self._driving = True
                threading.Thread(target=self._drive, name="freshness", daemon=True).start()
        await future
        return ticket

    def _drive(self) -> None:
        # The reading thread: runs reads while async requests wait for one, and ends
        # after _LINGER seconds without any.
        with self._cond:
            while True:
                if not self._waiters:
                    self._cond.wait(timeout=_LINGER)
                    if not self._waiters:
                        self._driving = False
                        return
                elif self._running:
                    self._cond.wait()
                else:
                    self._run_locked()

    def _settle(self, number: int) -> None:
        # Called with the lock held after read `number`: wake the async requests it served.
        served = [w for w in self._waiters if w.need <= number]
        if not served:
            return
        self._waiters = [w for w in self._waiters if w.need > number]
        for waiter in served:
            # RuntimeError: its event loop has closed, so nobody is waiting.
            with contextlib.suppress(RuntimeError):
                waiter.loop.call_soon_threadsafe(
                    _wake, waiter.future, self._failed.get(waiter.need))

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
            self._settle(number)
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
