"""`Services`: what a running service holds (engine, scorer, banks, metrics), made once
per app and opened lazily, so building the app (for its OpenAPI document) needs no database."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import sqlalchemy as sa
from fastapi import Header, Request
from sqlalchemy.engine import Engine

from unsnare.analysis import Analyzer
from unsnare.platform import keys
from unsnare.platform.conversations import ConversationScorer
from unsnare.platform.db import make_engine, make_reader_engine
from unsnare.platform.freshness import Freshness, Snapshot
from unsnare.platform.hashes import TenantBanks, bank_counters
from unsnare.platform.metrics import Metrics
from unsnare.platform.settings import PlatformSettings


class Services:
    """The parts of a running service; the database is reached on first use."""

    def __init__(self, settings: PlatformSettings) -> None:
        self.settings = settings
        self.engine: Engine = make_engine(settings)
        self.metrics = Metrics()
        self._lock = threading.Lock()
        self._scorer: ConversationScorer | None = None
        self._banks: TenantBanks | None = None
        self._reader_engine = make_reader_engine(settings)
        self._reader: sa.Connection | None = None
        self.freshness = Freshness(self._read_changes, self._observe)
        self.keyring = keys.Keyring(self.engine, self.freshness)

    @property
    def scorer(self) -> ConversationScorer:
        """The conversation scorer (the analyzer is built on first use)."""
        with self._lock:
            if self._scorer is None:
                self._scorer = ConversationScorer(Analyzer(), max_batch=self.settings.max_batch)
            return self._scorer

    @property
    def banks(self) -> TenantBanks:
        """The tenants' hash banks."""
        with self._lock:
            if self._banks is None:
                self._banks = TenantBanks(self.engine)
            return self._banks

    def authorize(self, authorization: str | None, scope: str) -> keys.ApiKey:
        """The key behind the header, if it may use `scope` and is within its rate."""
        return self.keyring.admit(authorization, scope)

    def _read_changes(self, wanted: Counter[tuple[str, int]]) -> Snapshot:
        # One read for every waiting request (see freshness.py). Reads run one at a time,
        # so they keep one autocommit connection of their own: two statements a read.
        if self._reader is None:
            self._reader = self._reader_engine.connect()
        try:
            counts = keys.count_requests(self._reader, wanted)
            return Snapshot(counts, bank_counters(self._reader))
        except sa.exc.SQLAlchemyError:
            # A broken connection is made anew by the next read; this one's requests fail.
            reader, self._reader = self._reader, None
            reader.invalidate()
            raise

    def close(self) -> None:
        """Close the database connections (the app is stopping)."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self._reader_engine.dispose()
        self.engine.dispose()

    def _observe(self, snapshot: Snapshot) -> None:
        with self._lock:
            banks = self._banks
        if banks is not None:
            banks.observe(snapshot.banks)

    def ready(self) -> str | None:
        """None when the database answers and is migrated; otherwise what is wrong."""
        from unsnare.platform.migrate import current, head

        try:
            at = current(self.engine)
        except sa.exc.SQLAlchemyError:
            return "the database cannot be reached"
        if at != head():
            return f"the database is at revision {at}, not {head()}"
        return None


def services(request: Request) -> Services:
    """The app's services (a FastAPI dependency)."""
    found: Services = request.app.state.services
    return found


def scoped(scope: str) -> Callable[..., keys.ApiKey]:
    """A dependency giving the request's key, refusing it without `scope`."""

    def dependency(
        request: Request, authorization: str | None = Header(default=None)
    ) -> keys.ApiKey:
        key = services(request).authorize(authorization, scope)
        request.state.key = key
        return key

    return dependency
