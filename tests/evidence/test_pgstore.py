"""The locker on PostgreSQL: the same behaviour as the SQLite file, and only
ciphertext on the server."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from support.fakes import PASSPHRASE, fake_tools
from unsnare.errors import LockerError, WrongPassphraseError
from unsnare.evidence import Locker
from unsnare.evidence.crypto import KdfParams

pytestmark = pytest.mark.postgres


def test_a_case_on_postgres_round_trips(postgres_url: str, chat_file: Path) -> None:
    from unsnare.evidence.pgstore import PostgresStore

    name = secrets.token_hex(6)
    locker = Locker.create_in_store(PostgresStore.create(postgres_url, name), PASSPHRASE,
                                    kdf=KdfParams.fast_for_tests(), tools=fake_tools())
    case = locker.new_case("Sam / Jordan Vale")
    case.add_export(chat_file)
    with pytest.raises(LockerError, match="another Unsnare program"):
        PostgresStore.open(postgres_url, name)
    locker.close()
    with pytest.raises(WrongPassphraseError):
        Locker.unlock_store(PostgresStore.open(postgres_url, name), "not the passphrase")
    again = Locker.unlock_store(PostgresStore.open(postgres_url, name), PASSPHRASE)
    try:
        reopened = again.case(case.id)
        assert reopened.title == "Sam / Jordan Vale"
        assert reopened.verify().ok
        raw = again.store._con.run(  # type: ignore[attr-defined]
            "SELECT string_agg(encode(value, 'escape'), '') FROM unsnare_locker_entries")
        assert "Jordan Vale" not in str(raw[0][0])
    finally:
        again.close()
