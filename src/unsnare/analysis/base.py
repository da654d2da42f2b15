"""The one base class for detectors, and the declarative pattern detector.

A detector has a fixed `name` and `version` and turns a conversation into
findings. Most detectors are simple: a table of `Rule`s (a pattern, a score,
a plain explanation, optional context words that raise or veto the score),
a set of trigger words for the cheap prefilter, and an optional `validate`
hook. Patterns are compiled once, when the detector is created.
"""

from __future__ import annotations

import hashlib
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import ClassVar, cast

from unsnare.analysis.context import ABOUT_ABUSE_FACTOR, talks_about_abuse
from unsnare.analysis.literals import literal_gate, required_alternatives
from unsnare.analysis.report import DetailValue, Finding
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.view import (
    REPEAT_TEXT_LIMIT,
    REPEAT_TEXTS,
    ConversationView,
    MessageView,
)

_fastscan: ModuleType | None
try:
    from unsnare import _fastscan
except ImportError:  # pragma: no cover - built by `pip install -e .`; Python gates then
    _fastscan = None


class Detector(ABC):
    """Base class: a named, versioned reader of conversations.

    `MessageView.words` holds only words that some detector declared in its
    `vocabulary` (pattern detectors declare their rule keys automatically).
    """

    name: ClassVar[str] = ""
    version: ClassVar[str] = "1"

    def vocabulary(self) -> frozenset[str]:
        """The words this detector needs to find in `MessageView.words`."""
        return frozenset()

    def prefilter_words(self) -> frozenset[str] | None:
        """Words of which one must be in a message for it to matter (None: all matter)."""
        return None

    @abstractmethod
    def detect(self, conversation: ConversationView) -> list[Finding]:
        """The findings in this conversation."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern: what it matches, how much it matters, and why.

    `pattern` is a regular expression over folded text (lower case, no
    accents). `boost` is a context pattern anywhere in the same message that
    adds `boost_by` to the score; `requires` is a context pattern that must
    be in the same message; `unless` is a context pattern that vetoes the
    match (e.g. "of your dog").
    """

    pattern: str
    score: float
    explanation: str
    detail: tuple[tuple[str, DetailValue], ...] = ()
    langs: tuple[str, ...] = ("en",)
    boost: str | None = None
    boost_by: float = 0.15
    unless: str | None = None
    requires: str | None = None
    # Words (folded, space-separated) of which one must be in the message before
    # the pattern is tried: the cheap prefilter. Empty means "always try".
    keys: str = ""
    # A stable name for the rule within its detector. Left empty, a name is made
    # from the pattern and languages (see `rule_name`), so a new rule needs none.
    name: str = ""


# Keys a pattern finding adds to its detail to explain its score (after any
# detail of the rule itself): the rule that fired, the rule's base score, and
# each adjustment made from the context (added, a change, or a factor).
RULE = "rule"
BASE_SCORE = "base_score"
ADJUST_BOOST = "adjust_boost"
ADJUST_VALIDATE = "adjust_validate"
ADJUST_REPORTED_SPEECH = "adjust_reported_speech"
EXPLANATION_KEYS = frozenset(
    {RULE, BASE_SCORE, ADJUST_BOOST, ADJUST_VALIDATE, ADJUST_REPORTED_SPEECH}
)


def rule_name(detector: str, rule: Rule) -> str:
    """The rule's stable name: ``detector/name``, or ``detector/`` and a digest.

    The digest is of the pattern and the languages, so adding, removing or
    reordering other rules never renames this one; editing its pattern does
    (give it an explicit `name` to keep one across such edits).
    """
    if rule.name:
        return f"{detector}/{rule.name}"
    digest = hashlib.sha256(f"{rule.pattern}\0{','.join(rule.langs)}".encode()).hexdigest()
    return f"{detector}/{digest[:10]}"


class _Compiled:
    """One rule of a detector, its patterns compiled on first use.

    Compiling every pattern of every rule when a detector is made was most of
    the Analyzer's start-up; a run meets only the rules whose key words and
    required strings some message holds, so each is compiled when first tried
    (the same patterns, so the same matches)."""

    __slots__ = ("name", "rule", "keys", "_pattern", "_regex", "_boost", "_unless", "_requires")

    def __init__(self, name: str, rule: Rule, keys: frozenset[str]) -> None:
        self.name = name
        self.rule = rule
        self.keys = keys
        self._pattern: str | None = None
        self._regex: re.Pattern[str] | None = None
        self._boost: re.Pattern[str] | None = None
        self._unless: re.Pattern[str] | None = None
        self._requires: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        """The rule's pattern with its spaces loosened (what `regex` compiles)."""
        if self._pattern is None:
            self._pattern = loosen_spaces(self.rule.pattern)
        return self._pattern

    def _load(self) -> re.Pattern[str]:
        rule = self.rule
        self._boost = _re(rule.boost) if rule.boost else None
        self._unless = _re(rule.unless) if rule.unless else None
        self._requires = _re(rule.requires) if rule.requires else None
        self._regex = regex = re.compile(self.pattern)
        return regex

    @property
    def regex(self) -> re.Pattern[str]:
        """The rule's pattern, compiled."""
        regex = self._regex
        return regex if regex is not None else self._load()

    @property
    def boost(self) -> re.Pattern[str] | None:
        """Words that raise the rule's score in a message, compiled (None: none)."""
        if self._regex is None:
            self._load()
        return self._boost

    @property
    def unless(self) -> re.Pattern[str] | None:
        """Words that veto the rule in a message, compiled (None: none)."""
        if self._regex is None:
            self._load()
        return self._unless

    @property
    def requires(self) -> re.Pattern[str] | None:
        """Words the message must hold for the rule, compiled (None: none)."""
        if self._regex is None:
            self._load()
        return self._requires


def loosen_spaces(pattern: str) -> str:
    """Let each literal space in a pattern match any run of white space.

    Chat text has double spaces and line breaks mid-sentence; rules are
    easier to read written with single spaces. Spaces inside a character
    class (``[- ]``) and escaped ones are left alone.
    """
    out: list[str] = []
    in_class = escaped = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        nxt = pattern[i + 1] if i + 1 < len(pattern) else ""
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch == " " and nxt in ("?", "*"):
            out.append(r"\s*")  # an optional space: any white space or none
            i += 1
        elif ch == " " and nxt == "{":
            out.append(r"\s")  # a counted space keeps its count
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(loosen_spaces(pattern))


def _compile(name: str, rule: Rule, default_keys: frozenset[str]) -> _Compiled:
    return _Compiled(name, rule, frozenset(rule.keys.split()) or default_keys)


# A message that repeats a threat a thousand times needs a few findings, not a
# thousand; the cap also keeps a hostile 20,000-character message fast.
MAX_FINDINGS_PER_RULE = 3


class PatternDetector(Detector):
    """A detector defined by a table of rules for one tactic."""

    tactic: ClassVar[Tactic]
    rules: ClassVar[tuple[Rule, ...]] = ()
    # Extra words that make a message a candidate; the union of the rules'
    # `keys` is added automatically. Most ordinary messages hold none of them
    # and skip every rule.
    triggers: ClassVar[frozenset[str]] = frozenset()

    def __init__(self) -> None:
        # A rule without its own keys is gated by the detector's `triggers`.
        self._compiled = [
            _compile(rule_name(self.name, r), r, self.triggers) for r in self.rules
        ]
        keys: set[str] = set()
        for c in self._compiled:
            keys |= c.keys
        # A rule with no keys at all must see every message.
        self._all_messages = not self._compiled or any(not c.keys for c in self._compiled)
        self._triggers = frozenset(keys)
        self._by_lang: dict[str, list[_Compiled]] = {}
        self._plans: dict[tuple[str, ...], _Plan] = {}
        for c in self._compiled:
            for lang in c.rule.langs:
                self._by_lang.setdefault(lang, []).append(c)

    def rule_names(self) -> tuple[str, ...]:
        """The stable name of each rule, in table order."""
        return tuple(c.name for c in self._compiled)

    def compile_rules(self) -> None:
        """Compile every rule's patterns now (they are otherwise compiled when first
        tried): a plug-in's broken pattern then stops it as it loads, naming it."""
        for c in self._compiled:
            c.regex  # noqa: B018 - the property compiles the rule's patterns

    def vocabulary(self) -> frozenset[str]:
        """Every key word of every rule, and the triggers."""
        return self._triggers | self.triggers

    def prefilter_words(self) -> frozenset[str] | None:
        """The words that make a message a candidate (None: every message is)."""
        return None if self._all_messages else self._triggers

    def candidates(self, conversation: ConversationView) -> Iterable[MessageView]:
        """Messages that pass the prefilter."""
        if self._all_messages:
            yield from conversation.messages
            return
        pre = conversation.messages_for(self.name)
        if pre is not None:
            yield from pre
            return
        trig = self._triggers
        for m in conversation.messages:
            if not trig.isdisjoint(m.words):
                yield m

    def validate(
        self, message: MessageView, match: re.Match[str], rule: Rule, score: float
    ) -> float | None:
        """Hook: adjust the score of a match, or return None to drop it."""
        return score

    def extra_detail(
        self, message: MessageView, match: re.Match[str], rule: Rule
    ) -> tuple[tuple[str, DetailValue], ...]:
        """Hook: detail worked out from the match (such as an amount)."""
        return ()

    def _plan(self, langs: tuple[str, ...]) -> _Plan:
        """The rules for these languages, in order, and how to choose among them."""
        plan = self._plans.get(langs)
        if plan is None:
            rules = [c for lang in langs for c in self._by_lang.get(lang, ())]
            plan = self._plans[langs] = _Plan(rules)
        return plan

    def detect(self, conversation: ConversationView) -> list[Finding]:
        """Apply every rule of the conversation's languages to prefiltered messages.

        Rules run in table order within a message (an earlier rule's span is
        taken first). A rule runs only where its keys are among the message's
        words and its required strings are in the text (the scanner); the
        latter only ever skips a rule that could not match.
        """
        plan = self._plan(conversation.languages())
        if not plan.rules:
            return []
        rules, scan, allowed = plan.rules, plan.scan, plan.allowed
        out: list[Finding] = []
        # A short text's rule hits, worked out once per text (the same text comes
        # again: "send pic", a pasted threat); the hooks still see each message.
        hits_of: dict[tuple[str, int], tuple[tuple[_Compiled, _Scan], ...]] = {}
        for m in self.candidates(conversation):
            words = m.words
            mask = allowed.get(words)
            if mask is None:
                mask = allowed[words] = plan.mask_of(words)
            if not mask:
                continue
            folded = m.folded
            if len(folded) <= REPEAT_TEXT_LIMIT:
                key = (folded, mask)
                hits = hits_of.get(key)
                if hits is None:
                    hits = _hits(rules, scan(folded), mask, folded)
                    if len(hits_of) < REPEAT_TEXTS:
                        hits_of[key] = hits
                if hits:
                    taken: list[tuple[int, int]] = []
                    about: list[bool] = []  # asked once per message, when a finding needs it
                    for c, hit in hits:
                        self._take(m, c, hit.matches, hit.base, hit.boosted, taken, about, out)
                continue
            self._detect_long(m, rules, scan(folded), mask, out)
        return out

    def _detect_long(
        self,
        m: MessageView,
        rules: list[_Compiled],
        positions: tuple[int, ...],
        mask: int,
        out: list[Finding],
    ) -> None:
        """A long text's findings, each rule's matches read only up to its cap
        (a hostile 20,000-character message may hold thousands)."""
        taken: list[tuple[int, int]] = []
        about: list[bool] = []
        folded = m.folded
        for j in positions:
            if not mask >> j & 1:
                continue
            c = rules[j]
            base: float | None = None  # the rule's score in this message, once known
            boosted = False
            found = 0
            for match in (c._regex or c._load()).finditer(folded):
                if found >= MAX_FINDINGS_PER_RULE:
                    break
                s, e = match.span()
                if any(s < te and ts < e for ts, te in taken):
                    continue
                if base is None:
                    # Context is about the whole message: look it up once per rule.
                    base, boosted = _context(c, folded)
                    if base is None:
                        break
                found += self._take(m, c, (match,), base, boosted, taken, about, out)

    def _take(
        self,
        m: MessageView,
        c: _Compiled,
        matches: Iterable[re.Match[str]],
        base: float,
        boosted: bool,
        taken: list[tuple[int, int]],
        about: list[bool],
        out: list[Finding],
    ) -> int:
        """Turn matches of one rule into findings (at most the rule's cap in a message)."""
        found = 0
        for match in matches:
            if found >= MAX_FINDINGS_PER_RULE:
                break
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            given = min(base, 1.0)
            checked = self.validate(m, match, c.rule, given)
            if checked is None:
                continue
            taken.append((s, e))
            found += 1
            detail = c.rule.detail + self.extra_detail(m, match, c.rule)
            why: tuple[tuple[str, DetailValue], ...] = (
                (RULE, c.name),
                (BASE_SCORE, c.rule.score),
            )
            if boosted:
                why += ((ADJUST_BOOST, c.rule.boost_by),)
            if checked != given:
                why += ((ADJUST_VALIDATE, round(checked - given, 3)),)
            if not about:
                about.append(talks_about_abuse(m.folded))
            if about[0]:
                checked *= ABOUT_ABUSE_FACTOR
                detail += (("reported_speech", True),)
                why += ((ADJUST_REPORTED_SPEECH, ABOUT_ABUSE_FACTOR),)
            detail += why
            out.append(
                Finding(
                    message_id=m.id,
                    start=s,
                    end=e,
                    tactic=self.tactic,
                    detector=self.name,
                    version=self.version,
                    score=round(min(checked, 1.0), 3),
                    explanation=c.rule.explanation,
                    detail=detail,
                )
            )
        return found


@dataclass(frozen=True, slots=True)
class _Scan:
    """One rule's matches in one text, and the score the text's context gives."""

    matches: tuple[re.Match[str], ...]
    base: float
    boosted: bool


def _context(c: _Compiled, folded: str) -> tuple[float | None, bool]:
    """The rule's score in this text from its context words, and whether boosted
    (None when `unless` or a missing `requires` vetoes it)."""
    # The slots, not the properties: called only after the rule's regex matched,
    # so its parts are compiled (this runs once per rule and text that match).
    unless, requires, boost = c._unless, c._requires, c._boost
    if unless is not None and unless.search(folded):
        return None, False
    if requires is not None and not requires.search(folded):
        return None, False
    if boost is not None and boost.search(folded):
        return c.rule.score + c.rule.boost_by, True
    return c.rule.score, False


def _hits(
    rules: list[_Compiled], positions: tuple[int, ...], mask: int, folded: str
) -> tuple[tuple[_Compiled, _Scan], ...]:
    """The rules (of those at `positions` that `mask` allows) that match in a
    text its context does not veto, in order, with their matches and score."""
    out: list[tuple[_Compiled, _Scan]] = []
    for j in positions:
        if mask >> j & 1:
            c = rules[j]
            matches = tuple((c._regex or c._load()).finditer(folded))
            if matches:
                base, boosted = _context(c, folded)
                if base is not None:
                    out.append((c, _Scan(matches, base, boosted)))
    return tuple(out)


class _Plan:
    """One detector's rules for one set of languages, as positions in a list
    (a rule of two of the languages comes twice, as it always has), and how to
    choose the positions worth trying for a message: its words allow those
    whose keys it holds (a bit mask, worked out once per distinct word set) and
    `scan` gives those whose required strings are all in the text."""

    __slots__ = ("rules", "scan", "allowed", "_keyless", "_by_word")

    def __init__(self, rules: list[_Compiled]) -> None:
        self.rules = rules
        self.scan = _scanner(rules)
        self.allowed: dict[frozenset[str], int] = {}
        self._keyless = 0
        self._by_word: dict[str, int] = {}
        for j, c in enumerate(rules):
            if not c.keys:
                self._keyless |= 1 << j
            for w in c.keys:
                self._by_word[w] = self._by_word.get(w, 0) | 1 << j

    def mask_of(self, words: frozenset[str]) -> int:
        """The positions whose rule has no keys or a key among `words`."""
        mask = self._keyless
        by_word = self._by_word
        for w in words:
            mask |= by_word.get(w, 0)
        return mask


# How rules are chosen per text: "compiled" (unsnare._fastscan, every required
# string of every rule in one pass), "python" (each rule's literal gate), or
# "plain" (every rule tried: the reference the other two must equal). Read
# when a detector first sees a set of languages.
SCAN_MODE = "compiled"


def _scanner(rules: list[_Compiled]) -> Callable[[str], tuple[int, ...]]:
    """What the rules at each position need (see literals.py), worked out only
    here, for the rules of the languages met: parsing every pattern of every
    language when a detector is made would double the start-up time."""
    every = tuple(range(len(rules)))
    if SCAN_MODE == "plain":
        return lambda text: every
    if SCAN_MODE == "compiled" and _fastscan is not None:
        needs = [required_alternatives(c.pattern) for c in rules]
        return cast(Callable[[str], tuple[int, ...]], _fastscan.Scanner(needs).scan)
    # A test per rule: False for a text its pattern cannot match in; None: always try.
    gates = [(j, literal_gate(c.pattern)) for j, c in enumerate(rules)]
    return lambda text: tuple(j for j, gate in gates if gate is None or gate(text))
