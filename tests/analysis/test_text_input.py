"""Bad or unusual input gets a clear answer, never a crash."""

from __future__ import annotations

import pytest

from unsnare.analysis import RiskLevel, analyze_text
from unsnare.analysis.text_input import MAX_TEXT_CHARS, conversation_from_text


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_said_to_be_empty(text: str) -> None:
    report = analyze_text(text)
    assert report.message_count == 0
    assert report.risk.assessed is False
    assert any("no messages" in w for w in report.warnings)


def test_binary_data_is_named_as_binary() -> None:
    report = analyze_text("\x00\x01\x02PNG\x00\x00\x1a" * 200)
    assert any("binary" in w for w in report.warnings)
    assert report.findings == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Я отправлю твои фото всем твоим друзьям, если ты не заплатишь", "ru"),
        (
            "Wyślę twoje zdjęcia całej twojej rodzinie, jeśli nie zapłacisz, i to nie jest żart",
            "pl",
        ),
        ("سأرسل صورك إلى عائلتك إذا لم تدفع", "ar"),
    ],
)
def test_unsupported_language_is_reported_not_scored_safe(text: str, code: str) -> None:
    report = analyze_text(text)
    assert report.language == code
    assert report.supported_language is False
    assert report.risk.assessed is False
    # Rules read the core of the scheme in a few languages not supported yet (the
    # Polish threat here is found); what no rule reads stays "unknown", never "none".
    assert report.risk.level is RiskLevel.UNKNOWN or report.risk.flagged
    assert any("does NOT mean it is safe" in w for w in report.warnings)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("manda tus fotos ahora o todos van a ver", "es"),
        ("manda suas fotos agora ou vou postar", "pt"),
        (
            "Ich schicke deine Nacktbilder an deine ganze Familie, wenn du nicht sofort zahlst",
            "de",
        ),
        ("Envoie-moi 300 euros ou j'envoie tes photos intimes à toute ta famille", "fr"),
        ("Mandami 300 euro o mando le tue foto nude a tutti i tuoi amici", "it"),
        ("Betaal 300 euro of ik stuur je naaktfoto's naar al je vrienden", "nl"),
    ],
)
def test_seven_languages_are_supported(text: str, code: str) -> None:
    report = analyze_text(text)
    assert report.supported_language is True
    assert report.risk.flagged


def test_a_huge_paste_is_cut_and_said_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("unsnare.analysis.text_input.MAX_TEXT_CHARS", 10_000)
    report = analyze_text("hello there\n" * 5_000)
    assert any("only the first" in w for w in report.warnings)
    assert MAX_TEXT_CHARS >= 10_000_000


def test_a_very_long_single_message_is_read_in_part() -> None:
    report = analyze_text("a" * 50_000)
    assert any("very long" in w for w in report.warnings)


def test_look_alike_letters_do_not_hide_a_threat() -> None:
    # Cyrillic а/е/о/р/с swapped in, as bulk scam emails do.
    report = analyze_text("I hаcked yоur phоne and I will sеnd your vidео to your fаmily")
    assert {"hacking_claim", "threat_to_expose"} <= {str(t) for t in report.tactics()}


@pytest.mark.parametrize(
    "text",
    [
        "I'm telling mom lol",
        "you still owe me $20, send it back when you can",
        "send me a pic of your dog",
        "gg ez, you're trash, uninstall",
        "Sextortion warning: scammers threaten to post your photos unless you pay. Tell an adult.",
        "Your bank will never ask for your password.",
    ],
)
def test_ordinary_life_stays_calm(text: str) -> None:
    assert not analyze_text(text).risk.flagged


@pytest.mark.parametrize("text", ["i want to die of embarrassment lol", "i'm dying laughing"])
def test_plain_hyperbole_is_not_a_crisis(text: str) -> None:
    assert analyze_text(text).crisis is False


def test_crisis_in_a_pasted_message_is_flagged() -> None:
    report = analyze_text("he says he'll post them tonight. i want to kill myself")
    assert report.crisis is True


def test_a_victims_own_account_counts() -> None:
    report = analyze_text("im 15 and he says he will post my nudes unless i pay. he wants $500")
    assert str(report.scheme) == "financial_sextortion"
    assert report.risk.level in (RiskLevel.HIGH, RiskLevel.CRITICAL)


def test_a_message_repeating_a_threat_gives_a_few_findings_not_thousands() -> None:
    report = analyze_text("i will send your nudes to your family or pay $300 " * 300)
    assert str(report.risk.level) == "critical"
    per_detector: dict[str, int] = {}
    for f in report.findings:
        per_detector[f.detector] = per_detector.get(f.detector, 0) + 1
    assert max(per_detector.values()) <= 3 * 10
    assert len(report.findings) < 60


def test_an_html_only_email_is_read() -> None:
    eml = (
        "From: someone@invented.example\n"
        "Subject: your secret\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="b1"\n\n'
        "--b1\n"
        "Content-Type: text/html; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n\n"
        "<p>I hacked your computer and recorded you through your webcam.</p>"
        "<p>Pay $900 in Bitcoin within 48 hours or I send the video to all your contacts.</p>\n"
        "--b1--\n"
    )
    report = analyze_text(eml)
    assert str(report.scheme) == "mass_email_sextortion"
    assert "<p>" not in report.findings[0].explanation
    assert {"hacking_claim", "payment_demand", "threat_to_expose"} <= {
        str(t) for t in report.tactics()
    }


def test_a_pasted_name_colon_chat_knows_who_said_what() -> None:
    report = analyze_text(
        "Jay: hey cutie\nSam: hi\nJay: send me a pic\n"
        "Jay: send $300 or I post it to your family\nSam: please no i want to die"
    )
    assert report.offenders == ("Jay",)
    assert report.crisis_messages == ("L5",)
    assert str(report.scheme) == "financial_sextortion"


def test_a_pasted_chat_with_timestamps_keeps_each_message_and_speaker() -> None:
    pasted = (
        "[14/03/2026, 21:02:11] Rory Vance: you looked so good in that pic\n"
        "[14/03/2026, 21:02:40] Sam: thanks\n"
        "[14/03/2026, 21:15:33] Rory Vance: pay me $200 or your family sees it\n"
    )
    conv, is_email, _ = conversation_from_text(pasted)
    assert not is_email
    assert [m.sender for m in conv.messages] == ["Rory Vance", "Sam", "Rory Vance"]
