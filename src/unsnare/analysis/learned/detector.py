"""The learned layer as a detector: it reads every message, beside the rules.

The rules explain themselves with a pattern and a sentence; the model catches
wording no rule was written for (other languages, passive threats, unusual
word order). When it flags a message that no rule explains, the finding says
so in plain words, gives the model's score, and points at the words that
weighed most, so it is never an unexplained number.

A message is also read with the one or two messages before it from the same
sender: a threat split in two ("i still have them" ... "ur family will love
them") adds up, where each half alone is too weak.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar, cast

import numpy as np
import numpy.typing as npt

from unsnare.analysis.base import Detector
from unsnare.analysis.context import ABOUT_ABUSE_FACTOR, talks_about_abuse
from unsnare.analysis.learned.features import MAX_CHARS
from unsnare.analysis.learned.heads import OVERALL, TACTIC_CAP
from unsnare.analysis.learned.model import Floats, LearnedModel
from unsnare.analysis.report import Finding
from unsnare.analysis.risk import ROOM_SENDERS
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.view import ConversationView, MessageView

# What a flagged message "reads like", for each tactic, in words a frightened
# 15-year-old or a police officer can follow.
READS_LIKE: dict[Tactic, str] = {
    Tactic.THREAT_TO_EXPOSE: "a threat to share your pictures or secrets with other people",
    Tactic.PAYMENT_DEMAND: "a demand for money",
    Tactic.DEADLINE: "pressure to act within a time limit",
    Tactic.HACKING_CLAIM: "a claim to have hacked your device, camera or accounts",
    Tactic.IMAGE_REQUEST: "a request for pictures, videos or a video call",
    Tactic.SEXUAL_CONTENT: "sexual talk",
    Tactic.GROOMING: "an adult building secret closeness with a young person (grooming)",
    Tactic.FALSE_IDENTITY: "someone lying about who they are",
    Tactic.STOLEN_CONTENT: "a claim to have saved or recorded your pictures or chats",
    Tactic.SELF_HARM_PRESSURE: "pressure towards self-harm, or despair",
}
# The overall head (any tactic of the scheme against ordinary talk) is read
# where no tactic head is sure; the engine keeps its finding only beside a rule
# that read the message below medium (see engine.combine_layers).
READS_OVERALL = "the kind of message sent by people who groom or blackmail"

# Scores the model's findings carry into the risk: from medium at the threshold
# to at most SCORE_CAP, below the rules' strongest, because a pattern that
# names the threat outright is firmer evidence than a statistical reading.
# Some tactics stay lower (TACTIC_CAP, in heads.py).
SCORE_FLOOR = 0.42
SCORE_CAP = 0.6
# Messages shorter than this (in letters) say too little to score alone.
MIN_LETTERS = 6
# A window adds the earlier messages' weight at this fraction.
WINDOW_WEIGHT = 0.6
WINDOW_SIZE = 2

_WORD = re.compile(r"[^\W_]+")
RAPPORT = frozenset(
    {Tactic.GROOMING, Tactic.SEXUAL_CONTENT, Tactic.FALSE_IDENTITY, Tactic.IMAGE_REQUEST}
)


class LearnedDetector(Detector):
    """Scores every message with the shipped multilingual n-gram model."""

    name: ClassVar[str] = "learned"
    version: ClassVar[str] = "1"

    def __init__(self, model: LearnedModel | None = None) -> None:
        self._model = model if model is not None else LearnedModel.load()
        outputs = self._model.outputs
        # The tactic heads come first; a model built before the overall head
        # existed has none, and then the detector reads the tactic heads only.
        self._overall = outputs.index(OVERALL) if OVERALL in outputs else None
        self._tactics = tuple(Tactic(o) for o in outputs if o != OVERALL)
        self._thresholds = tuple(float(t) for t in self._model.thresholds)
        self._half = np.array(self._thresholds, dtype=np.float32) / 2
        self._rapport = [j for j, t in enumerate(self._tactics) if t in RAPPORT]
        if self._overall is not None:
            self._rapport.append(self._overall)
        self.version = self._model.version  # type: ignore[misc]

    @property
    def model(self) -> LearnedModel:
        """The model behind this detector."""
        return self._model

    def detect(self, conversation: ConversationView, *, context: int = 0) -> list[Finding]:
        """Findings for messages the model is confident about. The first `context`
        messages are read for the windows of the messages after them only: they get
        no findings (a reader that saw them before asks for the new ones)."""
        messages = conversation.messages
        if len(messages) <= context:
            return []
        model = self._model
        if len(messages) == 1 and len(messages[0].folded) <= CHUNK_ABOVE:
            return self._detect_one(messages[0])
        # Each distinct text is scored once; texts too short to say anything
        # ("ok", "lol", a lone emoji) are not scored at all.
        texts: list[str] = []
        starts: list[int] = []  # where each distinct text's pieces begin in `texts`
        slot: dict[str, int] = {}
        row_of: list[int] = []  # each message's distinct text, or -1 when skipped
        for m in messages:
            folded = m.folded
            if len(folded) < MIN_LETTERS:
                row_of.append(-1)
                continue
            row = slot.get(folded)
            if row is None:
                row = slot[folded] = len(starts)
                starts.append(len(texts))
                if len(folded) > CHUNK_ABOVE:
                    texts.extend(text for _, text in chunks(folded))
                else:
                    texts.append(folded)
            row_of.append(row)
        if not starts:
            return []
        pieces = model.batch_margins(texts)
        if len(texts) == len(starts):
            distinct = pieces
        else:
            # A long message (an email) is read a few sentences at a time, and
            # counts at its strongest piece: a phishing email's many "your
            # account" sentences must not add up to a threat no sentence makes.
            distinct = np.maximum.reduceat(pieces, np.array(starts, dtype=np.intp), axis=0)
        # Margins and probabilities are kept per distinct text (a row for each,
        # and one for the skipped), and looked up through each message's row:
        # a row per message would hold hundreds of MB on a million messages.
        if len(row_of) == len(starts):  # no message skipped, none repeated
            margins, rows = distinct, None
        else:
            empty = np.full((1, distinct.shape[1]), -50.0, dtype=np.float32)
            margins, rows = np.concatenate([distinct, empty]), np.array(row_of, dtype=np.intp)
        probs = model.probabilities(margins)
        # The model learned grooming from one adult writing to one young person.
        # In a room where many people talk, its reading of rapport (grooming,
        # sexual talk, a lie about age) is not reliable; threats and demands are.
        if len(messages) >= ROOM_SENDERS and len({m.sender for m in messages}) >= ROOM_SENDERS:
            probs[:, self._rapport] = 0.0
        return self._findings(messages, margins, probs, rows, context)

    def _findings(
        self,
        messages: Sequence[MessageView],
        margins: Floats,
        probs: Floats,
        rows: npt.NDArray[np.intp] | None,
        context: int,
    ) -> list[Finding]:
        """The findings of a conversation's messages from the margins and
        probabilities of their rows (message k's row is rows[k], or k when rows
        is None): alone, or with the sender's messages before them (the first
        `context` messages count in the windows only)."""

        def row(at: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
            return at if rows is None else rows[at]

        # Only messages at half a threshold or more can give a finding, alone or
        # with the ones before them: one vector test for the whole conversation.
        near_rows = cast(npt.NDArray[np.bool_], (probs >= self._half).any(axis=1))
        near = np.nonzero(near_rows if rows is None else near_rows[rows])[0]
        near = near[near >= context]
        if len(near) == 0:
            return []
        # Too few letters to say anything: worked out once per distinct text.
        letters: dict[str, bool] = {}
        keep: list[int] = []
        for k in near.tolist():
            folded = messages[k].folded
            enough = letters.get(folded)
            if enough is None:
                enough = letters[folded] = _letters(folded) >= MIN_LETTERS
            if enough:
                keep.append(k)
        if not keep:
            return []
        cand = np.array(keep, dtype=np.intp)
        p = probs[row(cand)]
        # The window: each message with the sender's one or two messages before
        # it, for all of them at once (the same float32 operations, row by row,
        # as one message at a time: an earlier message's positive margins
        # summed, weighed and added to this one's).
        prev1, prev2 = _previous_two(messages, cand)
        has_window = prev1 >= 0
        window = np.zeros_like(p)
        if has_window.any():
            w = np.nonzero(has_window)[0]
            earlier = np.maximum(margins[row(prev1[w])], 0.0)
            two = prev2[w] >= 0
            if two.any():
                earlier[two] = np.maximum(margins[row(prev2[w][two])], 0.0) + earlier[two]
            # (float32 throughout: NumPy keeps a float32 array's type with a Python float)
            weighed = cast(Floats, margins[row(cand[w])] + WINDOW_WEIGHT * earlier)
            window[w] = self._model.probabilities(weighed)
        # A head reads the window only when the message alone is at least half-way.
        thresholds = self._model.thresholds
        lift = (p < thresholds) & (p >= self._half) & has_window[:, None] & (window >= thresholds)
        value = np.where(lift, window, p)
        fires = value >= thresholds
        n_tactics = len(self._tactics)
        o = self._overall
        tactic_fires = fires[:, :n_tactics].any(axis=1)
        any_fires = tactic_fires | fires[:, o] if o is not None else tactic_fires
        firing = np.nonzero(any_fires)[0]
        if len(firing) == 0:
            return []
        by_tactic = cast(list[bool], tactic_fires.tolist())
        windowed = cast(list[bool], has_window.tolist())
        out: list[Finding] = []
        # Threats are pasted again and again: each text's key words are worked
        # out once per conversation (measured: half of this detector's time).
        evidence: dict[tuple[str, int], tuple[int, int, list[str]]] = {}
        about_of: dict[str, bool] = {}
        for r in firing.tolist():
            m = messages[int(cand[r])]
            about = about_of.get(m.folded)
            if about is None:
                about = about_of[m.folded] = talks_about_abuse(m.folded)
            if by_tactic[r]:
                for j in np.nonzero(fires[r, :n_tactics])[0].tolist():
                    out.append(
                        self._finding(
                            m, self._tactics[j], j, float(value[r, j]), bool(lift[r, j]),
                            evidence, about,
                        )
                    )
            elif o is not None:
                closest = self._closest(window[r] if windowed[r] else p[r])
                out.append(
                    self._finding(
                        m, closest, o, float(value[r, o]), bool(lift[r, o]), evidence, about
                    )
                )
        return out

    def _detect_one(self, m: MessageView) -> list[Finding]:
        """One message alone (a paste, an API call): the plain-Python path."""
        if len(m.folded) < MIN_LETTERS or _letters(m.folded) < MIN_LETTERS:
            return []
        probs = self._model.one_probabilities(m.folded)
        heads = [
            (tactic, j) for j, tactic in enumerate(self._tactics) if probs[j] >= self._thresholds[j]
        ]
        o = self._overall
        if not heads and o is not None and probs[o] >= self._thresholds[o]:
            heads = [(self._closest(np.array(probs, dtype=np.float32)), o)]
        if not heads:
            return []
        about = talks_about_abuse(m.folded)  # (asked only when there is a finding)
        return [self._finding(m, tactic, j, probs[j], False, {}, about) for tactic, j in heads]

    def _read(
        self, probs: np.ndarray, window: np.ndarray | None, j: int
    ) -> tuple[float, bool]:
        """One head's probability for a message, or with the messages before it
        when the message alone is at least half-way to the threshold."""
        p = float(probs[j])
        threshold = self._thresholds[j]
        if p < threshold and window is not None and p >= threshold / 2:
            q = float(window[j])
            if q >= threshold:
                return q, True
        return p, False

    def _closest(self, probs: np.ndarray) -> Tactic:
        """The tactic head nearest its threshold: what an overall reading is most like."""
        ratios = [float(probs[j]) / self._thresholds[j] for j in range(len(self._tactics))]
        return self._tactics[int(np.argmax(ratios))]

    def _finding(
        self,
        m: MessageView,
        tactic: Tactic,
        output: int,
        p: float,
        via_window: bool,
        evidence: dict[tuple[str, int], tuple[int, int, list[str]]],
        about: bool,
    ) -> Finding:
        key = (m.folded, output)
        found = evidence.get(key)
        if found is None:
            found = evidence[key] = self._evidence(m.folded, output)
        start, end, words = found
        overall = output == self._overall
        reads = (
            READS_OVERALL if overall else READS_LIKE.get(tactic, str(tactic).replace("_", " "))
        )
        context = " together with the message before it" if via_window else ""
        if overall:
            # Kept only beside a rule that read the message below medium.
            explanation = (
                f"A rule saw a warning sign here, and the whole message reads like {reads} "
                f"(learned model, overall score {p:.2f})."
            )
        else:
            explanation = (
                f"This message reads like {reads}{context} "
                f"(learned model, score {p:.2f}; no rule matched the wording)."
            )
        threshold = self._thresholds[output]
        rise = (p - threshold) / (1.0 - threshold) if threshold < 1.0 else 1.0
        score = SCORE_FLOOR + (SCORE_CAP - SCORE_FLOOR) * max(0.0, min(1.0, rise))
        if not overall:  # the engine caps an overall finding by the rule's tactic
            score = min(score, TACTIC_CAP.get(tactic, SCORE_CAP))
        detail: tuple[tuple[str, str | float | bool], ...] = (
            ("layer", "model"),
            ("model_score", round(p, 3)),
        )
        if overall:
            # Which head spoke, and the tactic it is most like (the finding's tactic).
            detail += (("head", OVERALL), ("closest_tactic", str(tactic)))
        # A warning or a news report describing the scheme ("scammers threaten to
        # send the video to your contacts") weighs as little here as in the rules.
        if about:
            score *= ABOUT_ABUSE_FACTOR
            detail += (("reported_speech", True),)
        score = round(score, 3)
        if words:
            detail += (("key_words", ", ".join(words)),)
        if via_window:
            detail += (("with_previous_messages", True),)
        return Finding(
            message_id=m.id,
            start=start,
            end=end,
            tactic=tactic,
            detector=self.name,
            version=self.version,
            score=score,
            explanation=explanation,
            detail=detail,
        )

    def _evidence(self, folded: str, output: int) -> tuple[int, int, list[str]]:
        """The span of the words that weighed most, and those words."""
        if len(folded) > CHUNK_ABOVE:
            # The strongest piece of a long message, then the words within it.
            parts = chunks(folded)
            scored = self._model.batch_margins([t for _, t in parts])[:, output]
            at, piece = parts[int(np.argmax(scored))]
            s, e, words = (
                self._evidence(piece, output) if len(piece) <= CHUNK_ABOVE else (0, len(piece), [])
            )
            return at + s, at + e, words
        per_word = self._model.word_weights(folded, output)
        top = [w for w, v in sorted(per_word.items(), key=lambda kv: -kv[1])[:4] if v > 0]
        spans: list[tuple[int, int]] = []
        for w in top:
            hit = re.search(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])", folded)
            if hit:
                spans.append(hit.span())
        if not spans:
            return 0, len(folded), top
        spans.sort()
        # The tightest run of nearby key words (a whole email is not a span).
        start, end = spans[0]
        for s, e in spans[1:]:
            if s - end <= 80:
                end = max(end, e)
        return start, end, top


# Messages longer than this are read in pieces of a few sentences.
CHUNK_ABOVE = 320
_SENTENCE_END = re.compile(r"(?<=[.!?;\n])\s+|\n")


def chunks(folded: str) -> list[tuple[int, str]]:
    """A long text cut into pieces of whole sentences (at most about CHUNK_ABOVE
    characters each), with where each piece starts."""
    out: list[tuple[int, str]] = []
    start = 0
    piece_start = 0
    limit = min(len(folded), MAX_CHARS)
    for m in _SENTENCE_END.finditer(folded, 0, limit):
        end = m.start()
        if end - piece_start > CHUNK_ABOVE and start > piece_start:
            out.append((piece_start, folded[piece_start:start]))
            piece_start = start
        start = m.end()
    if piece_start < limit:
        tail = folded[piece_start:limit]
        # A piece with no sentence end at all is cut at the limit.
        for i in range(0, len(tail), CHUNK_ABOVE * 2):
            out.append((piece_start + i, tail[i : i + CHUNK_ABOVE * 2]))
    return out or [(0, folded[:CHUNK_ABOVE])]


def _letters(text: str) -> int:
    return sum(len(w) for w in _WORD.findall(text[:200]))


def _previous_two(
    messages: Sequence[MessageView], at: npt.NDArray[np.intp]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """For the messages at `at`, the positions of the same sender's message
    just before and the one before that (-1 where there is none)."""
    codes: dict[str | None, int] = {}
    sender = np.array([codes.setdefault(m.sender, len(codes)) for m in messages], dtype=np.intp)
    order = np.argsort(sender, kind="stable")  # each sender's messages, in order
    same = np.zeros(len(order), dtype=bool)
    same[1:] = sender[order[1:]] == sender[order[:-1]]
    before = np.full(len(order), -1, dtype=np.intp)
    before[order[1:][same[1:]]] = order[:-1][same[1:]]
    prev1 = before[at]
    prev2 = np.where(prev1 >= 0, before[np.maximum(prev1, 0)], -1)
    return prev1, prev2
