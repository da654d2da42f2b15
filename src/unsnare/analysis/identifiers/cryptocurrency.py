"""Cryptocurrency address checks: Bitcoin (base58check, bech32/bech32m),
Ethereum (EIP-55 mixed-case checksum) and Tron (base58check, 0x41 prefix).

A valid checksum means the address was copied correctly, which matters for
a report to a platform or the police; it says nothing about who owns it.
"""

from __future__ import annotations

import hashlib

from unsnare.analysis.identifiers.keccak import keccak256

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(_B58)}
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_INDEX = {c: i for i, c in enumerate(_BECH32)}
_BECH32_CONST = 1
_BECH32M_CONST = 0x2BC830A3


def base58_decode(text: str) -> bytes | None:
    """Decode base58 text to bytes, or None if it holds a character outside the alphabet."""
    n = 0
    for ch in text:
        v = _B58_INDEX.get(ch)
        if v is None:
            return None
        n = n * 58 + v
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    zeros = len(text) - len(text.lstrip("1"))
    return b"\x00" * zeros + body


def base58check_payload(text: str) -> bytes | None:
    """The payload of a base58check string whose 4-byte checksum matches, else None."""
    raw = base58_decode(text)
    if raw is None or len(raw) < 5:
        return None
    payload, check = raw[:-4], raw[-4:]
    digest = hashlib.sha256(hashlib.sha256(payload).digest()).digest()
    return payload if digest[:4] == check else None


def _polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = ((chk & 0x1FFFFFF) << 5) ^ v
        for i in range(5):
            if (top >> i) & 1:
                chk ^= gen[i]
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convertbits(data: list[int], frm: int, to: int) -> list[int] | None:
    acc = bits = 0
    out: list[int] = []
    maxv = (1 << to) - 1
    for v in data:
        acc = (acc << frm) | v
        bits += frm
        while bits >= to:
            bits -= to
            out.append((acc >> bits) & maxv)
    if bits >= frm or ((acc << (to - bits)) & maxv):
        return None
    return out


def bech32_segwit_valid(address: str) -> bool:
    """True for a valid SegWit address (bech32 for v0, bech32m for v1+), bc/tb prefix."""
    if address.lower() != address and address.upper() != address:
        return False
    addr = address.lower()
    pos = addr.rfind("1")
    if pos < 1 or pos + 7 > len(addr) or len(addr) > 90:
        return False
    hrp = addr[:pos]
    if hrp not in ("bc", "tb"):
        return False
    try:
        data = [_BECH32_INDEX[c] for c in addr[pos + 1 :]]
    except KeyError:
        return False
    const = _polymod(_hrp_expand(hrp) + data)
    if const not in (_BECH32_CONST, _BECH32M_CONST):
        return False
    version = data[0]
    program = _convertbits(data[1:-6], 5, 8)
    if program is None or version > 16 or not 2 <= len(program) <= 40:
        return False
    if version == 0:
        return const == _BECH32_CONST and len(program) in (20, 32)
    return const == _BECH32M_CONST


def bitcoin_base58_valid(address: str) -> bool:
    """True for a valid legacy (1...) or P2SH (3...) Bitcoin address."""
    payload = base58check_payload(address)
    return payload is not None and len(payload) == 21 and payload[0] in (0x00, 0x05)


def tron_valid(address: str) -> bool:
    """True for a valid Tron address (base58check, 21 bytes starting 0x41)."""
    payload = base58check_payload(address)
    return payload is not None and len(payload) == 21 and payload[0] == 0x41


def eip55_checksum(address: str) -> str:
    """The EIP-55 mixed-case form of a 0x-prefixed 40-hex-digit address."""
    hex_part = address[2:].lower()
    digest = keccak256(hex_part.encode("ascii")).hex()
    return "0x" + "".join(
        c.upper() if c.isalpha() and int(digest[i], 16) >= 8 else c for i, c in enumerate(hex_part)
    )


def ethereum_valid(address: str) -> bool | None:
    """True/False for a mixed-case address (checksum checked); None when all one case."""
    hex_part = address[2:]
    if len(hex_part) != 40 or any(c not in "0123456789abcdefABCDEF" for c in hex_part):
        return False
    if hex_part.lower() == hex_part or hex_part.upper() == hex_part:
        return None  # no checksum was written, so there is nothing to check
    return eip55_checksum(address) == "0x" + hex_part
