"""RFC 3161 replies made by a real TSA (`openssl ts -reply`) checked against packages."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from support.fakes import fake_pdf
from support.tsa import Tsa
from support.tsa import pem as _pem
from unsnare.evidence import Case, Locker
from unsnare.evidence.package import export_package, verify_package
from unsnare.evidence.timestamp import timestamp_request

# When the test starts, not when the module was imported: the whole suite takes
# longer than the five minutes a time-stamp may be off by.
NOW = dt.datetime.now(dt.UTC)


@pytest.fixture(autouse=True)
def _now() -> None:
    global NOW
    NOW = dt.datetime.now(dt.UTC)


@pytest.fixture
def package(make_locker: Callable[..., Locker], chat_file: Path, tmp_path: Path) -> Path:
    case: Case = make_locker("memory").new_case("Sam / Jordan Vale")
    case.add_export(chat_file, source="Sam's phone")
    out = tmp_path / "evidence.zip"
    export_package(case, out, render_pdf=fake_pdf)
    return out


@pytest.fixture
def tsa(tmp_path: Path) -> Tsa:
    return Tsa(tmp_path / "tsa")


def _tsq(package: Path) -> bytes:
    with zipfile.ZipFile(package) as zf:
        return zf.read("timestamp/manifest.tsq")


def test_a_real_reply_is_checked_against_the_authority(package: Path, tsa: Tsa) -> None:
    reply = tsa.reply(_tsq(package))
    report = verify_package(package, tsr_reply=reply, tsa_cert=_pem(tsa.ca))
    assert report.ok, report.problems
    stamp = report.timestamp
    assert stamp is not None and stamp.trusted and stamp.authority == "CN=Test TSA"
    assert abs(dt.datetime.fromisoformat(stamp.time or "") - NOW) < dt.timedelta(minutes=5)
    assert any("revoked" in n for n in report.notes)
    # The TSA's own certificate (DER) is also accepted as the trust anchor.
    der = tsa.cert.public_bytes(serialization.Encoding.DER)
    assert verify_package(package, tsr_reply=reply, tsa_cert=der).timestamp.trusted


def test_without_a_trusted_certificate_the_result_says_so(package: Path, tsa: Tsa) -> None:
    report = verify_package(package, tsr_reply=tsa.reply(_tsq(package)))
    assert report.ok and report.timestamp is not None and not report.timestamp.trusted
    assert any("not checked against a certificate you trust" in n for n in report.notes)


def test_a_reply_placed_in_the_zip_is_checked_not_called_added(
    package: Path, tsa: Tsa
) -> None:
    reply = tsa.reply(_tsq(package))
    with zipfile.ZipFile(package, "a") as zf:
        zf.writestr("timestamp/manifest.tsr", reply)
    report = verify_package(package, tsa_cert=_pem(tsa.ca))
    assert report.ok and report.timestamp is not None and report.timestamp.trusted


def test_another_authority_is_refused(package: Path, tsa: Tsa, tmp_path: Path) -> None:
    other = Tsa(tmp_path / "other", name="Other TSA")
    report = verify_package(package, tsr_reply=tsa.reply(_tsq(package)),
                            tsa_cert=_pem(other.ca))
    assert not report.ok and "not signed by the authority certificate you gave" in (
        report.problems[0])


def test_a_reply_for_another_file_is_refused(package: Path, tsa: Tsa) -> None:
    reply = tsa.reply(timestamp_request(b"\x01" * 32))
    report = verify_package(package, tsr_reply=reply, tsa_cert=_pem(tsa.ca))
    assert not report.ok
    assert "for a different file" in " ".join(report.problems)


def test_a_changed_reply_fails_its_signature(package: Path, tsa: Tsa) -> None:
    reply = bytearray(tsa.reply(_tsq(package)))
    # The last bytes of the DER are the end of the RSA signature.
    reply[-5] ^= 0xFF
    report = verify_package(package, tsr_reply=bytes(reply), tsa_cert=_pem(tsa.ca))
    assert not report.ok and "signature is not valid" in report.problems[0]


@pytest.mark.parametrize("junk", [b"", b"\x30\x03\x02\x01", b"not a reply at all" * 10])
def test_junk_is_a_clear_problem(package: Path, junk: bytes) -> None:
    report = verify_package(package, tsr_reply=junk)
    assert not report.ok and "not a readable RFC 3161 time-stamp reply" in report.problems[0]


def test_damaged_replies_never_crash(package: Path, tsa: Tsa) -> None:
    import random

    from unsnare.evidence import tsr

    good = tsa.reply(_tsq(package))
    rng = random.Random(16)
    for _ in range(400):
        damaged = bytearray(good)
        at = rng.randrange(len(damaged))
        if rng.random() < 0.7:
            damaged[at] = rng.randrange(256)
        else:
            del damaged[at : at + rng.randrange(1, 20)]
        # Whatever the damage, the answer is a result (problems or not), never an exception.
        tsr.check_reply(bytes(damaged), b"\0" * 32, nonce=1, trusted=_pem(tsa.ca))
