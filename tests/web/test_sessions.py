"""The in-memory session store: new sessions, idle locking, forgetting, report limits."""

from __future__ import annotations

import pytest

from unsnare.web.sessions import SessionStore


class FakeLocker:
    def __init__(self) -> None:
        self.closed = False

    def close(self) -> None:
        self.closed = True


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    "idle_for,locked",
    [(599.0, False), (600.0, False), (601.0, True)],
)
def test_idle_sessions_lose_their_open_case(idle_for: float, locked: bool) -> None:
    clock = Clock()
    store = SessionStore(idle_lock_seconds=600, clock=clock)
    session, created = store.touch(None)
    assert created
    locker = FakeLocker()
    session.locker, session.case_id, session.plan = locker, "c1", {"steps": []}
    clock.now += idle_for
    again, created_again = store.touch(session.id)
    assert again is session and not created_again
    assert locker.closed is locked and (session.locker is None) is locked
    assert session.locked_by_idle is locked and (session.plan is None) is locked


def test_unknown_cookies_get_a_fresh_random_session() -> None:
    store = SessionStore(idle_lock_seconds=60)
    one, _ = store.touch("made-up-by-someone")
    assert one.id != "made-up-by-someone" and len(one.id) >= 40
    two, _ = store.touch(None)
    assert one.csrf_token != two.csrf_token


def test_day_old_sessions_are_forgotten() -> None:
    clock = Clock()
    store = SessionStore(idle_lock_seconds=60, clock=clock)
    old, _ = store.touch(None)
    clock.now += store.forget_after + 1
    store.touch(None)
    _, created = store.touch(old.id)
    assert created


def test_only_the_last_few_reports_are_kept() -> None:
    store = SessionStore(idle_lock_seconds=60)
    session, _ = store.touch(None)
    ids = [store.remember_report(session, n) for n in range(store.max_reports + 2)]
    assert list(session.reports) == ids[-store.max_reports:]


def test_opening_the_case_elsewhere_closes_it_here() -> None:
    store = SessionStore(idle_lock_seconds=60)
    here, _ = store.touch(None)
    there, _ = store.touch(None)
    locker = FakeLocker()
    here.locker = locker
    store.lock_path_elsewhere(there)
    assert locker.closed and here.locker is None
