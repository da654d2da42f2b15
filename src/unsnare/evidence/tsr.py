"""Check an RFC 3161 time-stamp reply (`.tsr`) against a package's manifest.

Unsnare works offline, so it never asks a time-stamp authority (TSA) itself.
A person can send `timestamp/manifest.tsq` to one and bring back the reply.
This module reads that `TimeStampResp` (RFC 3161 section 2.4.2) and checks:

- the authority granted it (PKIStatus 0 or 1);
- its message imprint is SHA-256 of this very `manifest.json`, and its nonce
  is the one in the package's request;
- the CMS signature (RFC 5652 section 5.4): the signed attributes hold the
  digest of the TSTInfo, and the signer certificate's key signed them;
- with a certificate the person trusts (`trusted`), that the signer is that
  certificate or was issued directly by it, and was valid at the stamped time.

It does not check revocation (CRL or OCSP), chains longer than one issuer,
or the authority's policy. Without `trusted`, anyone could have made a reply
that passes the other checks, and the result says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from asn1crypto import cms, tsp
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512,
    "sha224": hashes.SHA224, "sha1": hashes.SHA1,
}


_RSA = {"rsassa_pkcs1v15", "rsassa_pss", "sha1_rsa", "sha224_rsa", "sha256_rsa", "sha384_rsa",
        "sha512_rsa"}
_ECDSA = {"ecdsa", "sha1_ecdsa", "sha224_ecdsa", "sha256_ecdsa", "sha384_ecdsa",
          "sha512_ecdsa"}


@dataclass(frozen=True)
class TimestampCheck:
    """What a time-stamp reply says and what was wrong with it."""

    problems: tuple[str, ...]
    notes: tuple[str, ...] = field(default=())
    time: str | None = None
    authority: str | None = None
    trusted: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"ok": not self.problems, "time": self.time, "authority": self.authority,
                "trusted": self.trusted, "problems": list(self.problems),
                "notes": list(self.notes)}


class _Bad(Exception):
    """The reply cannot be read far enough to check anything else."""


# asn1crypto parses lazily: damage deep inside shows up when a part is first read.
_PARSE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError,
                 x509.InvalidVersion, UnsupportedAlgorithm)


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate from PEM or DER bytes (ValueError if it is neither)."""
    if b"-----BEGIN" in data:
        return x509.load_pem_x509_certificate(data)
    return x509.load_der_x509_certificate(data)


def _token(reply: bytes) -> tuple[cms.SignedData, tsp.TSTInfo]:
    try:
        resp = tsp.TimeStampResp.load(reply, strict=True)
        status = resp["status"]["status"].native
        if status not in ("granted", "granted_with_mods"):
            text = resp["status"]["status_string"].native or []
            raise _Bad(f"the time-stamp authority refused the request ({status}"
                       f"{': ' + '; '.join(text) if text else ''})")
        token = resp["time_stamp_token"]
        if token["content_type"].native != "signed_data":
            raise _Bad("the reply holds no signed time-stamp token")
        signed: cms.SignedData = token["content"]
        info = signed["encap_content_info"]
        if info["content_type"].native != "tst_info":
            raise _Bad("the signed content is not a time-stamp (TSTInfo)")
        tst: tsp.TSTInfo = info["content"].parsed
        tst.native  # noqa: B018 - parse it all now, so damage shows here and not later
        return signed, tst
    except _Bad:
        raise
    except _PARSE_ERRORS as exc:
        raise _Bad(_unreadable(exc)) from None


def _unreadable(exc: BaseException) -> str:
    first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
    return f"this is not a readable RFC 3161 time-stamp reply ({first})"


def _signer_cert(signed: cms.SignedData, signer: cms.SignerInfo) -> x509.Certificate | None:
    sid = signer["sid"]
    for choice in signed["certificates"] or []:
        if choice.name != "certificate":
            continue
        cert = choice.chosen
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            if cert.issuer == wanted["issuer"] and cert.serial_number == wanted[
                    "serial_number"].native:
                return x509.load_der_x509_certificate(cert.dump())
        elif cert.key_identifier == sid.chosen.native:
            return x509.load_der_x509_certificate(cert.dump())
    return None


def _verify_signature(cert: x509.Certificate, signer: cms.SignerInfo, data: bytes) -> None:
    key = cert.public_key()
    signature = signer["signature"].native
    digest = _HASHES[signer["digest_algorithm"]["algorithm"].native]()
    algorithm = signer["signature_algorithm"]["algorithm"].native
    # The algorithm field is not itself signed: accept only names that fit the key.
    known = _RSA if isinstance(key, rsa.RSAPublicKey) else (
        _ECDSA if isinstance(key, ec.EllipticCurvePublicKey) else {"ed25519"})
    if algorithm not in known:
        raise UnsupportedAlgorithm(f"signature algorithm {algorithm} with this key")
    if isinstance(key, rsa.RSAPublicKey):
        if algorithm == "rsassa_pss":
            params = signer["signature_algorithm"]["parameters"]
            pss = padding.PSS(padding.MGF1(digest), params["salt_length"].native)
            key.verify(signature, data, pss, digest)
        else:
            key.verify(signature, data, padding.PKCS1v15(), digest)
    elif isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(signature, data, ec.ECDSA(digest))
    elif isinstance(key, ed25519.Ed25519PublicKey):
        key.verify(signature, data)
    else:
        raise UnsupportedAlgorithm(f"a {type(key).__name__} key")


def _check_signature(signed: cms.SignedData, cert_hint: x509.Certificate | None) -> tuple[
        x509.Certificate | None, list[str]]:
    signers = signed["signer_infos"]
    if len(signers) != 1:
        return None, [f"the time-stamp has {len(signers)} signers; RFC 3161 allows one"]
    signer = signers[0]
    cert = _signer_cert(signed, signer) or cert_hint
    if cert is None:
        return None, ["the reply does not include the authority's certificate, and none was "
                      "given to check its signature with"]
    name = signer["digest_algorithm"]["algorithm"].native
    if name not in _HASHES:
        return cert, [f"the time-stamp uses a digest Unsnare does not check ({name})"]
    attrs = signer["signed_attrs"]
    if not attrs:
        return cert, ["the time-stamp's signature has no signed attributes"]
    found = {a["type"].native: a["values"][0].native for a in attrs}
    content = signed["encap_content_info"]["content"].contents
    h = hashes.Hash(_HASHES[name]())
    h.update(content)
    if found.get("message_digest") != h.finalize():
        return cert, ["the time-stamp's signed digest does not match its content (changed)"]
    if found.get("content_type") != "tst_info":
        return cert, ["the time-stamp's signed content type is not a time-stamp"]
    # The signature covers the attributes re-encoded as a SET (RFC 5652 section 5.4).
    der = attrs.untag().dump(force=True)
    try:
        _verify_signature(cert, signer, der)
    except InvalidSignature:
        return cert, ["the time-stamp's signature is not valid (the reply was changed, or "
                      "was not signed by the certificate it names)"]
    except (UnsupportedAlgorithm, ValueError, KeyError) as exc:
        return cert, [f"the time-stamp's signature cannot be checked ({exc})"]
    return cert, []


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    if cert == issuer:
        return True
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False
    return True


def check_reply(reply: bytes, manifest_sha256: bytes, *, nonce: int | None = None,
                trusted: bytes | None = None) -> TimestampCheck:
    """Check a TSA reply against the SHA-256 of manifest.json (see the module notes)."""
    try:
        anchor = load_certificate(trusted) if trusted is not None else None
    except ValueError as exc:
        return TimestampCheck((f"the time-stamp authority's certificate cannot be read "
                               f"({exc})",))
    try:
        return _check(reply, manifest_sha256, nonce, anchor)
    except _Bad as exc:
        return TimestampCheck((str(exc),))
    except _PARSE_ERRORS as exc:
        return TimestampCheck((_unreadable(exc),))


def _check(reply: bytes, manifest_sha256: bytes, nonce: int | None,
           anchor: x509.Certificate | None) -> TimestampCheck:
    signed, tst = _token(reply)
    problems: list[str] = []
    notes: list[str] = []
    imprint = tst["message_imprint"]
    if imprint["hash_algorithm"]["algorithm"].native != "sha256" or (
            imprint["hashed_message"].native != manifest_sha256):
        problems.append("the time-stamp is for a different file, not this manifest.json")
    stamped_nonce = tst["nonce"].native
    if nonce is not None and stamped_nonce is not None and stamped_nonce != nonce:
        problems.append("the time-stamp answers a different request (its nonce differs)")
    gen_time: datetime = tst["gen_time"].native
    cert, signature_problems = _check_signature(signed, anchor)
    problems += signature_problems
    authority = cert.subject.rfc4514_string() if cert is not None else None
    trusted_ok = False
    if cert is not None and anchor is not None:
        if not _issued_by(cert, anchor):
            problems.append("the time-stamp was not signed by the authority certificate you "
                            "gave, nor by one it issued")
        elif not cert.not_valid_before_utc <= gen_time <= cert.not_valid_after_utc:
            problems.append("the authority's certificate was not valid at the stamped time")
        else:
            trusted_ok = not problems
    if cert is not None:
        try:
            usage = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
            if ExtendedKeyUsageOID.TIME_STAMPING not in usage:
                problems.append("the signing certificate is not for time-stamping")
        except x509.ExtensionNotFound:
            problems.append("the signing certificate is not marked for time-stamping")
    if not problems:
        notes.append(f"Time-stamped {gen_time.isoformat()} by {authority}.")
        if not trusted_ok:
            notes.append("Who made the time-stamp was not checked against a certificate you "
                         "trust: give the authority's certificate (--tsa-cert) to check it.")
        notes.append("Not checked: whether the authority's certificate was revoked.")
    return TimestampCheck(tuple(problems), tuple(notes), gen_time.isoformat(), authority,
                          trusted_ok)
