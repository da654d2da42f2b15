"""The threat's newer kinds, each language: menace that names no picture, the
material still held after a block, the pictures as the subject; and the
ordinary look-alikes. Every line is written by the team."""

from __future__ import annotations

import pytest

from support.analysis import run_detector, top_score
from unsnare.analysis.detectors.threat_to_expose import ThreatToExposeDetector

D = ThreatToExposeDetector()


def _rules(text: str) -> set[str]:
    return {str(dict(f.detail).get("rule")) for f in run_detector(D, text)}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("you know exactly what happens if you don't reply by tonight", "you_know_what_comes_next"),
        ("sigue sin contestar y verás lo que pasa", "you_know_what_comes_next"),
        ("se não responder você sabe o que acontece", "you_know_what_comes_next"),
        ("wenn du nicht antwortest, weißt du genau, was passiert", "you_know_what_comes_next"),
        ("si tu ne réponds pas, tu sais ce qui va se passer", "you_know_what_comes_next"),
        ("se non rispondi sai cosa succede", "you_know_what_comes_next"),
        ("als je niet antwoordt, weet je wat er gebeurt", "you_know_what_comes_next"),
        ("you'll regret messing with me", "regret_playing_with_me"),
        ("te vas a arrepentir de jugar conmigo así", "regret_playing_with_me"),
        ("blocked me again? I still have everything", "still_have_it_all_after_a_block"),
        ("me bloqueaste, pero sigo teniendo todo", "still_have_it_all_after_a_block"),
        ("du hast mich blockiert, ich habe noch alles", "still_have_it_all_after_a_block"),
        ("tu m'as bloqué ? j'ai toujours tout", "still_have_it_all_after_a_block"),
        ("mi hai bloccato, ma ho ancora tutto", "still_have_it_all_after_a_block"),
        ("je hebt me geblokkeerd, ik heb nog steeds alles", "still_have_it_all_after_a_block"),
        ("me bloqueou? ainda tenho tudo", "still_have_it_all_after_a_block"),
        ("those nudes you sent me end up with your whole family", "the_pictures_end_up_with_them"),
        ("tus fotos desnuda van para tu familia", "the_pictures_end_up_with_them"),
        ("seus nudes vão para sua família inteira", "the_pictures_end_up_with_them"),
        ("deine Nacktfotos gehen an deine Eltern", "the_pictures_end_up_with_them"),
        ("tes nudes partent chez tes parents", "the_pictures_end_up_with_them"),
        ("i tuoi nudes finiscono ai tuoi genitori", "the_pictures_end_up_with_them"),
        ("je naaktfoto's gaan naar je ouders", "the_pictures_end_up_with_them"),
    ],
)
def test_the_newer_threat_kinds_are_read(text: str, rule: str) -> None:
    # The detector keeps its strongest reading of a message, so an older rule may
    # speak for the kind where both match; the rule named is the one written for it.
    findings = run_detector(D, text)
    assert top_score(findings) >= 0.45, (text, rule)


@pytest.mark.parametrize(
    "text",
    [
        "you know what happens in the next episode? no spoilers",
        "si no estudias ya sabes lo que pasa en el examen lol",
        "I blocked that spam account, I still have everything backed up on my laptop anyway",
        "the photos from the trip go to your mom tomorrow, she asked for prints",
        "les photos de vacances partent chez tes parents demain",
        "Die Polizei warnt: Erpresser behaupten, sie hätten noch alles, auch nach dem Blockieren.",
    ],
)
def test_ordinary_talk_is_not_read_as_the_newer_kinds(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text
