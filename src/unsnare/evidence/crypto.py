"""Keys and sealing for the evidence locker.

A passphrase is stretched with Argon2id into a key-encryption key (KEK). Each
case has its own random 256-bit data key, stored only wrapped (AES-256-GCM)
by the KEK, so changing the passphrase rewraps a few small keys and never
re-encrypts the evidence. Every blob and every piece of metadata is sealed
with AES-256-GCM under the case key; the associated data binds a ciphertext
to where it is stored, so a blob moved to another place fails to open.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from unsnare.errors import IntegrityError, WrongPassphraseError

KEY_BYTES = 32
NONCE_BYTES = 12
# A fixed plaintext sealed with the KEK: opening it proves the passphrase is right
# without touching (or revealing anything about) any case.
_CHECK_PLAINTEXT = b"unsnare-locker-check-v1"
_CHECK_AAD = b"unsnare/locker/check"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id settings and salt; stored in the clear (they are not secret)."""

    salt: str  # hex
    time_cost: int = 3
    memory_cost: int = 64 * 1024  # KiB: 64 MiB, the RFC 9106 second recommendation
    parallelism: int = 1

    @classmethod
    def fresh(cls, *, time_cost: int = 3, memory_cost: int = 64 * 1024) -> KdfParams:
        """New parameters with a random 16-byte salt."""
        return cls(salt=os.urandom(16).hex(), time_cost=time_cost, memory_cost=memory_cost)

    @classmethod
    def fast_for_tests(cls) -> KdfParams:
        """Weak but quick parameters: only for tests, never for a real locker."""
        return cls.fresh(time_cost=1, memory_cost=8)

    def to_json(self) -> bytes:
        """Serialise for the locker header."""
        return json.dumps(asdict(self), sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> KdfParams:
        """Read from the locker header, refusing settings no Unsnare locker has.

        The header is not secret, so anyone with the file can change it: a
        `time_cost` of 100000 would make unlocking hang, so it is bounded here.
        """
        try:
            raw = json.loads(data)
            params = cls(
                salt=str(raw["salt"]),
                time_cost=int(raw["time_cost"]),
                memory_cost=int(raw["memory_cost"]),
                parallelism=int(raw["parallelism"]),
            )
            bytes.fromhex(params.salt)
        except (ValueError, TypeError, KeyError, RecursionError) as exc:
            raise _damaged_settings(f"they cannot be read: {type(exc).__name__}") from None
        for field, value, (low, high) in (
            ("time_cost", params.time_cost, _TIME_COST),
            ("memory_cost", params.memory_cost, _MEMORY_COST),
            ("parallelism", params.parallelism, _PARALLELISM),
            ("salt length", len(params.salt) // 2, _SALT_BYTES),
        ):
            if not low <= value <= high:
                raise _damaged_settings(f"{field} is {value}, outside {low} to {high}")
        return params


# Bounds on stored Argon2id settings: wide around what Unsnare writes (3 passes,
# 64 MiB, 1 lane, 16-byte salt; tests use 1 pass and 8 KiB), narrow enough
# that a changed header cannot make unlocking hang or exhaust memory.
_TIME_COST = (1, 20)
_MEMORY_COST = (8, 2 * 1024 * 1024)  # KiB: up to 2 GiB
_PARALLELISM = (1, 16)
_SALT_BYTES = (8, 64)


def _damaged_settings(why: str) -> IntegrityError:
    return IntegrityError(
        f"The locker's key settings are damaged or were changed ({why}); "
        "it was not opened, and nothing was changed.",
        field="kdf",
        hint="Restore the locker folder from a backup copy. The settings are not secret, "
        "but they must be exactly as Unsnare wrote them.",
    )


def derive_kek(passphrase: str, params: KdfParams) -> bytes:
    """Stretch a passphrase into a 256-bit key-encryption key with Argon2id."""
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=bytes.fromhex(params.salt),
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def new_data_key() -> bytes:
    """A fresh random 256-bit case data key."""
    return AESGCM.generate_key(bit_length=256)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Encrypt and authenticate: nonce || ciphertext+tag."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, sealed: bytes, aad: bytes, *, what: str) -> bytes:
    """Decrypt and check; a changed or moved ciphertext raises IntegrityError."""
    if len(sealed) < NONCE_BYTES + 16:
        raise IntegrityError(f"{what} is truncated and cannot be read.")
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except InvalidTag:
        raise IntegrityError(
            f"{what} has been changed or damaged since it was stored: it fails its "
            "authentication check.",
            hint="Run `unsnare case verify` to see everything that is affected.",
        ) from None


def make_check(kek: bytes) -> bytes:
    """The sealed check value stored in the header."""
    return seal(kek, _CHECK_PLAINTEXT, _CHECK_AAD)


def verify_check(kek: bytes, check: bytes) -> None:
    """Raise WrongPassphraseError unless this KEK opens the check value."""
    try:
        ok = AESGCM(kek).decrypt(check[:NONCE_BYTES], check[NONCE_BYTES:], _CHECK_AAD)
    except (InvalidTag, ValueError):
        ok = b""
    if ok != _CHECK_PLAINTEXT:
        raise WrongPassphraseError(
            "That passphrase does not unlock this locker. Nothing was opened or changed.",
            hint="Check the passphrase (it is case-sensitive) and try again.",
        )


def wrap_key(kek: bytes, data_key: bytes, case_id: str) -> bytes:
    """Wrap a case data key with the KEK, bound to its case id."""
    return seal(kek, data_key, f"unsnare/case-key/{case_id}".encode())


def unwrap_key(kek: bytes, wrapped: bytes, case_id: str) -> bytes:
    """Unwrap a case data key; a damaged wrapping raises IntegrityError."""
    aad = f"unsnare/case-key/{case_id}".encode()
    return unseal(kek, wrapped, aad, what=f"case {case_id}'s key")
