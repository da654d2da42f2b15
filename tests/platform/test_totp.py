"""TOTP against RFC 4226's and RFC 6238's published test values, on a fixed clock."""

from __future__ import annotations

import base64
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from unsnare.platform import totp

# RFC 4226 appendix D and RFC 6238 appendix B use this ASCII secret (SHA-1).
RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()


@pytest.mark.parametrize(("counter", "code"), [
    (0, "755224"), (1, "287082"), (2, "359152"), (3, "969429"), (9, "520489"),
])
def test_hotp_matches_rfc_4226(counter: int, code: str) -> None:
    assert totp.hotp(RFC_SECRET, counter) == code


@pytest.mark.parametrize(("now", "code"), [
    (59, "94287082"), (1111111109, "07081804"), (1234567890, "89005924"),
    (2000000000, "69279037"),
])
def test_totp_matches_rfc_6238(now: int, code: str) -> None:
    assert totp.hotp(RFC_SECRET, totp.step_at(now), digits=8) == code


NOW = 1_800_000_000.0


@pytest.mark.parametrize(("offset", "accepted"), [
    (-60, False), (-30, True), (0, True), (30, True), (60, False),
])
def test_a_code_is_accepted_one_step_either_side_only(offset: int, accepted: bool) -> None:
    secret = totp.new_secret()
    code = totp.code_at(secret, NOW + offset)
    assert (totp.matching_step(secret, code, NOW) is not None) is accepted


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef", "12 34 5"])
def test_malformed_codes_are_refused(code: str) -> None:
    assert totp.matching_step(totp.new_secret(), code, NOW) is None


def test_a_used_step_cannot_be_replayed() -> None:
    secret = totp.new_secret()
    code = totp.code_at(secret, NOW)
    step = totp.matching_step(secret, code, NOW)
    assert step == totp.step_at(NOW)
    assert totp.matching_step(secret, code, NOW, after=step) is None
    assert totp.matching_step(secret, totp.code_at(secret, NOW + 30), NOW, after=step) == step + 1


def test_the_otpauth_uri_holds_what_an_authenticator_needs() -> None:
    uri = urlparse(totp.otpauth_uri("JBSWY3DPEHPK3PXP", "sam@acme"))
    query = parse_qs(uri.query)
    assert (uri.scheme, uri.netloc) == ("otpauth", "totp")
    assert unquote(uri.path) == "/Unsnare review:sam@acme"
    assert query["secret"] == ["JBSWY3DPEHPK3PXP"]
    assert query["digits"] == ["6"] and query["period"] == ["30"]
    assert query["algorithm"] == ["SHA1"] and query["issuer"] == ["Unsnare review"]
