"""Identifiers: phones (E.164), emails, handles, payment handles, gift cards,
crypto addresses with real checksums, amounts and links."""

from __future__ import annotations

import hashlib

import pytest

from unsnare.analysis import analyze_text
from unsnare.analysis.identifiers.cryptocurrency import (
    bech32_segwit_valid,
    bitcoin_base58_valid,
    eip55_checksum,
    ethereum_valid,
    tron_valid,
)
from unsnare.analysis.identifiers.keccak import keccak256


@pytest.mark.parametrize(
    ("data", "digest"),
    [
        (b"", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        (b"abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
    ],
)
def test_keccak256_known_answers(data: bytes, digest: str) -> None:
    assert keccak256(data).hex() == digest
    # Ethereum's Keccak is not SHA3-256 (different padding).
    assert hashlib.sha3_256(data).hexdigest() != digest


def test_keccak256_spans_several_blocks() -> None:
    assert len(keccak256(b"a" * 1000)) == 32
    assert keccak256(b"a" * 136) != keccak256(b"a" * 135)


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", True),
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", False),
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", True),
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz", False),
    ],
)
def test_bitcoin_base58check(address: str, valid: bool) -> None:
    assert bitcoin_base58_valid(address) is valid


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", True),
        ("BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", True),
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdd", False),
        ("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", True),
        ("bc1Qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", False),
    ],
)
def test_bech32_and_bech32m(address: str, valid: bool) -> None:
    assert bech32_segwit_valid(address) is valid


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", True),
        ("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", True),
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", False),
        ("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", None),
    ],
)
def test_ethereum_eip55(address: str, valid: bool | None) -> None:
    assert ethereum_valid(address) is valid


def test_eip55_checksum_form() -> None:
    lower = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
    assert eip55_checksum(lower) == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


@pytest.mark.parametrize(
    ("address", "valid"),
    [("TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7", True), ("TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU8", False)],
)
def test_tron_base58check(address: str, valid: bool) -> None:
    assert tron_valid(address) is valid


def _ids(text: str) -> dict[str, tuple[str, str | None, bool | None]]:
    return {i.normalized: (i.kind, i.platform, i.valid) for i in analyze_text(text).identifiers}


@pytest.mark.parametrize(
    ("text", "normalized", "kind", "platform", "valid"),
    [
        ("text me at +1 (415) 555-2671", "+14155552671", "phone", None, True),
        ("my number is 415-555-2671", "+14155552671", "phone", None, True),
        ("email me jay.k@example.com", "jay.k@example.com", "email", None, None),
        ("add me on snap: jay.k2009", "snapchat:jay.k2009", "handle", "snapchat", None),
        ("my insta is @jaykay_09", "instagram:jaykay_09", "handle", "instagram", None),
        (
            "https://www.instagram.com/jaykay_09/",
            "instagram:jaykay_09",
            "profile_url",
            "instagram",
            None,
        ),
        ("https://t.me/jaykay09", "telegram:jaykay09", "profile_url", "telegram", None),
        ("send it to $jaykash", "cashapp:jaykash", "payment_handle", "cashapp", None),
        ("paypal.me/jaykay09 now", "paypal:jaykay09", "payment_handle", "paypal", None),
        ("venmo @jay-kay-9", "venmo:jay-kay-9", "payment_handle", "venmo", None),
        ("zelle to jay.k@example.com", "zelle:jay.k@example.com", "payment_handle", "zelle", None),
        ("buy a steam gift card", "steam", "gift_card", None, None),
        ("steam card code ABCD-EFGH-1234", "ABCDEFGH1234", "gift_card_code", None, None),
        (
            "btc 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "crypto_address",
            "bitcoin",
            True,
        ),
        (
            "usdt TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU8",
            "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU8",
            "crypto_address",
            "tron",
            False,
        ),
        (
            "eth 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "crypto_address",
            "ethereum",
            True,
        ),
        ("send $300", "300 USD", "amount", None, None),
        ("manda R$ 1.234,50", "1234.5 BRL", "amount", None, None),
        ("see https://example.org/x?y=1", "https://example.org/x?y=1", "link", None, None),
    ],
)
def test_identifiers_are_found_and_normalised(
    text: str, normalized: str, kind: str, platform: str | None, valid: bool | None
) -> None:
    found = _ids(text)
    assert normalized in found, found
    assert found[normalized] == (kind, platform, valid)


def test_identifiers_list_every_message_they_appear_in() -> None:
    text = "\n".join(["pay $jaykash now"] + ["filler line " * 60] * 3 + ["i said $jaykash"])
    ids = [i for i in analyze_text(text).identifiers if i.normalized == "cashapp:jaykash"]
    assert len(ids) == 1 and len(ids[0].message_ids) == 2


@pytest.mark.parametrize(
    "text", ["add me on snap later", "lol ok see you at 7:45", "I have 3 dogs"]
)
def test_ordinary_text_has_no_handles_or_phones(text: str) -> None:
    assert not [i for i in analyze_text(text).identifiers if i.kind in ("handle", "phone")]
