"""RFC 3161 TimeStampReq built by our DER encoder, checked against asn1crypto."""

from __future__ import annotations

import hashlib

import pytest

from unsnare.errors import IntegrityError
from unsnare.evidence.timestamp import (
    SHA256_OID,
    der_integer,
    der_oid,
    parse_timestamp_request,
    timestamp_request,
)


@pytest.mark.parametrize(
    ("value", "der"),
    [(0, "020100"), (1, "020101"), (127, "02017f"), (128, "02020080"), (256, "02020100")],
)
def test_der_integer(value: int, der: str) -> None:
    assert der_integer(value).hex() == der


def test_der_oid_sha256() -> None:
    assert der_oid(SHA256_OID).hex() == "0609608648016503040201"


def test_request_round_trips() -> None:
    digest = hashlib.sha256(b"manifest").digest()
    parsed = parse_timestamp_request(timestamp_request(digest, nonce=12345))
    assert (parsed.hash_oid, parsed.digest, parsed.nonce) == (SHA256_OID, digest, 12345)


def test_request_is_valid_for_asn1crypto() -> None:
    tsp = pytest.importorskip("asn1crypto.tsp")
    digest = hashlib.sha256(b"manifest").digest()
    req = tsp.TimeStampReq.load(timestamp_request(digest, nonce=2**62 + 7))
    assert req["version"].native == "v1"
    assert req["message_imprint"]["hash_algorithm"]["algorithm"].native == "sha256"
    assert req["message_imprint"]["hashed_message"].native == digest
    assert req["nonce"].native == 2**62 + 7
    assert req["cert_req"].native is True


def test_garbage_is_refused() -> None:
    with pytest.raises(IntegrityError):
        parse_timestamp_request(b"\x30\x05\x02\x01")
