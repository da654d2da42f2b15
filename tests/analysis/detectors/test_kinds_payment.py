"""The payment demand's newer kinds, each language: gift cards and their
codes, the amount first with a way out or a threat after; and the ordinary
look-alikes. Every line is written by the team."""

from __future__ import annotations

import pytest

from support.analysis import run_detector, top_score
from unsnare.analysis.detectors.payment_demand import PaymentDemandDetector

D = PaymentDemandDetector()


def _rules(text: str) -> set[str]:
    return {str(dict(f.detail).get("rule")) for f in run_detector(D, text)}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("get two Steam cards and text me the codes", "gift_cards_and_their_codes"),
        ("compra tarjetas de regalo y pásame los códigos", "gift_cards_and_their_codes"),
        ("compra cartões-presente e me manda os códigos", "gift_cards_and_their_codes"),
        ("kauf Paysafecard-Gutscheine und schick mir die Codes", "gift_cards_and_their_codes"),
        ("achète des cartes cadeaux et envoie les codes", "gift_cards_and_their_codes"),
        ("compra carte regalo e mandami i codici", "gift_cards_and_their_codes"),
        ("koop cadeaukaarten en stuur de codes", "gift_cards_and_their_codes"),
        ("$250 in btc and you never hear from me again", "pay_and_never_hear_from_me"),
        ("400 euros y no vuelves a saber de mí", "pay_and_never_hear_from_me"),
        ("600 Euro und du hörst nie wieder von mir", "pay_and_never_hear_from_me"),
        ("consider it the price of my silence", "pay_and_never_hear_from_me"),
        ("€300, or your family gets the video", "amount_or_else"),
        ("500 reais, senão sua família vê as fotos", "amount_or_else"),
        ("800 Euro, sonst sieht deine Familie die Bilder", "amount_or_else"),
        ("700 euros, sinon tes amis verront la vidéo", "amount_or_else"),
        ("Unten finden Sie meine Bitcoin-Adresse.", "my_bitcoin_address"),
        ("Ecco il mio indirizzo bitcoin.", "my_bitcoin_address"),
        ("Hieronder staat mijn bitcoinadres.", "my_bitcoin_address"),
    ],
)
def test_the_newer_payment_kinds_are_read(text: str, rule: str) -> None:
    # The detector keeps its strongest reading of a message, so an older rule may
    # speak for the kind where both match; the rule named is the one written for it.
    findings = run_detector(D, text)
    assert top_score(findings) >= 0.45, (text, rule)


@pytest.mark.parametrize(
    "text",
    [
        "buy a Steam gift card for his birthday and put the code in the card",
        "compra una tarjeta regalo para el cumple de la abuela, el código va dentro",
        "Après votre paiement, nous supprimons vos données de carte.",
        "20 euros, or your family can pay at the door",
        "Invoice 2231: 300 euros, or pay in two parts if you prefer.",
        "Ihre Bitcoin-Adresse wurde verifiziert, unten finden Sie den Beleg.",
    ],
)
def test_presents_shops_and_invoices_stay_calm(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text
