"""Unlocking, passphrases, and what a locked or stolen locker file reveals (nothing)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from support.fakes import PASSPHRASE, png
from unsnare.errors import UsageError, WrongPassphraseError
from unsnare.evidence import Locker
from unsnare.evidence.crypto import KdfParams


def test_new_case_is_listed_and_found_by_prefix(locker: Locker) -> None:
    case = locker.new_case("Instagram, March")
    assert [c.title for c in locker.cases()] == ["Instagram, March"]
    assert locker.case(case.id[:4]).title == "Instagram, March"
    with pytest.raises(UsageError, match="no case"):
        locker.case("zzzz-none")
    with pytest.raises(UsageError, match="title"):
        locker.new_case("   ")


def test_wrong_passphrase_touches_nothing(tmp_path: Path) -> None:
    path = tmp_path / "l.unsnare"
    with Locker.create(path, PASSPHRASE, kdf=KdfParams.fast_for_tests()) as locker:
        locker.new_case("case")
    before = path.read_bytes()
    with pytest.raises(WrongPassphraseError, match="does not unlock"):
        Locker.open(path, "not the passphrase")
    assert path.read_bytes() == before
    with Locker.open(path, PASSPHRASE) as again:  # the lock was released
        assert len(again.cases()) == 1


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="too short"):
        Locker.create(tmp_path / "l.unsnare", "abc", kdf=KdfParams.fast_for_tests())
    assert not (tmp_path / "l.unsnare").exists()


def test_storage_file_holds_no_readable_evidence(
    make_locker: Callable[..., Locker], chat_file: Path, tmp_path: Path
) -> None:
    locker = make_locker("sqlite")
    case = locker.new_case("Sam's case about Jordan Vale")
    case.add_export(chat_file, source="Sam's phone")
    picture = png((1, 2, 3)) + b"UNIQUE-IMAGE-BYTES-0042"
    case.add_file(data=picture, name="offender_profile.png", source="screenshot by Sam")
    case.add_note("Jordan Vale asked for money twice")
    path = Path(str(locker.store.path))  # type: ignore[attr-defined]
    locker.close()
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("locker0.unsnare*"))
    for secret in (b"send this to your friends", b"Jordan Vale", b"Sam Okafor",
                   b"UNIQUE-IMAGE-BYTES-0042", picture[:64], b"quickcash4u",
                   b"offender_profile", "Jordan Vale".encode("utf-16-le")):
        assert secret not in stored, secret
    assert path.exists()


def test_changing_the_passphrase_only_rewraps_keys(
    make_locker: Callable[..., Locker], chat_file: Path
) -> None:
    locker = make_locker("sqlite")
    case = locker.new_case("case")
    case.add_export(chat_file)
    store = locker.store
    blobs = {k: store.get(case.id, "blob", k) for k in store.keys(case.id, "blob")}
    wrapped = store.get(case.id, "case", "key")
    locker.change_passphrase(PASSPHRASE, "a new long passphrase", kdf=KdfParams.fast_for_tests())
    assert {k: store.get(case.id, "blob", k) for k in store.keys(case.id, "blob")} == blobs
    assert store.get(case.id, "case", "key") != wrapped
    path = store.path  # type: ignore[attr-defined]
    locker.close()
    with pytest.raises(WrongPassphraseError):
        Locker.open(path, PASSPHRASE)
    with Locker.open(path, "a new long passphrase") as again:
        assert again.case(case.id).verify(record=False).ok


def test_change_passphrase_needs_the_old_one(locker: Locker) -> None:
    with pytest.raises(WrongPassphraseError):
        locker.change_passphrase("guess guess guess", "another passphrase")


def test_describe_shows_no_secrets(locker: Locker) -> None:
    facts = locker.describe()
    assert facts["cases"] == 0
    assert "salt" not in str(facts)


def test_two_views_of_one_case_and_threads_keep_one_chain(
    make_locker: Callable[..., Locker],
) -> None:
    import threading

    locker = make_locker("sqlite")
    first = locker.new_case("case")
    second = locker.case(first.id)
    first.add_note("from the first view")
    second.add_note("from the second view")
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(5):
                locker.case(first.id).add_note(f"thread {n} note {i}")
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    again = locker.case(first.id)
    assert len(again.notes()) == 22
    assert again.verify(record=False).ok


def test_a_closed_locker_shows_nothing(make_locker: Callable[..., Locker], chat_file: Path) -> None:
    from unsnare.errors import LockerError

    locker = make_locker("sqlite")
    case = locker.new_case("case")
    case.add_export(chat_file)
    locker.close()
    for attempt in (locker.cases, lambda: locker.case(case.id),
                    lambda: case.get("case", "header")):
        with pytest.raises(LockerError, match="locked"):
            attempt()
    assert case.items() == [] and case.notes() == [] and case.title == ""
