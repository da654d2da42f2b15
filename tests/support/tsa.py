"""A throwaway RFC 3161 time-stamp authority (`openssl ts -reply`) for tests."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

NOW = dt.datetime.now(dt.UTC)


def _cert(name: str, key, issuer_name: str, issuer_key, *, ca: bool) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer_name)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
    return builder.sign(issuer_key, hashes.SHA256())


def pem(cert: x509.Certificate) -> bytes:
    """A certificate in PEM form."""
    return cert.public_bytes(serialization.Encoding.PEM)


class Tsa:
    """A throwaway time-stamp authority: our own CA and an RSA signing certificate."""

    def __init__(self, folder: Path, name: str = "Test TSA") -> None:
        folder.mkdir()
        self.folder = folder
        ca_key = ec.generate_private_key(ec.SECP256R1())
        self.ca = _cert(f"{name} Root", ca_key, f"{name} Root", ca_key, ca=True)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.cert = _cert(name, key, f"{name} Root", ca_key, ca=False)
        (folder / "tsa.pem").write_bytes(pem(self.cert))
        (folder / "ca.pem").write_bytes(pem(self.ca))
        (folder / "tsa.key").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
        (folder / "serial").write_text("01\n")
        (folder / "tsa.cnf").write_text(
            "[ tsa ]\ndefault_tsa = tsa1\n[ tsa1 ]\n"
            f"dir = {folder}\nserial = $dir/serial\ncrypto_device = builtin\n"
            "signer_cert = $dir/tsa.pem\ncerts = $dir/ca.pem\nsigner_key = $dir/tsa.key\n"
            "signer_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\n"
            "accuracy = secs:1\nordering = no\ntsa_name = yes\ness_cert_id_chain = no\n"
            "ess_cert_id_alg = sha256\n")

    def reply(self, tsq: bytes) -> bytes:
        """The TSA's DER TimeStampResp to a request."""
        (self.folder / "q.tsq").write_bytes(tsq)
        subprocess.run(["openssl", "ts", "-reply", "-config", str(self.folder / "tsa.cnf"),
                        "-queryfile", str(self.folder / "q.tsq"),
                        "-out", str(self.folder / "r.tsr")],
                       check=True, capture_output=True, timeout=60)
        return (self.folder / "r.tsr").read_bytes()
