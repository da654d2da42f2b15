"""The features the learned layer reads: character n-grams and words.

One function, used by both the training script and the running detector, so
that the model sees at run time exactly what it was trained on. It reads the
normalised text (see `normalize.py`): lower case, look-alikes folded,
obfuscation undone. Character n-grams carry across languages, misspellings
and text-speak ("ur pics", "tus fotos", "deine Fotos"), which a word list does
not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Sizes of the character n-grams.
NGRAM_SIZES = (3, 4, 5)
# Long messages (emails) are read up to here: the scheme shows in the first pages.
MAX_CHARS = 4_000

_WORDS = re.compile(r"[\w$€£@]+")
_DIGITS = re.compile(r"\d+")


def words_of(folded: str) -> list[str]:
    """The message's words (letters, digits and $ € £ @), numbers written as 0."""
    if len(folded) > MAX_CHARS:
        folded = folded[:MAX_CHARS]
    words = _WORDS.findall(folded)
    if _DIGITS.search(folded) is not None:
        words = [_DIGITS.sub("0", w) if not w.isalpha() else w for w in words]
    return words


def word_features(word: str) -> list[str]:
    """The features inside one word: its character n-grams (with the spaces
    around it) and the word itself. They depend on the word alone, so the
    running detector works them out once per distinct word."""
    if word == "0":
        return []  # a bare number: what it counts is in the words beside it
    padded = f" {word} "
    n = len(padded)
    out = [padded[i : i + size] for size in NGRAM_SIZES for i in range(n - size + 1)]
    out.append("w " + word)
    return out


def features(folded: str) -> Iterator[str]:
    """Every feature of one message: each distinct word's features, then each
    distinct pair of neighbouring words. A message's vector is the count of
    each feature divided by the square root of the number of features."""
    words = words_of(folded)
    for w in dict.fromkeys(words):
        yield from word_features(w)
    for pair in dict.fromkeys(zip(words, words[1:], strict=False)):
        yield "b " + pair[0] + " " + pair[1]
