"""HashMatcher: per-bank distances, allowlists, MD5, dihedral images, live updates."""

from __future__ import annotations

import numpy as np
from PIL import Image

from support.pictures import encode, make_picture
from unsnare.hashing.banks import BankKind, HashBank, MemoryBankStore, SignalType, entry
from unsnare.hashing.matcher import HashMatcher
from unsnare.hashing.pdq import hash_image_bytes


def near(hex_hash: str, bits: int) -> str:
    value = int(hex_hash, 16)
    for b in range(bits):
        value ^= 1 << (b * 7)
    return f"{value:064x}"


BASE = "a5" * 32


def make_matcher() -> HashMatcher:
    store = MemoryBankStore()
    store.create_bank(HashBank("reports"))
    store.create_bank(HashBank("strict", max_distance=10))
    store.add_entries("reports", [entry("pdq", BASE, source="case 1", labels=["ncii"])])
    store.add_entries("strict", [entry("pdq", BASE)])
    return HashMatcher(store)


def test_distance_is_per_bank() -> None:
    m = make_matcher()
    assert {x.bank for x in m.match([near(BASE, 5)]).matches} == {"reports", "strict"}
    result = m.match([near(BASE, 20)])
    assert [(x.bank, x.distance, x.source, x.labels) for x in result.matches] == [
        ("reports", 20, "case 1", ("ncii",))
    ]
    assert not m.match([near(BASE, 32)]).matched


def test_allowlist_suppresses_but_shows() -> None:
    m = make_matcher()
    m.store.create_bank(HashBank("known-memes", kind=BankKind.ALLOWLIST))
    m.add("known-memes", [entry("pdq", near(BASE, 3))])
    result = m.match([BASE])
    assert not result.matched
    assert {x.bank for x in result.suppressed} == {"reports", "strict"}
    assert [x.bank for x in result.allowlisted] == ["known-memes"]


def test_live_add_and_remove_through_the_matcher() -> None:
    m = make_matcher()
    other = "3c" * 32
    assert not m.match([other], banks=["reports"]).matched
    m.add("reports", [entry("pdq", other), entry("md5", "ab" * 16)])
    assert m.match([other], banks=["reports"]).matched
    assert m.match(md5="AB" * 16).matched
    assert m.remove("reports", SignalType.PDQ, [other]) == 1
    assert m.remove("reports", SignalType.MD5, ["ab" * 16]) == 1
    assert not m.match([other], md5="ab" * 16, banks=["reports"]).matched


def test_image_matches_itself_and_a_turned_copy() -> None:
    img = make_picture(seed=5, size=(160, 120))
    data = encode(img, "PNG")
    store = MemoryBankStore()
    store.create_bank(HashBank("reports"))
    m = HashMatcher(store)
    m.add("reports", [entry("pdq", hash_image_bytes(data).pdq or "")])
    hashes, result = m.match_image(data)
    assert result.matched and result.matches[0].distance == 0
    turned = encode(img.transpose(Image.Transpose.ROTATE_90), "PNG")
    _, plain = m.match_image(turned)
    _, dihedral = m.match_image(turned, dihedral=True)
    assert dihedral.matched
    assert dihedral.matches[0].variant != "original" or not plain.matched
    assert hashes.pdq is not None and np.isfinite(hashes.quality or 0)
