"""RFC 3161 time-stamp requests, built with a tiny DER encoder.

A package carries `TimeStampReq` for the SHA-256 of its manifest, so anyone
can later send it to a time-stamping authority (for example with
`curl --data-binary @manifest.tsq -H 'Content-Type: application/timestamp-query'`)
and get proof that the manifest existed then. Nothing is sent by Unsnare.

    TimeStampReq ::= SEQUENCE { version INTEGER (v1), messageImprint MessageImprint,
        reqPolicy OID OPTIONAL, nonce INTEGER OPTIONAL, certReq BOOLEAN DEFAULT FALSE, ... }
    MessageImprint ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, hashedMessage OCTET STRING }
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from unsnare.errors import IntegrityError

SHA256_OID = "2.16.840.1.101.3.4.2.1"


def _length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def _tlv(tag: int, body: bytes) -> bytes:
    return bytes([tag]) + _length(len(body)) + body


def der_integer(value: int) -> bytes:
    """DER INTEGER (two's complement, minimal length)."""
    size = max(1, (value.bit_length() + 8) // 8)
    return _tlv(0x02, value.to_bytes(size, "big", signed=True))


def der_oid(dotted: str) -> bytes:
    """DER OBJECT IDENTIFIER."""
    parts = [int(p) for p in dotted.split(".")]
    body = bytearray([40 * parts[0] + parts[1]])
    for part in parts[2:]:
        chunk = [part & 0x7F]
        part >>= 7
        while part:
            chunk.append(0x80 | (part & 0x7F))
            part >>= 7
        body.extend(reversed(chunk))
    return _tlv(0x06, bytes(body))


def der_sequence(*items: bytes) -> bytes:
    """DER SEQUENCE of already-encoded items."""
    return _tlv(0x30, b"".join(items))


def timestamp_request(sha256_digest: bytes, *, nonce: int | None = None) -> bytes:
    """A DER TimeStampReq for a SHA-256 digest, asking for the TSA certificate."""
    if len(sha256_digest) != 32:
        raise ValueError("a SHA-256 digest is 32 bytes")
    nonce = secrets.randbits(63) if nonce is None else nonce
    algorithm = der_sequence(der_oid(SHA256_OID), b"\x05\x00")
    imprint = der_sequence(algorithm, _tlv(0x04, sha256_digest))
    return der_sequence(der_integer(1), imprint, der_integer(nonce), b"\x01\x01\xff")


@dataclass(frozen=True)
class ParsedRequest:
    """The parts of a TimeStampReq that a package check needs."""

    hash_oid: str
    digest: bytes
    nonce: int | None


def _read(data: bytes, pos: int) -> tuple[int, bytes, int]:
    tag = data[pos]
    length = data[pos + 1]
    pos += 2
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(data[pos : pos + count], "big")
        pos += count
    body = data[pos : pos + length]
    if len(body) != length:
        raise IndexError("truncated")
    return tag, body, pos + length


def _decode_oid(body: bytes) -> str:
    parts = [body[0] // 40, body[0] % 40]
    value = 0
    for byte in body[1:]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(value)
            value = 0
    return ".".join(str(p) for p in parts)


def parse_timestamp_request(der: bytes) -> ParsedRequest:
    """Read back a TimeStampReq (IntegrityError if it is not one)."""
    try:
        tag, body, end = _read(der, 0)
        if tag != 0x30 or end != len(der):
            raise ValueError("not one SEQUENCE")
        tag, version, pos = _read(body, 0)
        if tag != 0x02 or version != b"\x01":
            raise ValueError("version is not 1")
        tag, imprint, pos = _read(body, pos)
        _, algorithm, ipos = _read(imprint, 0)
        _, oid, _ = _read(algorithm, 0)
        tag, digest, _ = _read(imprint, ipos)
        if tag != 0x04:
            raise ValueError("no hashed message")
        nonce = None
        while pos < len(body):
            tag, value, pos = _read(body, pos)
            if tag == 0x02:
                nonce = int.from_bytes(value, "big", signed=True)
        return ParsedRequest(_decode_oid(oid), digest, nonce)
    except (IndexError, ValueError) as exc:
        raise IntegrityError(f"The time-stamp request is not valid DER ({exc}).") from None
