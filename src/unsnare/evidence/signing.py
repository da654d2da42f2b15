"""Who sealed a package: one Ed25519 key per locker, and its fingerprint.

Hashes alone prove nothing against someone who can recompute them, so the
manifest of every package is signed with the locker's private key. That key
is made on first use and kept sealed inside the encrypted locker, like the
case keys. The public key travels in the package; its fingerprint is printed
on the first page of the report and shown when the package is made, so the
person receiving it can compare it with the sender by another channel.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from unsnare.errors import UsageError
from unsnare.evidence import crypto

if TYPE_CHECKING:
    from unsnare.evidence.store import CaseStore

ALGORITHM = "Ed25519"
SIGNATURE_FILE = "manifest.sig"
META_KEY = "signing_key"
AAD = b"unsnare-locker-signing-key/1"


@dataclass(frozen=True)
class Signer:
    """A locker's public key as a package names it."""

    public_key: bytes

    @property
    def fingerprint(self) -> str:
        """The key's fingerprint to read out or compare, e.g. '3f2a 9c1b ... (8 groups)'."""
        return fingerprint(self.public_key)

    def to_dict(self) -> dict[str, str]:
        """The manifest's `signer` field."""
        return {"algorithm": ALGORITHM, "fingerprint": self.fingerprint,
                "public_key": base64.b64encode(self.public_key).decode()}


def fingerprint(public_key: bytes) -> str:
    """The first 128 bits of SHA-256 of the raw public key, in 8 groups of 4 hex digits."""
    digest = hashlib.sha256(public_key).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, spaces or colons) in the form `fingerprint` gives."""
    digits = re.sub(r"[\s:\-]", "", text).lower()
    if not re.fullmatch(r"[0-9a-f]{32}", digits):
        raise UsageError(f"'{text}' is not a key fingerprint.", field="--expect-key",
                         hint="Give the 32 hex digits printed on the report's first page, "
                              "such as '3f2a 9c1b 0d4e 77a1 5b20 c3d9 e8f0 1a2b'.")
    return " ".join(digits[i : i + 4] for i in range(0, 32, 4))


def _raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def locker_key(store: CaseStore, kek: bytes) -> Ed25519PrivateKey:
    """The locker's signing key, made (and sealed in the locker) the first time it is needed."""
    sealed = store.meta_get(META_KEY)
    if sealed is not None:
        seed = crypto.unseal(kek, sealed, AAD, what="the locker's signing key")
        return Ed25519PrivateKey.from_private_bytes(seed)
    key = Ed25519PrivateKey.generate()
    with store.atomic():
        store.meta_put(META_KEY, crypto.seal(kek, key.private_bytes_raw(), AAD))
    return key


def reseal(store: CaseStore, old_kek: bytes, new_kek: bytes) -> None:
    """Seal the signing key (if the locker has one) under a new passphrase's key."""
    sealed = store.meta_get(META_KEY)
    if sealed is not None:
        seed = crypto.unseal(old_kek, sealed, AAD, what="the locker's signing key")
        store.meta_put(META_KEY, crypto.seal(new_kek, seed, AAD))


def signer_of(key: Ed25519PrivateKey) -> Signer:
    """The public half of a signing key."""
    return Signer(_raw(key.public_key()))


def sign(key: Ed25519PrivateKey, manifest_bytes: bytes) -> bytes:
    """`manifest.sig`: the signature over the exact bytes of manifest.json, as JSON."""
    body = {**signer_of(key).to_dict(), "signs": "manifest.json",
            "signature": base64.b64encode(key.sign(manifest_bytes)).decode()}
    return json.dumps(body, indent=2).encode()


def check(signature_file: bytes, manifest_bytes: bytes, manifest: dict[str, Any]) -> tuple[
        Signer | None, list[str]]:
    """The signer and the problems: a bad signature, or a signer the manifest does not name."""
    try:
        body = json.loads(signature_file)
        public = base64.b64decode(body["public_key"], validate=True)
        signature = base64.b64decode(body["signature"], validate=True)
        if body.get("algorithm") != ALGORITHM or len(public) != 32:
            raise ValueError("not an Ed25519 key")
        key = Ed25519PublicKey.from_public_bytes(public)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return None, [f"{SIGNATURE_FILE} cannot be read ({type(exc).__name__}: {exc})"]
    signer = Signer(public)
    try:
        key.verify(signature, manifest_bytes)
    except InvalidSignature:
        return signer, [f"the signature in {SIGNATURE_FILE} does not fit manifest.json: the "
                        "manifest was changed after it was signed (or the signature was)"]
    named = manifest.get("signer")
    if not isinstance(named, dict) or named.get("public_key") != body["public_key"]:
        return signer, ["manifest.json names a different signing key from the one that signed it"]
    return signer, []
