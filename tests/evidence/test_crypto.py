"""Keys and sealing: Argon2id KEK, AES-256-GCM, wrapped case keys."""

from __future__ import annotations

import pytest

from unsnare.errors import IntegrityError, WrongPassphraseError
from unsnare.evidence import crypto

PARAMS = crypto.KdfParams(salt="00" * 16, time_cost=1, memory_cost=8)


def test_kek_is_deterministic_per_passphrase_and_salt() -> None:
    a = crypto.derive_kek("blue kettle river", PARAMS)
    assert a == crypto.derive_kek("blue kettle river", PARAMS)
    assert a != crypto.derive_kek("blue kettle rivet", PARAMS)
    assert len(a) == 32


def test_params_round_trip() -> None:
    assert crypto.KdfParams.from_json(PARAMS.to_json()) == PARAMS


@pytest.mark.parametrize(
    ("change", "aad"),
    [
        (lambda b: b[:-1] + bytes([b[-1] ^ 1]), b"case/blob/1"),  # flipped tag bit
        (lambda b: b[:20] + bytes([b[20] ^ 1]) + b[21:], b"case/blob/1"),  # flipped body bit
        (lambda b: b, b"case/blob/2"),  # moved to another place
        (lambda b: b[:10], b"case/blob/1"),  # truncated
    ],
)
def test_unseal_refuses_changed_or_moved_ciphertext(change: object, aad: bytes) -> None:
    key = crypto.new_data_key()
    sealed = crypto.seal(key, b"a message from Jordan", b"case/blob/1")
    assert crypto.unseal(key, sealed, b"case/blob/1", what="x") == b"a message from Jordan"
    with pytest.raises(IntegrityError):
        crypto.unseal(key, change(sealed), aad, what="x")  # type: ignore[operator]


def test_check_value_detects_wrong_kek() -> None:
    kek = crypto.derive_kek("right passphrase", PARAMS)
    check = crypto.make_check(kek)
    crypto.verify_check(kek, check)
    with pytest.raises(WrongPassphraseError):
        crypto.verify_check(crypto.derive_kek("wrong passphrase", PARAMS), check)


def test_wrapped_key_is_bound_to_its_case() -> None:
    kek, key = crypto.new_data_key(), crypto.new_data_key()
    wrapped = crypto.wrap_key(kek, key, "case1")
    assert crypto.unwrap_key(kek, wrapped, "case1") == key
    with pytest.raises(IntegrityError):
        crypto.unwrap_key(kek, wrapped, "case2")
