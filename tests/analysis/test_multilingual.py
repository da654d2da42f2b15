"""The scheme in more languages, and the kinds of threat the first rules missed.

Every line here is written by the team; none comes from the evaluation set.
"""

from __future__ import annotations

import pytest

from unsnare.analysis import RiskLevel, analyze_text

FLAGGED = [
    # Bulk-email claims, each language, without the money paragraph.
    ("Ich bin ein Hacker und habe Zugriff auf dein Handy und deine Kamera.", "hacking_claim"),
    ("Je suis un hackeur et je vous observe depuis des mois.", "hacking_claim"),
    ("Sono un hacker e ti sto osservando da settimane.", "hacking_claim"),
    ("Ik ben een hacker en ik houd je al weken in de gaten.", "hacking_claim"),
    ("Soy un hacker y te he estado observando por meses.", "hacking_claim"),
    ("Sou um hacker e estou te observando faz tempo.", "hacking_claim"),
    ("Wir haben dein Gerät gehackt und alles gesehen.", "hacking_claim"),
    # Threats to send the recording to everyone.
    ("Ich schicke das Video an deine ganze Familie.", "threat_to_expose"),
    ("J'enverrai la vidéo à tous tes contacts.", "threat_to_expose"),
    ("Manderò il video a tutti i tuoi amici.", "threat_to_expose"),
    ("Ik stuur de video naar al je vrienden.", "threat_to_expose"),
    # Passive threats: the pictures or the audience as the subject.
    ("your parents will get the video tonight", "threat_to_expose"),
    ("everyone on ur follower list gets the pics in 10 min", "threat_to_expose"),
    ("wouldnt it be a shame if your mom saw these", "threat_to_expose"),
    # Money in Bitcoin, any language.
    ("Zahle 800 € in Bitcoin an diese Adresse, sonst geht das Video raus.", "payment_demand"),
    # Pressure for more pictures or the camera, in Spanish and Portuguese.
    ("quiero más fotos tuyas ya", "image_request"),
    ("prende la cámara ya", "image_request"),
    ("quero mais fotos suas", "image_request"),
    # When the adults are away.
    ("what time does your mom get home from work", "grooming"),
    ("u could keep it hidden from ur parents", "grooming"),
]

CALM = [
    "We detected unusual access to your account from a new device. Reset your password.",
    "Wir haben einen ungewöhnlichen Zugriff auf Ihr Konto festgestellt.",
    "Nous avons détecté un accès inhabituel à votre compte.",
    "Your 12 month subscription renews within 24 hours.",
    "Your invoice is due: you have 48 hours to pay before a late fee.",
    "my parents will see the photos on facebook",
    "i sent the pics from the trip to everyone in the family chat",
]


@pytest.mark.parametrize(("text", "tactic"), FLAGGED)
def test_the_scheme_is_read_in_each_language(text: str, tactic: str) -> None:
    report = analyze_text(text)
    assert tactic in {str(t) for t in report.tactics()}, report.findings
    assert report.risk.flagged


@pytest.mark.parametrize("text", CALM)
def test_ordinary_notices_stay_calm(text: str) -> None:
    assert not analyze_text(text).risk.flagged


def test_a_language_not_read_is_unknown_not_none() -> None:
    report = analyze_text("Ahoj, jak se máš? Zítra půjdeme do kina a potom na večeři s rodinou.")
    assert report.risk.level is RiskLevel.UNKNOWN
    assert report.risk.assessed is False


@pytest.mark.parametrize(
    "text",
    [
        "is ur mom home right now?",
        "does your dad check your phone",
        "what time do u get home from school",
        "im so nervous about meeting u for the first time",
        "how do i know ur not a cop",
        "just delete the texts after ok",
        "i used to talk to a young girl like you",
    ],
)
def test_grooming_kinds_read_alone(text: str) -> None:
    report = analyze_text(text)
    assert "grooming" in {str(t) for t in report.tactics()}
    assert report.risk.flagged


@pytest.mark.parametrize(
    "text",
    [
        "is my mom home yet? tell her i'm at practice",
        "meet you at 9:45 by the station",
        "the cops closed the road, take the other way",
    ],
)
def test_everyday_lines_with_the_same_words_stay_calm(text: str) -> None:
    assert not analyze_text(text).risk.flagged


@pytest.mark.parametrize(
    "text",
    [
        "Sarebbe un peccato se la tua famiglia vedesse il video",
        "Es wäre eine Schande, wenn deine Familie das Video sieht",
        "Ce serait dommage que ta famille voie cette vidéo",
        "Sería una pena que tu familia viera el video",
        "Abbiamo tutte le tue password e molto altro",
        "Mi software reconoce todo lo que haces",
    ],
)
def test_menace_and_control_without_the_money(text: str) -> None:
    assert analyze_text(text).risk.flagged


def test_a_shame_about_something_else_stays_calm() -> None:
    text = "Schade, dass deine Familie nicht kommen konnte, das Foto ist trotzdem schön"
    assert not analyze_text(text).risk.flagged


def test_a_meeting_without_anyone_else_is_grooming_kind_meeting() -> None:
    report = analyze_text("lets meet up at the shopping centre saturday, dont bring anyone")
    assert any(f.get("kind") == "meeting" and f.score >= 0.5 for f in report.findings)
    assert report.risk.flagged


def test_telling_the_school_what_was_said_is_a_threat() -> None:
    report = analyze_text("if u dont come ill tell everyone at ur school what u said to me")
    assert "threat_to_expose" in {str(t) for t in report.tactics()}


@pytest.mark.parametrize(
    ("text", "normalized", "valid"),
    [
        ("pay to BSB 062-000 acc 12345678 now", "au-bsb:062000:12345678", None),
        ("sort code 20-00-00 account 55779911", "uk-sort:200000:55779911", None),
        ("IBAN DE89 3704 0044 0532 0130 00", "iban:DE89370400440532013000", True),
        ("IBAN DE89 3704 0044 0532 0130 01", "iban:DE89370400440532013001", False),
    ],
)
def test_bank_details_are_identifiers(text: str, normalized: str, valid: bool | None) -> None:
    found = {i.normalized: i for i in analyze_text(text).identifiers}
    assert normalized in found and found[normalized].kind == "bank_account"
    assert found[normalized].valid is valid
