"""The bridge between a browser session and its evidence locker.

Routes call these so that they stay thin; every function here works on the
locker held in the session (opened with the passphrase, kept only in memory).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from unsnare.errors import InputError, LockerError, UsageError
from unsnare.evidence.case import Case
from unsnare.evidence.intake import IntakeResult
from unsnare.evidence.locker import CaseSummary, Locker
from unsnare.evidence.records import IntakeKind
from unsnare.evidence.signing import signer_of
from unsnare.private import make_private_dir
from unsnare.response.plan import Plan
from unsnare.settings import Settings
from unsnare.web.sessions import CaseOverview, SessionStore, WebSession
from unsnare.web.uploads import Upload, safe_name


def create(session: WebSession, store: SessionStore, settings: Settings,
           passphrase: str, title: str) -> None:
    """Make the locker and its first case, and keep it open for this browser."""
    path = settings.locker_file()
    if path.exists():
        raise LockerError("A case already exists on this computer.",
                          hint="Unlock it with its passphrase instead.")
    make_private_dir(path.parent)
    store.lock_path_elsewhere(session)
    locker = Locker.create(path, passphrase)
    try:
        case = locker.new_case(title.strip() or "My case")
    except BaseException:
        locker.close()
        raise
    session.locker, session.case_id, session.locked_by_idle = locker, case.id, False
    save_plan(session)  # a plan made before the case existed goes into it
    save_checkup(session)


def unlock(session: WebSession, store: SessionStore, settings: Settings, passphrase: str) -> None:
    """Open the locker with the passphrase (WrongPassphraseError when it does not fit)."""
    path = settings.locker_file()
    if not path.exists():
        raise LockerError("There is no case on this computer yet.", hint="Create one first.")
    # One browser at a time: opening here closes the case in any other window.
    store.lock_path_elsewhere(session)
    locker = Locker.open(path, passphrase)
    cases = locker.cases()
    case_id = cases[0].id if cases else locker.new_case("My case").id
    # The custody log records each time the case was opened for viewing here.
    locker.case(case_id).record_view("case opened in the web app")
    session.locker, session.case_id, session.locked_by_idle = locker, case_id, False
    if session.plan is not None and load_plan(session) is None:
        save_plan(session)  # keep a plan made while the case was locked
    # Check-up ticks made while the case was locked join the ones saved in it.
    saved = load_checkup(session) or frozenset()
    if session.checkup and not session.checkup <= saved:
        session.checkup = session.checkup | saved
        save_checkup(session)
    else:
        session.checkup = None  # read from the case when next shown


def case(session: WebSession) -> Case:
    """The open case (LockerError when the case is locked)."""
    if session.locker is None or session.case_id is None:
        raise LockerError("Your case is locked.", hint="Open My case and enter your passphrase.")
    return session.locker.case(session.case_id)


def overview(session: WebSession) -> CaseOverview:
    """Items, timeline, identifiers and notes of the open case, decrypted once.

    The locker file is held open (and locked) by this app while the case is
    unlocked, so nothing else can change it; every change made through the
    web app calls `changed`, which drops the cached copy.
    """
    current = case(session)
    if session.case_cache is None or session.case_cache.case_id != current.id:
        session.case_cache = CaseOverview(
            case_id=current.id, title=current.title, items=current.items(),
            timeline=current.timeline(), identifiers=current.identifiers(),
            notes=current.notes(),
            signer_fingerprint=signer_of(current.locker.signing_key()).fingerprint,
        )
    return session.case_cache


def changed(session: WebSession) -> None:
    """Forget the cached overview after adding anything to the case."""
    session.case_cache = None


def save_checkup(session: WebSession) -> None:
    """Keep the check-up ticks in the case, when one is open."""
    if session.unlocked and session.checkup is not None:
        case(session).set_checkup(sorted(session.checkup))


def load_checkup(session: WebSession) -> frozenset[str] | None:
    """The check-up ticks saved in the open case, if any."""
    if not session.unlocked:
        return None
    return frozenset(case(session).checkup())


def save_plan(session: WebSession) -> None:
    """Keep the plan and its ticks in the case, when one is open."""
    if session.unlocked and session.plan is not None:
        case(session).set_plan(session.plan.to_dict())


def load_plan(session: WebSession) -> Plan | None:
    """The plan saved in the open case, if any."""
    if not session.unlocked:
        return None
    saved = case(session).plan()
    if not saved.get("steps"):
        return None
    try:
        return Plan.from_dict(saved)
    except InputError:
        return None  # a plan this version cannot read: the person makes a new one


def add_uploads(session: WebSession, uploads: Sequence[Upload], kind: IntakeKind,
                tz: str | None = None) -> list[IntakeResult]:
    """Add uploaded files to the case as originals (hashed at intake, never changed).

    `tz` is the zone the person named for an export's wall-clock times; None
    leaves them marked as assumed.
    """
    # Holding `busy` makes an unlock in another browser wait for this add to finish.
    with session.busy:
        current = case(session)
        changed(session)
        return [
            current.add_file(None, data=u.data, name=safe_name(u.name), kind=kind,
                             source="uploaded in the web app", tz=tz)
            for u in uploads
        ]


def cases(session: WebSession) -> list[CaseSummary]:
    """Every case in the open locker (id, title, created), oldest first."""
    case(session)  # LockerError when locked
    assert session.locker is not None
    return [c for c in session.locker.cases() if c.readable]


def _known(session: WebSession, case_id: str) -> str:
    if case_id not in {c.id for c in cases(session)}:
        raise UsageError("That case is not in your locker.", field="case_id",
                         hint="Go back to My case and choose one from the list.")
    return case_id


def start_case(session: WebSession, title: str) -> None:
    """Start another case in the same locker (a caseworker keeps one per client)."""
    case(session)
    assert session.locker is not None
    new = session.locker.new_case(title.strip() or "Another case")
    _open(session, new.id)


def switch(session: WebSession, case_id: str) -> None:
    """Make another case of the locker the open one."""
    _open(session, _known(session, case_id))
    case(session).record_view("case opened in the web app")


def _open(session: WebSession, case_id: str) -> None:
    session.case_id = case_id
    changed(session)
    # Each case has its own plan; show the one of the case now open.
    session.plan = load_plan(session)


def delete_case(session: WebSession, case_id: str) -> None:
    """Erase one case for good; another case (or a new empty one) is opened."""
    _known(session, case_id)
    assert session.locker is not None
    session.locker.delete_case(case_id)
    rest = [c for c in session.locker.cases() if c.readable]
    _open(session, rest[0].id if rest else session.locker.new_case("My case").id)


def delete_everything(session: WebSession, settings: Settings) -> None:
    """Close and erase the whole locker file, and forget everything held for this browser."""
    case(session)
    session.lock()
    session.plan = None
    session.reports.clear()
    session.originals.clear()
    session.hashes.clear()
    path = settings.locker_file()
    for leftover in (path, Path(f"{path}-journal"), Path(f"{path}.lock")):
        leftover.unlink(missing_ok=True)
