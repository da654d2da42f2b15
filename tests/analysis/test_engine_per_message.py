"""One message at a time (the `--each-line` and platform API path): the
shortcuts that keep a call cheap must not change any answer."""

from __future__ import annotations

import pytest

from unsnare.analysis import Analyzer, analyze_text
from unsnare.analysis.email import looks_like_email
from unsnare.analysis.text_input import conversation_from_text


@pytest.mark.parametrize(
    ("text", "is_email"),
    [
        ("Subject: your account\nI recorded you. Pay in bitcoin.", True),
        ("Subject: hello", True),
        ("From: jay@example.org\nTo: sam@example.org\n\nhi", True),
        ("From: jay@example.org\rTo: sam@example.org\r\rhi", True),
        ("see you at practice", False),
        ("meet at 7:45", False),
    ],
)
def test_email_recognition(text: str, is_email: bool) -> None:
    assert looks_like_email(text) is is_email
    assert conversation_from_text(text)[1] is is_email


@pytest.mark.parametrize(
    ("text", "platform", "messages"),
    [
        ("Jay: hey\nSam: hi", "text", 2),
        ("Jay: send me a pic of you", "text", 1),
        ("just one line, no speaker", "text", 1),
        ("Jay: hey\rSam: hi", "text", 1),  # a bare carriage return is not a new chat line
    ],
)
def test_pasted_chat_needs_two_speaker_lines(text: str, platform: str, messages: int) -> None:
    conv, _, _ = conversation_from_text(text)
    assert conv.platform == platform
    assert len(conv.messages) == messages


_MIXED = [
    "hey are you coming to practice tomorrow?",
    "send me a pic of your dog!! she is so cute",
    "you're so mature for your age, don't tell your parents we talk",
    "i have your nudes. send $300 to $jaykash or i post them to all your followers",
    "I'm going to kill myself",
    "hola, envíame una foto ahora o publico tus fotos",
    "Привет как дела",
    "",
    "Jay: send me a pic\nSam: no\nJay: pay $200 or i post your nudes",
    "Subject: I recorded you\nPay 1000 USD in BTC or the video goes to your contacts.",
]


def test_one_engine_answers_like_a_fresh_engine_each_time() -> None:
    # Whatever an engine keeps between calls must not leak into the next answer.
    shared = Analyzer()
    for text in _MIXED + list(reversed(_MIXED)):
        assert analyze_text(text, shared) == analyze_text(text, Analyzer())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("happy birthday!!! 🎉🎉 see you at the party", "en"),
        ("café at the mall after school? ☕", "en"),
        ("Привет, как дела? Что ты делаешь сегодня?", "ru"),
        ("see you at the bus stop, the one by the Кафе", "en"),
        ("今日は学校に行きますか", "ja"),
    ],
)
def test_language_with_emoji_accents_and_other_scripts(text: str, code: str) -> None:
    assert analyze_text(text).language == code
