"""hacking_claim: "I hacked you", "I recorded you through your webcam"."""

from __future__ import annotations

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.hacking_claim import HackingClaimDetector

D = HackingClaimDetector()


@pytest.mark.parametrize(
    "text",
    [
        "I hacked your phone and I have all your photos",
        "I installed a malware on the site you visited",
        "my software recorded you through your webcam",
        "I'm a hacker and I know hunter2 is your password",
        "I have full access to your accounts",
        "your password from sam@example.org is hunter2",
        "hackeei seu celular e tenho acesso a suas fotos",
        "te grabe con tu camara",
    ],
)
def test_hacking_claims_are_found(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.5, text


@pytest.mark.parametrize(
    "text",
    [
        *HARD_NEGATIVES,
        "We detected a sign-in to your account from a new device. Reset your password for "
        "Acme now.",
        "Your password will expire in 3 days.",
        "my brother hacked the wifi password lol",
        "I recorded the concert on my camera",
    ],
)
def test_security_notices_are_not_hacking_claims(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4


@pytest.mark.parametrize(
    "text",
    [
        "I got an email saying they hacked my webcam and recorded me",
        "there's a message claiming someone has access to my laptop camera",
    ],
)
def test_a_retold_hacking_email_is_found(text: str) -> None:
    findings = run_detector(D, text)
    assert top_score(findings) >= 0.5 and "You describe" in findings[0].explanation, text


@pytest.mark.parametrize(
    "text",
    [
        "my account got hacked last week, I changed my password",
        "I saw a message that said the game servers got hacked",
        "I got a text saying my account was hacked, is it real?",
    ],
)
def test_a_real_account_problem_is_not_called_a_bluff(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Your computer was infected with my spyware months ago", True),
        ("your webcam has been hacked by me", True),
        ("Your account has been compromised. Reset your password now.", False),
        ("my laptop got infected with a virus from a game mod", False),
    ],
)
def test_the_passive_bluff_needs_the_writer_as_the_hacker(text: str, found: bool) -> None:
    assert (top_score(run_detector(D, text)) >= 0.5) is found, text


def test_the_bulk_email_opening_with_a_leaked_password() -> None:
    assert top_score(run_detector(D, "Tr0ub4dor&3 is your password. You don't know me.")) >= 0.5
    assert top_score(run_detector(D, "what is your password for the wifi?")) < 0.5
