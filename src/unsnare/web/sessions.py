"""Browser sessions kept in server memory, keyed by a random cookie.

An unlocked evidence locker lives here and nowhere else: the passphrase is
never put in a cookie, and a session that has been idle for longer than
`idle_lock_seconds` has its locker closed before anything else happens.
Analysis reports and the files behind them are big, so they are kept sealed
on disk (`sealed.py`), not in memory.
"""

from __future__ import annotations

import hashlib
import pickle
import secrets
import threading
import time
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from unsnare.errors import LockerError
from unsnare.web.sealed import SealedFolder, SealedMap, SealedTuple

if TYPE_CHECKING:
    from unsnare.evidence.locker import Locker
    from unsnare.evidence.records import Identifier, Item, Note, TimelineEvent
    from unsnare.response.plan import Plan

SESSION_COOKIE = "unsnare_session"


@dataclass(frozen=True)
class CaseOverview:
    """What the case page shows of the open case, decrypted once."""

    case_id: str
    title: str
    items: list[Item]
    timeline: list[TimelineEvent]
    identifiers: list[Identifier]
    notes: list[Note]
    signer_fingerprint: str


@dataclass
class WebSession:
    """One browser's state. Mutable on purpose: it is server state, not a value."""

    id: str
    csrf_token: str
    last_seen: float
    locker: Locker | None = None
    case_id: str | None = None
    plan: Plan | None = None
    # Privacy check-up ticks (which apps someone uses can itself be private).
    checkup: frozenset[str] | None = None
    # Sealed on disk for sessions made by a SessionStore (a SealedMap).
    reports: MutableMapping[str, Any] = field(default_factory=dict)
    # The files behind a report, kept (sealed, as a SealedTuple) so they can be
    # saved to the case later, after it is created or unlocked.
    originals: dict[str, Any] = field(default_factory=dict)
    hashes: list[Any] = field(default_factory=list)
    # The case overview, decrypted once; cleared by every change made here.
    case_cache: CaseOverview | None = None
    locked_by_idle: bool = False
    # Held while a change to the case runs (an add can take seconds): closing the
    # case waits for it, so unlocking in another browser never cuts an add off.
    busy: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)

    @property
    def unlocked(self) -> bool:
        """True while an evidence locker is open for this browser."""
        return self.locker is not None

    def lock(self, wait: float = -1) -> None:
        """Close the locker (if open) and forget everything read from the case, after any
        change in progress has finished (LockerError if it takes more than `wait` seconds)."""
        if not self.busy.acquire(timeout=wait):
            raise LockerError(
                "Your case is still saving something in another window.",
                hint="Wait a minute for it to finish, then try again.",
            )
        try:
            locker, self.locker = self.locker, None
            self.case_id = None
            self.case_cache = None
            if locker is not None:
                close = getattr(locker, "close", None)
                if callable(close):
                    close()
        finally:
            self.busy.release()


class SessionStore:
    """All sessions of one app; thread-safe because uvicorn may run sync routes in threads."""

    # A few recent analysis reports per browser are enough to go back to one.
    max_reports = 5
    # Sessions idle for a day are dropped entirely so memory stays bounded.
    forget_after = 24 * 3600.0
    # How long opening the case waits for another browser's add to finish.
    busy_wait = 300.0

    def __init__(
        self,
        idle_lock_seconds: int,
        clock: Callable[[], float] = time.monotonic,
        sealed: SealedFolder | None = None,
    ):
        self._idle = idle_lock_seconds
        self._clock = clock
        self._sealed = sealed or SealedFolder()
        self._sessions: dict[str, WebSession] = {}
        self._mutex = threading.Lock()

    @property
    def sealed(self) -> SealedFolder:
        """Where this store's reports and kept files are sealed."""
        return self._sealed

    def touch(self, session_id: str | None) -> tuple[WebSession, bool]:
        """The session for this cookie (or a new one), after locking idle lockers.

        Returns the session and whether it is new (so a cookie must be set).
        """
        now = self._clock()
        with self._mutex:
            self._lock_idle(now)
            session = self._sessions.get(session_id or "")
            created = session is None
            if session is None:
                session = WebSession(
                    id=secrets.token_urlsafe(32),
                    csrf_token=secrets.token_urlsafe(32),
                    last_seen=now,
                    reports=SealedMap(self._sealed),
                )
                self._sessions[session.id] = session
            session.last_seen = now
            return session, created

    def _lock_idle(self, now: float) -> None:
        # Answers, reports and hashes say things about the person: an idle
        # browser forgets them together with the open case.
        for session in self._sessions.values():
            if now - session.last_seen <= self._idle:
                continue
            if not session.busy.acquire(blocking=False):
                continue  # still saving: not idle after all; look again next time
            try:
                if session.locker is not None:
                    session.lock()
                    session.locked_by_idle = True
            finally:
                session.busy.release()
            session.plan = None
            session.checkup = None
            session.reports.clear()
            session.originals.clear()
            session.hashes.clear()
        stale = [k for k, s in self._sessions.items() if now - s.last_seen > self.forget_after]
        for key in stale:
            del self._sessions[key]

    def lock_all(self) -> None:
        """Close every open locker (at shutdown)."""
        with self._mutex:
            for session in self._sessions.values():
                session.lock()

    def close(self) -> None:
        """Close every locker and remove the sealed reports (at shutdown)."""
        self.lock_all()
        with self._mutex:
            for session in self._sessions.values():
                session.reports.clear()
                session.originals.clear()
        self._sealed.close()

    def lock_path_elsewhere(self, keep: WebSession) -> None:
        """Close the case in every other browser session (one locker file, one user),
        each after the change it is making (such as an add) has finished."""
        with self._mutex:
            others = [s for s in self._sessions.values()
                      if s is not keep and s.locker is not None]
        # Waited for outside the mutex, so other browsers' requests are not held up.
        for session in others:
            session.lock(wait=self.busy_wait)

    def remember_report(self, session: WebSession, report: Any, originals: Any = None) -> str:
        """Keep an analysis (and, if given, the files it came from) and return its random id."""
        report_id = secrets.token_urlsafe(9)
        # Sealed before taking the mutex: writing megabytes must not hold up other browsers.
        if isinstance(session.reports, SealedMap):
            report = self._sealed.seal(report)
        if isinstance(originals, tuple):
            originals = self._keep_originals(session, originals)
        with self._mutex:
            session.reports[report_id] = report
            if originals is not None:
                session.originals[report_id] = originals
            while len(session.reports) > self.max_reports:
                oldest = next(iter(session.reports))
                del session.reports[oldest]  # not pop(): that would unseal it
                session.originals.pop(oldest, None)
        return report_id

    def _keep_originals(self, session: WebSession, originals: tuple[Any, ...]) -> SealedTuple:
        # One export can hold several chats, each its own report: their files are
        # sealed once and shared, so saving from one report saves them for all.
        digest = hashlib.sha256(pickle.dumps(originals, pickle.HIGHEST_PROTOCOL)).hexdigest()
        for kept in list(session.originals.values()):
            if isinstance(kept, SealedTuple) and kept.digest == digest:
                return kept
        return SealedTuple(self._sealed, originals, digest)
