"""Word sets for the prefilter: the quick path for plain messages gives
exactly the vocabulary words of the full `tokens`."""

from __future__ import annotations

import pytest

from unsnare.analysis.text import tokens, vocabulary_words

_VOCABULARY = frozenset({"send", "pic", "$", "€", "don't", "pay", "now", "nudes", "y/o", "16"})


@pytest.mark.parametrize(
    "folded",
    [
        "send me a pic now",
        "send me a pic, now!",
        "pay $300 now",
        "pay 300€ now",
        "don't send",
        "pic/video send",
        "pay_now send",
        "16 y/o",
        "send\u00a0pic",  # a no-break space splits like a space
        "send\u200bpic",  # a zero-width space does not
        "ⅷ nudes ²pic ٣ send",
        "",
    ],
)
def test_vocabulary_words_equal_the_full_word_set_within_the_vocabulary(folded: str) -> None:
    assert vocabulary_words(folded, _VOCABULARY) == tokens(folded) & _VOCABULARY
