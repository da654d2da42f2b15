"""Normalisation before every detector, with a map back to the original text.

Bulk sextortion emails and some offenders write to get past filters: look-alike
letters from other scripts ("уоur" with Cyrillic letters), letters with stacked
combining marks, zero-width characters inside words, spaced-out words
("p a y  n o w"), stretched letters ("pleeeease") and leetspeak ("n00dz",
"h4ck3d"). Detectors read the normalised text; every finding's span is mapped
back through `Normalized.span` so that it points at the message as written.

The look-alike table is built from Unicode's confusables data as shipped by the
`confusable-homoglyphs` package (MIT), plus NFKC and accent stripping.
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from dataclasses import dataclass
from importlib import resources

# Characters that are invisible or only shape the ones around them.
_DROP_CATEGORIES = frozenset({"Mn", "Me", "Cf"})

# Letters that look like another Latin letter but are not confusables in
# Unicode's sense (or whose mapping there is not to a plain letter).
_EXTRA = {
    "ß": "s",
    "ø": "o",
    "æ": "a",
    "œ": "o",
    "ł": "l",
    "đ": "d",
    "ı": "i",
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2007": " ",
    "\u3000": " ",
}


def _confusables() -> dict[str, str]:
    """Each character Unicode says is confusable with an ASCII letter or digit."""
    try:
        data = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text(
            encoding="utf-8"
        )
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - a broken install
        return {}
    table: dict[str, str] = {}
    for char, glyphs in json.loads(data).items():
        if len(char) != 1 or char.isascii():
            continue
        for g in glyphs:
            target = g.get("c", "")
            if len(target) == 1 and target.isascii() and target.isalnum():
                table[char] = target.lower()
                break
    return table


class _Table(dict[int, str]):
    """A `str.translate` table that works out each new character once."""

    def __init__(self, confusables: dict[str, str]) -> None:
        super().__init__()
        self._confusables = confusables
        # Characters that become zero or several characters (the offsets change).
        self.uneven: set[str] = set()

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = self._map(ch)
        if len(out) != 1:
            self.uneven.add(ch)
        self[code] = out
        return out

    def _map(self, ch: str) -> str:
        if ch in _EXTRA:
            return _EXTRA[ch]
        low = ch.lower()
        if len(low) != 1:
            low = ch
        if low in _EXTRA:
            return _EXTRA[low]
        if unicodedata.category(ch) in _DROP_CATEGORIES:
            return ""
        mapped = self._confusables.get(low) or self._confusables.get(ch)
        if mapped is not None:
            return mapped
        compat = unicodedata.normalize("NFKC", low).lower()
        if compat != low:
            # Full-width letters, ligatures, circled and styled letters (𝐩𝐚𝐲).
            return "".join(self._map(c) if c != low else c for c in compat)
        base = unicodedata.normalize("NFKD", low)
        if base and base[0].isascii() and base[0].isalnum():
            return base[0]
        return low


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text and, when lengths differ, where each character came from."""

    text: str
    # offsets[i] is the index in the original of normalised character i, with
    # one more entry for the end; None when character i came from index i.
    offsets: array[int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text of a span in the normalised text."""
        return original_span(self.offsets, start, end)


def original_span(offsets: array[int] | None, start: int, end: int) -> tuple[int, int]:
    """The span in the original text of a span in the normalised text, given the
    normalised text's `offsets` (None: the two texts line up character for character)."""
    if offsets is None:
        return start, end
    last = len(offsets) - 1
    s = offsets[min(start, last)]
    if end <= start or last == 0:
        return s, s
    return s, max(offsets[min(end - 1, last - 1)] + 1, s)


# Runs of characters outside ASCII.
_NON_ASCII_RUNS = re.compile("[^\x00-\x7f]+")
# Spaced-out words: four or more single letters with the same separator
# ("p a y", "s.e.n.d", "n-u-d-e-s").
_SPACED = re.compile(
    r"(?<![^\W\d_])(?:[a-z](?P<sep>[ .\-_*]))(?:[a-z](?P=sep)){2,}[a-z](?![^\W\d_])"
)
# Spaced-out words two spaces apart ("p a y  n o w"): short words count too.
_SPACED_PHRASE = re.compile(r"(?<![^\W\d_])[a-z](?: [a-z])+(?:  +[a-z](?: [a-z])+)+(?![^\W\d_])")
# Three or more of the same letter in a row ("pleeeease", "nooooo").
_STRETCHED = re.compile(r"([a-z])\1{2,}")
# A word with digits or symbols standing for letters ("n00dz", "h4ck3d", "$ex").
_LEET_WORD = re.compile(r"(?<![\w@$])[a-z@$0134578!|]{3,}(?![\w@$])")
_LEET = {
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
    "@": "a", "$": "s", "!": "i", "|": "l", "8": "b",
}  # fmt: skip
# A quick test that one of the three might be there (most messages: no).
_MAYBE = re.compile(
    r"(?<![a-z])[a-z][ .\-_*][a-z][ .\-_*][a-z](?![a-z])|([a-z])\1\1|[a-z][0134578@$!|][a-z0-9@$]"
    r"|[0134578@$][a-z]"
)


def _leet_word(word: str) -> str | None:
    """The word with its stand-in letters replaced, if it is leetspeak."""
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    if len(letters) < 2:
        return None  # "b4", "4u", "$500": text-speak or money, not leetspeak
    first, last = letters[0], letters[-1]
    if first > 1 or last < len(word) - 2:
        return None  # "10pm", "2day", "pic55": numbers next to words
    if word[0] == "$" and word[1:].isdigit():
        return None
    out = []
    changed = False
    for i, c in enumerate(word):
        if c in _LEET and first < i < last:
            out.append(_LEET[c])
            changed = True
        else:
            out.append(c)
    return "".join(out) if changed else None


class Normalizer:
    """Normalises message text for the detectors; owns its character cache."""

    def __init__(self) -> None:
        self._table = _Table(_confusables())

    def fold(self, text: str) -> Normalized:
        """Lower case, look-alikes and accents folded, invisible marks dropped,
        spaced-out, stretched and leetspeak words put back together."""
        if text.isascii():
            folded = text.lower()
            offsets: array[int] | None = None
        else:
            folded = text.translate(self._table)
            offsets = None
            if len(folded) != len(text) or not self._table.uneven.isdisjoint(text):
                folded, offsets = self._uneven(text)
        if not _MAYBE.search(folded):
            return Normalized(folded, offsets)
        return self._deobfuscate(folded, offsets)

    def _uneven(self, text: str) -> tuple[str, array[int]]:
        parts: list[str] = []
        offsets = array("i")
        table = self._table
        done = 0
        # Character by character only outside ASCII: an ASCII character always
        # becomes one character, so a run of them keeps its offsets (most such
        # texts are plain words with an emoji that carries a variation mark).
        for run in _NON_ASCII_RUNS.finditer(text):
            start, end = run.span()
            if start > done:
                parts.append(text[done:start].translate(table))
                offsets.extend(range(done, start))
            for i in range(start, end):
                out = table[ord(text[i])]
                parts.append(out)
                offsets.extend([i] * len(out))
            done = end
        if done < len(text):
            parts.append(text[done:].translate(table))
            offsets.extend(range(done, len(text)))
        offsets.append(len(text))
        return "".join(parts), offsets

    def _deobfuscate(self, folded: str, offsets: array[int] | None) -> Normalized:
        keep = bytearray(b"\x01") * len(folded)
        chars = list(folded)
        touched = False
        for m in _SPACED.finditer(folded):
            sep = m.group("sep")
            for i in range(m.start(), m.end()):
                if folded[i] == sep:
                    keep[i] = 0
                    touched = True
        for m in _SPACED_PHRASE.finditer(folded):
            for i in range(m.start(), m.end()):
                # A space between two letters goes; of a run of spaces, the last stays.
                if folded[i] == " " and (folded[i + 1] == " " or folded[i - 1] != " "):
                    keep[i] = 0
            touched = True
        for m in _STRETCHED.finditer(folded):
            for i in range(m.start() + 1, m.end()):
                keep[i] = 0
            touched = True
        for m in _LEET_WORD.finditer(folded):
            fixed = _leet_word(m.group(0))
            if fixed is not None:
                chars[m.start() : m.end()] = fixed
                touched = True
        if not touched:
            return Normalized(folded, offsets)
        src = offsets if offsets is not None else range(len(folded) + 1)
        text = "".join(c for c, k in zip(chars, keep, strict=True) if k)
        new = array("i", (src[i] for i in range(len(folded)) if keep[i]))
        new.append(src[len(folded)])
        if len(text) == len(folded):
            return Normalized(text, offsets)
        return Normalized(text, new)
