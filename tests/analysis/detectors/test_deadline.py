"""deadline: time limits that rush the person."""

from __future__ import annotations

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.deadline import DeadlineDetector

D = DeadlineDetector()


@pytest.mark.parametrize(
    "text",
    [
        "you have 24 hours to pay",
        "You have one hour or I post everything",
        "10 minutes left. send the money",
        "time is running out",
        "within 48 hours send the bitcoin or the video goes out",
        "tienes una hora para pagar",
        "voce tem 2 horas",
    ],
)
def test_deadlines_are_found(text: str) -> None:
    assert run_detector(D, text), text


@pytest.mark.parametrize(
    "text",
    [
        *HARD_NEGATIVES,
        "tell me half an hour before you come",
        "the store closes in 2 hours",
        "Please verify your account within 24 hours.",
    ],
)
def test_ordinary_times_are_not_pressure(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4


@pytest.mark.parametrize(
    ("text", "at_least"),
    [
        ("he says he'll post my pics everywhere unless I pay $400 by tonight", 0.45),
        ("pay $250 by midnight or your family sees it all", 0.45),
        ("send the gift card code within the hour or your mom sees it", 0.45),
        ("pay before 10:30pm or i leak it", 0.45),
        ("$300 by tomorrow morning or everyone gets the video", 0.45),
        ("in 12 hours your nudes go to all your friends unless you pay", 0.45),
        ("she wants 80 dollars by 8 pm or she'll post my pics", 0.45),
        ("you have 15 minutes", 0.3),
        ("he's threatening to send my video out if i don't pay him 200 by midnight", 0.45),
        ("she wants $90 by 7pm or she'll tell my parents", 0.45),
    ],
)
def test_deadlines_on_demands_and_threats_are_found(text: str, at_least: float) -> None:
    assert top_score(run_detector(D, text)) >= at_least, text


@pytest.mark.parametrize(
    "text",
    [
        "see you by tonight!",
        "homework is due by tomorrow, did you start?",
        "can you send me the notes by tonight",
        "i'll be home by 9pm",
        "I'll pay you back by tomorrow lol",
        "mum says be back before midnight",
        # Money with a date but no threat is a bill or a favour, not a squeeze.
        "rent is $700 and it's due by the end of the day, venmo me your half",
        "mom i need 40 dollars by tonight for the school trip",
        "post the pics on the group chat before midnight",
        "text me back by tonight if you don't mind",
        "he'll send the photos from the trip to everyone by tonight",
    ],
)
def test_plans_and_due_dates_are_not_pressure(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text


# A long text (an email, a notice) puts a clock on accounts, prizes and bills:
# there a deadline counts only with the scheme in view (a recording and someone
# to show it to). Invented lines, each language.
_FILLER = " We thank you for your trust and remain at your service for any question." * 4


@pytest.mark.parametrize(
    "text",
    [
        "Your account will be suspended if you do not confirm your details within 72 hours."
        + _FILLER,
        "You have 24 hours to claim your casino bonus and send your friends an invite."
        + _FILLER,
        "Ihr Gewinn verfällt, wenn Sie ihn nicht innerhalb von 48 Stunden bestätigen. "
        "Teilen Sie das Angebot mit Ihren Freunden!" + _FILLER,
        "Votre colis sera renvoyé si vous ne payez pas les frais dans les 48 heures." + _FILLER,
        "Il tuo account verrà bloccato entro 24 ore se non aggiorni i dati." + _FILLER,
        "Uw pakket wordt teruggestuurd als u niet binnen 48 uur betaalt." + _FILLER,
        "El scammer suele decir que tienes 48 horas para pagar en bitcoin; no pagues." + _FILLER,
    ],
)
def test_a_clock_in_a_long_notice_is_not_the_scheme(text: str) -> None:
    assert not run_detector(D, text), text


@pytest.mark.parametrize(
    "text",
    [
        "I recorded you through your webcam. You have 48 hours to pay, or the video goes to "
        "all your contacts." + _FILLER,
        "Ich habe dich über die Kamera gefilmt. Du hast 48 Stunden Zeit, sonst schicke ich "
        "das Video an deine Familie und alle Kontakte." + _FILLER,
        "J'ai enregistré une vidéo de vous. Vous avez 48 heures pour payer, sinon je "
        "l'envoie à tous vos contacts." + _FILLER,
        "Ho registrato un video di te. Hai 48 ore per pagare, altrimenti lo mando a tutti i "
        "tuoi contatti." + _FILLER,
        "Ik heb een video van je opgenomen. Je hebt 48 uur om te betalen, anders stuur ik "
        "hem naar al je contacten." + _FILLER,
        "Grabé un video tuyo. Tienes 48 horas para pagar o lo mando a todos tus contactos."
        + _FILLER,
        "Gravei um vídeo seu. Você tem 48 horas para pagar ou envio para todos os seus "
        "contatos." + _FILLER,
    ],
)
def test_a_clock_next_to_the_scheme_in_a_long_email_is_found(text: str) -> None:
    assert run_detector(D, text), text
