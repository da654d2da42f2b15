"""The locker: a passphrase-protected collection of cases in one store.

    with Locker.create(path, passphrase) as locker:
        case = locker.new_case("Instagram, March")
        case.add_file(Path("message_1.json"), source="Sam's Instagram download")

A wrong passphrase raises WrongPassphraseError and changes nothing. Until a
locker is open, nothing in it (not even case titles) can be read.
"""

from __future__ import annotations

import getpass
import json
import os
import secrets
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TypedDict, Unpack

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from unsnare.errors import IntegrityError, LockerError, UsageError
from unsnare.evidence import crypto, signing
from unsnare.evidence.case import Case
from unsnare.evidence.custody import Action
from unsnare.evidence.store import TABLES, CaseStore, MemoryStore, SqliteStore
from unsnare.evidence.tools import Toolkit, default_toolkit


def default_actor() -> str:
    """Who is acting: UNSNARE_ACTOR, else the operating-system user name."""
    env = os.environ.get("UNSNARE_ACTOR")
    if env:
        return env
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _now() -> datetime:
    return datetime.now().astimezone()


_REGISTRY_AAD = b"unsnare/locker/registry"


@dataclass(frozen=True)
class CaseSummary:
    """What the case list shows."""

    id: str
    title: str
    created_at: str
    readable: bool = True


class LockerOptions(TypedDict, total=False):
    """What may be passed through `create`, `open` and `in_memory` to the locker."""

    tools: Toolkit | None
    actor: str | None
    clock: Callable[[], datetime]


class Locker:
    """An open (unlocked) locker. Use `create`, `open` or `in_memory`."""

    def __init__(
        self,
        store: CaseStore,
        kek: bytes,
        *,
        tools: Toolkit | None = None,
        actor: str | None = None,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.store = store
        self._kek = kek
        self.tools = tools or default_toolkit()
        self.actor = actor or default_actor()
        self.clock = clock
        self._notices: list[str] = []
        # Every Case handed out, so closing the locker can wipe what they hold.
        self._cases: weakref.WeakSet[Case] = weakref.WeakSet()

    # --- opening -------------------------------------------------------
    @classmethod
    def _initialise(
        cls, store: CaseStore, passphrase: str, kdf: crypto.KdfParams | None,
        **kw: Unpack[LockerOptions],
    ) -> Locker:
        _check_passphrase(passphrase)
        params = kdf or crypto.KdfParams.fresh()
        kek = crypto.derive_kek(passphrase, params)
        with store.atomic():
            store.meta_put("kdf", params.to_json())
            store.meta_put("check", crypto.make_check(kek))
        return cls(store, kek, **kw)

    @classmethod
    def _unlock(cls, store: CaseStore, passphrase: str, **kw: Unpack[LockerOptions]) -> Locker:
        raw = store.meta_get("kdf")
        check = store.meta_get("check")
        if raw is None or check is None:
            store.close()
            raise LockerError("The locker's header is missing or damaged; it cannot be unlocked.")
        try:
            kek = crypto.derive_kek(passphrase, crypto.KdfParams.from_json(raw))
            crypto.verify_check(kek, check)
        except (LockerError, IntegrityError):
            store.close()
            raise
        locker = cls(store, kek, **kw)
        if store.interrupted:
            # Only now, with the right passphrase, do we write anything.
            locker._notices.append(
                "The last change to this locker was cut off before it finished (the program "
                "stopped or the computer lost power). That change was not saved: the locker "
                "is exactly as it was before it. Please add that evidence again."
            )
            store.settle()
        return locker

    @classmethod
    def create(
        cls,
        path: Path | str,
        passphrase: str,
        *,
        kdf: crypto.KdfParams | None = None,
        lock_timeout: float = 5.0,
        **kw: Unpack[LockerOptions],
    ) -> Locker:
        """Make a new locker file protected by `passphrase`."""
        _check_passphrase(passphrase)
        store = SqliteStore.create(Path(path), lock_timeout=lock_timeout)
        return cls.create_in_store(store, passphrase, kdf=kdf, **kw)

    @classmethod
    def open(
        cls, path: Path | str, passphrase: str, *, lock_timeout: float = 5.0,
        **kw: Unpack[LockerOptions],
    ) -> Locker:
        """Unlock an existing locker file (WrongPassphraseError if it does not fit)."""
        store = SqliteStore.open(Path(path), lock_timeout=lock_timeout)
        return cls.unlock_store(store, passphrase, **kw)

    @classmethod
    def in_memory(
        cls, passphrase: str, *, kdf: crypto.KdfParams | None = None, **kw: Unpack[LockerOptions]
    ) -> Locker:
        """A locker that lives only in memory (tests, previews)."""
        return cls._initialise(MemoryStore(), passphrase, kdf, **kw)

    @classmethod
    def create_in_store(
        cls, store: CaseStore, passphrase: str, *, kdf: crypto.KdfParams | None = None,
        **kw: Unpack[LockerOptions],
    ) -> Locker:
        """Make a new locker in any empty `CaseStore` (for example a `PostgresStore`)."""
        try:
            return cls._initialise(store, passphrase, kdf, **kw)
        except BaseException:
            store.close()
            raise

    @classmethod
    def unlock_store(cls, store: CaseStore, passphrase: str, **kw: Unpack[LockerOptions]) -> Locker:
        """Unlock a locker held in any `CaseStore`."""
        return cls._unlock(store, passphrase, **kw)

    def notices(self) -> list[str]:
        """Things the person should know about the locker as it was opened."""
        return list(self._notices)

    def close(self) -> None:
        """Forget the keys (and every open case's decrypted data); release the store."""
        self._kek = b""
        for case in list(self._cases):
            case.forget()
        self.store.close()

    def __enter__(self) -> Locker:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- cases ---------------------------------------------------------
    def new_case(self, title: str, *, actor: str | None = None) -> Case:
        """Start a new, empty case."""
        self.require_open()
        title = title.strip()
        if not title:
            raise UsageError("A case needs a title.", hint="For example: 'Instagram, March 2026'.")
        case_id = secrets.token_hex(4)
        data_key = crypto.new_data_key()
        with self.store.atomic():
            self.store.insert(case_id, "case", "key", crypto.wrap_key(self._kek, data_key, case_id))
            self._write_registry([*self.registered_cases(), case_id], self._kek)
            case = Case(self, case_id, data_key, fresh=True)
            self._cases.add(case)
            case.records.init_header(title, actor or self.actor)
            case.log(Action.CREATE, subject=case_id, details={"title": title}, actor=actor)
        return case

    def delete_case(self, case_id: str) -> None:
        """Erase one case and all its evidence, for good (the person asked for it).

        Its wrapped key goes with its rows, so any copy of the old bytes left in
        free space on disk can no longer be decrypted.
        """
        self.require_open()
        if case_id not in self.case_ids():
            raise UsageError(f"There is no case '{case_id}' in this locker.")
        with self.store.atomic():
            for table in TABLES:
                for key in self.store.keys(case_id, table):
                    self.store.delete(case_id, table, key)
            self._write_registry([c for c in self.registered_cases() if c != case_id],
                                 self._kek)
        for case in [c for c in self._cases if c.id == case_id]:
            case.forget()

    def _write_registry(self, ids: list[str], kek: bytes) -> None:
        payload = json.dumps(ids).encode()
        self.store.meta_put("registry", crypto.seal(kek, payload, _REGISTRY_AAD))

    def registered_cases(self) -> list[str]:
        """The case ids the locker itself recorded (sealed), to notice a deleted case."""
        sealed = self.store.meta_get("registry")
        if sealed is None:
            return []
        raw = crypto.unseal(self._kek, sealed, _REGISTRY_AAD, what="the list of cases")
        return [str(c) for c in json.loads(raw)]

    def case_ids(self) -> list[str]:
        """Every case id, oldest first."""
        self.require_open()
        return self.store.case_ids()

    def require_open(self) -> None:
        """LockerError when the locker has been closed (its key forgotten)."""
        if not self._kek:
            raise LockerError("The locker is locked; nothing in it can be shown.",
                              hint="Open it again with its passphrase.")

    def cases(self) -> list[CaseSummary]:
        """Every case with its title (damaged ones are listed as unreadable)."""
        out: list[CaseSummary] = []
        for case_id in self.case_ids():
            try:
                wrapped = self.store.get(case_id, "case", "key")
                if wrapped is None:
                    raise LockerError(f"Case {case_id} has lost its key.")
                # Only the header: listing must not decrypt every record of every case.
                light = Case(self, case_id, crypto.unwrap_key(self._kek, wrapped, case_id),
                             fresh=True)
                header = json.loads(light.get("case", "header") or b"{}")
                out.append(CaseSummary(case_id, header["title"], header["created_at"]))
            except (IntegrityError, LockerError, KeyError, ValueError):
                out.append(CaseSummary(case_id, "(unreadable)", "", readable=False))
        return out

    def case(self, ref: str) -> Case:
        """Open one case by its id (or an unambiguous start of it)."""
        ids = self.case_ids()
        matches = [c for c in ids if c == ref] or [c for c in ids if c.startswith(ref)]
        if not matches:
            raise UsageError(
                f"There is no case '{ref}' in this locker.",
                hint="Run `unsnare case list` to see the cases.",
            )
        if len(matches) > 1:
            raise UsageError(f"'{ref}' matches more than one case; give more of its id.")
        case_id = matches[0]
        wrapped = self.store.get(case_id, "case", "key")
        if wrapped is None:
            raise LockerError(f"Case {case_id} has lost its key.")
        case = Case(self, case_id, crypto.unwrap_key(self._kek, wrapped, case_id))
        self._cases.add(case)
        return case

    def change_passphrase(self, old: str, new: str, *, kdf: crypto.KdfParams | None = None) -> None:
        """Rewrap every case key under a new passphrase; the evidence is not re-encrypted."""
        raw = self.store.meta_get("kdf")
        check = self.store.meta_get("check")
        assert raw is not None and check is not None  # present in any unlocked locker
        crypto.verify_check(crypto.derive_kek(old, crypto.KdfParams.from_json(raw)), check)
        _check_passphrase(new)
        params = kdf or crypto.KdfParams.fresh()
        new_kek = crypto.derive_kek(new, params)
        with self.store.atomic():
            for case_id in self.case_ids():
                wrapped = self.store.get(case_id, "case", "key")
                if wrapped is None:
                    continue
                key = crypto.unwrap_key(self._kek, wrapped, case_id)
                self.store.replace(case_id, "case", "key", crypto.wrap_key(new_kek, key, case_id))
            self._write_registry(self.registered_cases(), new_kek)
            signing.reseal(self.store, self._kek, new_kek)
            self.store.meta_put("kdf", params.to_json())
            self.store.meta_put("check", crypto.make_check(new_kek))
        self._kek = new_kek

    def signing_key(self) -> Ed25519PrivateKey:
        """The key that signs this locker's packages (made and sealed here on first use)."""
        self.require_open()
        return signing.locker_key(self.store, self._kek)

    def describe(self) -> dict[str, object]:
        """Locker facts for display (no secrets)."""
        raw = self.store.meta_get("kdf")
        kdf = json.loads(raw) if raw else {}
        kdf.pop("salt", None)
        return {"cases": len(self.case_ids()), "kdf": {"algorithm": "argon2id", **kdf}}


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < 8:
        raise UsageError(
            "The passphrase is too short: use at least 8 characters.",
            hint="A few unrelated words make a strong passphrase that is easy to remember.",
        )
