"""Reading a conversation as it arrives: each new message costs a few messages' work.

A platform posts messages one by one. Re-reading the whole history for each would
cost more with every message; this module keeps a compact state instead (the
language counts, each sender's last messages, the escalation detector's memory,
the findings so far and a few counts) and reads only the new messages with the
little context the detectors need. The report after any step equals
`Analyzer.analyze` of the whole conversation so far (risk, scheme, stage and
stages, findings, crisis, language, offenders); only the identifiers are left out
(they are read from the whole conversation when a report is built).

What makes that possible: a rule reads one message; the learned layer reads a
message with its sender's `WINDOW_SIZE` messages before it; the escalation
detector carries a small memory from message to message. Two things reach back
over the whole history, and when either changes the state is rebuilt from every
message (`Step.rebuilt`), once: the rule languages (the language guess firms up
in the first messages, and is fixed after the first 500), and a conversation
becoming a room of `ROOM_SENDERS` writers (the learned layer then stops reading
rapport). A detector this module does not know (a plug-in) also means a rebuild
on every step: slower, never different.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import chain
from operator import itemgetter

from unsnare.analysis.base import PatternDetector
from unsnare.analysis.crisis import crisis_in
from unsnare.analysis.detectors.escalating_demands import EscalatingDemandsDetector
from unsnare.analysis.engine import Analyzer, combine_layers, rank_roles, to_original_spans
from unsnare.analysis.language import (
    SCRIPT_SAMPLE,
    WORD_SAMPLE,
    LanguageGuess,
    count_scripts,
    count_stopwords,
    guess_from_counts,
    new_scores,
    rule_languages,
)
from unsnare.analysis.learned.detector import (
    CHUNK_ABOVE,
    MIN_LETTERS,
    RAPPORT,
    WINDOW_SIZE,
    LearnedDetector,
    chunks,
)
from unsnare.analysis.learned.heads import OVERALL
from unsnare.analysis.report import AnalysisReport, Finding, StageReached
from unsnare.analysis.risk import ROOM_SENDERS, conclude
from unsnare.analysis.stages import first_positions, furthest
from unsnare.analysis.tactics import STAGE_ORDER, Scheme, Stage
from unsnare.analysis.text import tokens
from unsnare.analysis.view import ConversationView, MessageView
from unsnare.models import Conversation, Message, MessageKind, Source

FORMAT = 1
# Read with the learned layer when a window would otherwise hold a single text:
# NumPy then sums in another order than over a whole conversation (see `_pad`).
_FILLER = "placeholder words that carry no meaning here"

_Sender = str | None
# A message kept for context: position, id, sender, time, text.
_Kept = tuple[int, str, _Sender, datetime | None, str]


@dataclass
class StreamState:
    """What is kept of a conversation between steps (JSON with `dumps`/`loads`)."""

    signature: str = ""
    count: int = 0  # messages of any kind so far (positions)
    persons: int = 0  # messages people wrote (what the detectors read)
    first: tuple[int, str, datetime | None] | None = None
    senders: list[_Sender] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    images: list[tuple[int, str, datetime | None]] = field(default_factory=list)
    letters: int = 0
    scripts: dict[str, int] = field(default_factory=dict)
    script_texts: int = 0
    stops: dict[str, int] = field(default_factory=new_scores)
    stop_seen: int = 0
    word_texts: int = 0
    langs: tuple[str, ...] | None = None  # the rule languages the findings were read with
    room: bool = False
    learned_texts: str | bool | None = None  # None, the one text so far, or True: several
    recent: dict[_Sender, list[_Kept]] = field(default_factory=dict)
    highest: dict[_Sender, float] = field(default_factory=dict)
    complied: set[_Sender] = field(default_factory=set)
    # Each finding (roles not yet applied) with its detector's place, position, sender, time.
    findings: list[tuple[int, int, _Sender, datetime | None, Finding]] = field(
        default_factory=list
    )
    crisis: list[tuple[str, _Sender]] = field(default_factory=list)
    # Whose findings the last report left out (the person targeted), to tell when
    # findings of earlier messages come or go.
    targets: list[_Sender] = field(default_factory=list)

    def dumps(self) -> str:
        """The state as compact JSON."""
        return json.dumps({
            "format": FORMAT, "signature": self.signature, "count": self.count,
            "persons": self.persons,
            "first": None if self.first is None else _row(self.first),
            "senders": self.senders, "owners": self.owners,
            "images": [_row(i) for i in self.images],
            "letters": self.letters, "scripts": self.scripts,
            "script_texts": self.script_texts, "stops": self.stops,
            "stop_seen": self.stop_seen, "word_texts": self.word_texts,
            "langs": self.langs, "room": self.room, "learned_texts": self.learned_texts,
            "recent": [[s, [_row(k) for k in kept]] for s, kept in self.recent.items()],
            "highest": [[s, v] for s, v in self.highest.items()],
            "complied": sorted(self.complied, key=lambda s: (s is None, s or "")),
            "findings": [[d, p, s, _when(t), f.to_dict()] for d, p, s, t, f in self.findings],
            "crisis": [list(c) for c in self.crisis],
            "targets": sorted(self.targets, key=lambda s: (s is None, s or "")),
        }, separators=(",", ":"))

    @classmethod
    def loads(cls, text: str) -> StreamState:
        """A state stored with `dumps` (an older format gives an empty state)."""
        data = json.loads(text)
        if data.get("format") != FORMAT:
            return cls()
        first = data["first"]
        return cls(
            signature=data["signature"], count=data["count"], persons=data["persons"],
            first=None if first is None else (first[0], first[1], _time(first[2])),
            senders=data["senders"], owners=data["owners"],
            images=[(p, i, _time(t)) for p, i, t in data["images"]],
            letters=data["letters"], scripts=data["scripts"],
            script_texts=data["script_texts"], stops=data["stops"],
            stop_seen=data["stop_seen"], word_texts=data["word_texts"],
            langs=None if data["langs"] is None else tuple(data["langs"]),
            room=data["room"], learned_texts=data["learned_texts"],
            recent={s: [(p, i, w, _time(t), x) for p, i, w, t, x in kept]
                    for s, kept in data["recent"]},
            highest={s: float(v) for s, v in data["highest"]},
            complied=set(data["complied"]),
            findings=[(d, p, s, _time(t), Finding.from_dict(f))
                      for d, p, s, t, f in data["findings"]],
            crisis=[(i, s) for i, s in data["crisis"]],
            targets=data["targets"],
        )

    def guess(self) -> LanguageGuess:
        """The language guess `build_view` would make from the same messages."""
        return guess_from_counts(self.letters, self.scripts, self.stops, self.stop_seen)


def _when(t: datetime | None) -> str | None:
    return None if t is None else t.isoformat()


def _time(t: str | None) -> datetime | None:
    return None if t is None else datetime.fromisoformat(t)


def _row(values: tuple[int | str | datetime | None, ...]) -> list[int | str | None]:
    return [_when(v) if isinstance(v, datetime) else v for v in values]


@dataclass(frozen=True)
class Step:
    """The result of reading new messages: the new state, the report of the whole
    conversation so far, whether the history had to be read again, and whether
    findings of earlier messages may have come or gone (a rebuild, or a change in
    who is taken to be the person targeted); if not, every finding the report did
    not have before is on a new message."""

    state: StreamState
    report: AnalysisReport
    rebuilt: bool
    earlier_changed: bool = True


class IncrementalAnalyzer:
    """Reads a conversation's new messages against a kept `StreamState`."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        # signature() and _local() worked out once per registry size (a registry only
        # ever gains detectors, as the engine's vocabulary also assumes): 30 us a step.
        self._planned_for = -1
        self._signature = ""
        self._is_local = False

    def _plan(self) -> tuple[str, bool]:
        size = len(self.analyzer.registry)
        if size != self._planned_for:
            registry = self.analyzer.registry
            self._signature = ";".join(f"{d.name}/{d.version}" for d in registry)
            self._is_local = all(
                isinstance(d, EscalatingDemandsDetector | LearnedDetector)
                or (isinstance(d, PatternDetector) and type(d).detect is PatternDetector.detect)
                for d in registry
            )
            self._planned_for = size
        return self._signature, self._is_local

    def signature(self) -> str:
        """Which detectors (and versions) a state was made with: another set means a rebuild."""
        return self._plan()[0]

    def _local(self) -> bool:
        # Every detector is one this module knows how to read in parts.
        return self._plan()[1]

    def step(
        self,
        state: StreamState | None,
        new: Sequence[Message],
        history: Callable[[], Sequence[Message]],
        conversation: Conversation | None = None,
    ) -> Step:
        """Read `new` (the messages after those in `state`). `history` gives every
        earlier message, and is called only when the state must be rebuilt.
        `conversation` gives the id, platform and participants (owners)."""
        conv = conversation or _empty()
        signature, local = self._plan()
        if state is None or state.signature != signature or not local:
            if state is not None and state.count:
                return self.rebuild(list(history()) + list(new), conv)
            state = StreamState(signature=self.signature())
        elif not new:
            return Step(state, self._report(state, conv)[0], False, False)
        fresh = state  # (used up: a caller keeps the state returned)
        if fresh.count == 0:
            fresh.owners = sorted(p.id for p in conv.participants if p.is_owner)
        view, new_views, positions = self._view(fresh, new, conv)
        _tally(fresh, new_views)
        langs = rule_languages(fresh.guess())
        senders = set(fresh.senders) | {v.sender for v in new_views}
        room = len(senders) >= ROOM_SENDERS
        if fresh.count and (
            (fresh.langs is not None and langs != fresh.langs) or (room and not fresh.room)
        ):
            return self.rebuild(list(history()) + list(new), conv)
        fresh.langs, fresh.room = langs, room
        self._read(fresh, view, new_views, positions)
        fresh.count += len(new)
        report, targets = self._report(fresh, conv)
        changed = targets != set(fresh.targets)
        fresh.targets = list(targets)
        return Step(fresh, report, False, changed)

    def rebuild(
        self, messages: Sequence[Message], conversation: Conversation | None = None
    ) -> Step:
        """A new state from every message of a conversation (read as a whole)."""
        conv = conversation or _empty()
        done = self.step(StreamState(signature=self.signature()), messages, list, conv)
        return replace(done, rebuilt=True, earlier_changed=True)

    def report(
        self, state: StreamState, conversation: Conversation | None = None
    ) -> AnalysisReport:
        """The report of a kept state (what the last step returned)."""
        return self._report(state, conversation or _empty())[0]

    def _view(
        self, state: StreamState, new: Sequence[Message], conv: Conversation
    ) -> tuple[ConversationView, tuple[MessageView, ...], dict[str, int]]:
        """The view of the context and the new messages, and the new messages' views."""
        positions = {m.id: state.count + i for i, m in enumerate(new)}
        people = [m for m in new if m.kind is MessageKind.MESSAGE]
        wanted = {m.sender for m in people}
        context = sorted((k for s in wanted for k in state.recent.get(s, ())), key=itemgetter(0))
        if not context and len(people) == 1 and state.recent:
            # The learned layer reads a lone message another way: never read one
            # alone when the conversation has more.
            context = [max((k for kept in state.recent.values() for k in kept),
                           key=itemgetter(0))]
        messages = [_message(k) for k in context] + list(new)
        view = self.analyzer.view(replace(conv, messages=tuple(messages), warnings=()))
        new_views = tuple(v for v in view.messages if v.position >= len(context))
        return view, new_views, positions

    def _read(
        self,
        state: StreamState,
        window: ConversationView,
        new_views: tuple[MessageView, ...],
        positions: dict[str, int],
    ) -> None:
        """Run the detectors over the new messages and add what they find to `state`."""
        guess = state.guess()
        window = replace(window, language=guess)
        fresh_ids = {id(v) for v in new_views}
        pre = window.prefiltered
        only_new = replace(
            window, messages=new_views,
            prefiltered=None if pre is None else {
                n: [v for v in vs if id(v) in fresh_ids] for n, vs in pre.items()
            },
        )
        for v in new_views:
            _learned_texts(state, v.folded)
        learned_view = _pad(window, state)
        new_ids = {v.id for v in new_views}
        found: list[tuple[int, Finding]] = []
        for place, (detector, gated) in enumerate(self.analyzer.plan):
            if isinstance(detector, LearnedDetector):
                # In a room the whole reading zeroes the rapport heads and the
                # overall head before it reads anything (LearnedDetector.detect).
                context = len(window.messages) - len(new_views)
                out = [f for f in detector.detect(learned_view, context=context)
                       if f.message_id in new_ids
                       and not (state.room and (f.tactic in RAPPORT or f.get("head") == OVERALL))]
            elif gated and only_new.prefiltered is not None and not only_new.prefiltered.get(
                detector.name
            ):
                continue
            elif isinstance(detector, EscalatingDemandsDetector):
                out = detector.detect_from(only_new, state.highest, state.complied)
            else:
                out = detector.detect(only_new)
            found.extend((place, f) for f in out)
        # combine_layers keeps most findings as they are, but gives a lifted
        # overall-head reading the rule's tactic (a new object); to_original_spans
        # makes a new one for a moved span: each finding keeps its detector's place.
        place_of = {id(f): p for p, f in found}
        place_of_detector = {f.detector: p for p, f in found}
        by_id = {v.id: v for v in new_views}
        survivors = combine_layers([f for _, f in found], only_new)
        spans = to_original_spans(survivors, only_new)
        for before, f in zip(survivors, spans, strict=True):
            v = by_id[f.message_id]
            state.findings.append(
                (
                    place_of.get(id(before), place_of_detector[before.detector]),
                    positions[v.id],
                    v.sender,
                    v.timestamp,
                    f,
                )
            )
        for v in new_views:
            if crisis_in(v):
                state.crisis.append((v.id, v.sender))
            if v.sender not in state.senders:
                state.senders.append(v.sender)
            if state.first is None:
                state.first = (positions[v.id], v.id, v.timestamp)
            if v.has_image:
                state.images.append((positions[v.id], v.id, v.timestamp))
            kept_list = state.recent.setdefault(v.sender, [])
            kept_list.append((positions[v.id], v.id, v.sender, v.timestamp, v.text))
            del kept_list[:-WINDOW_SIZE]
        state.persons += len(new_views)

    def _report(
        self, state: StreamState, conv: Conversation
    ) -> tuple[AnalysisReport, set[_Sender]]:
        """The whole conversation's report from the state alone, and the targets."""
        # The engine's order: detector by detector, each in message order.
        ordered = sorted(state.findings, key=itemgetter(0, 1))
        findings = [f for *_, f in ordered]
        senders = set(state.senders)
        owners: set[_Sender] = set(state.owners)
        if owners & senders:
            offenders, targets = senders - owners, owners & senders
        else:
            offenders, targets = rank_roles(
                findings, {f.message_id: s for _, _, s, _, f in ordered}, senders)
        position = {f.message_id: p for _, p, _, _, f in ordered}
        if targets:
            ordered = [row for row in ordered if row[2] not in targets]
        ordered.sort(key=lambda row: (row[1], row[4].start, row[4].tactic))
        findings = [f for *_, f in ordered]
        crisis_ids = [i for i, s in state.crisis if not targets or s in targets]
        guess = state.guess()
        assessed = guess.supported and state.persons > 0
        risk, scheme = conclude(
            findings, bool(crisis_ids), assessed, state.persons,
            lambda: bool(state.images), lambda: len(senders),
        )
        stage: Stage = Stage.NONE
        stages: tuple[StageReached, ...] = ()
        if scheme is not Scheme.NONE:
            at = {p: (f.message_id, t) for _, p, _, t, f in ordered}
            stage, stages = _timeline(state, findings, position, at)
        return AnalysisReport(
            risk=risk, scheme=scheme, stage=stage, stages=stages,
            crisis=bool(crisis_ids), crisis_messages=tuple(crisis_ids),
            findings=tuple(findings), identifiers=(), language=guess.code,
            supported_language=guess.supported, conversation_id=conv.id,
            message_count=state.persons,
            offenders=tuple(sorted(o for o in offenders if o is not None)),
        ), targets


def _timeline(
    state: StreamState,
    findings: list[Finding],
    position: dict[str, int],
    at: dict[int, tuple[str, datetime | None]],
) -> tuple[Stage, tuple[StageReached, ...]]:
    # `stages.timeline`, from positions kept in the state.
    first = first_positions(
        findings,
        position,
        (p for p, _, _ in state.images),
        None if state.first is None else state.first[0],
    )
    if not first:
        return Stage.NONE, ()

    def message_at(p: int) -> tuple[str, datetime | None]:
        # A finding's message, else the image or the first message that set the stage.
        found = at.get(p)
        if found is None:
            others = chain(state.images, () if state.first is None else (state.first,))
            found = next((i, t) for q, i, t in others if q == p)
        return found

    reached = tuple(StageReached(s, *message_at(first[s])) for s in STAGE_ORDER if s in first)
    return furthest(first), reached


def _tally(state: StreamState, views: Sequence[MessageView]) -> None:
    """Add new messages to the language counts (the samples `build_view` reads)."""
    scripts = views[: max(0, SCRIPT_SAMPLE - state.script_texts)]
    state.script_texts += len(scripts)
    state.letters += count_scripts((v.text for v in scripts), state.scripts)
    words = views[: max(0, WORD_SAMPLE - state.word_texts)]
    state.word_texts += len(words)
    state.stop_seen += count_stopwords((tokens(v.folded) for v in words), state.stops)


def _pieces(folded: str) -> int:
    """How many texts the learned layer scores for one distinct message text."""
    if len(folded) < MIN_LETTERS:
        return 0
    return len(chunks(folded)) if len(folded) > CHUNK_ABOVE else 1


def _learned_texts(state: StreamState, folded: str) -> None:
    # Whether the whole conversation gives the learned layer two texts or more.
    n = _pieces(folded)
    if n == 0 or state.learned_texts is True:
        return
    if n > 1 or (state.learned_texts is not None and state.learned_texts != folded):
        state.learned_texts = True
    else:
        state.learned_texts = folded


def _pad(window: ConversationView, state: StreamState) -> ConversationView:
    """The window for the learned layer, with a filler text when the whole conversation
    gives it two texts or more and the window fewer (NumPy adds up a single text in
    another order). The filler comes last, from the last writer: it is no one's
    earlier message and adds no writer."""
    if state.learned_texts is not True or not window.messages:
        return window
    distinct = {v.folded for v in window.messages}
    if sum(_pieces(t) for t in distinct) >= 2:
        return window
    last = window.messages[-1]
    filler = last._replace(position=last.position + 1, id="\0filler", text=_FILLER,
                           folded=_FILLER, words=frozenset(), has_image=False, offsets=None)
    return replace(window, messages=(*window.messages, filler), prefiltered=None)


def _message(kept: _Kept) -> Message:
    _, message_id, sender, when, text = kept
    return Message(message_id, sender, when, text, Source("", "stream"))


def _empty() -> Conversation:
    return Conversation(id="", platform="stream", format="stream", participants=(),
                        messages=())
