"""The analysis engine: runs every registered detector over a conversation,
works out who is the offender, and builds the report."""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from unsnare.analysis.base import Detector
from unsnare.analysis.crisis import CRISIS_WORDS, crisis_in
from unsnare.analysis.identifiers import IDENTIFIER_WORDS, extract_identifiers
from unsnare.analysis.learned.heads import OVERALL, TACTIC_CAP
from unsnare.analysis.registry import DetectorRegistry, installed_registry
from unsnare.analysis.report import AnalysisReport, Finding
from unsnare.analysis.risk import conclude
from unsnare.analysis.stages import timeline
from unsnare.analysis.tactics import Scheme, Stage, Tactic
from unsnare.analysis.text import Folder, looks_binary
from unsnare.analysis.view import LONG_TEXT, RULE_TEXT_LIMIT, ConversationView, build_view
from unsnare.models import Conversation

# Tactics that mark the person using them as the offender when the export does
# not say who the phone's owner is.
_OFFENDER_TACTICS = frozenset(
    {
        Tactic.THREAT_TO_EXPOSE,
        Tactic.OUTING_THREAT,
        Tactic.PAYMENT_DEMAND,
        Tactic.HACKING_CLAIM,
        Tactic.SELF_HARM_PRESSURE,
        Tactic.ESCALATING_DEMANDS,
        Tactic.IMAGE_REQUEST,
        Tactic.SEXUAL_CONTENT,
        Tactic.GROOMING,
    }
)
_STRONG = frozenset(
    {
        Tactic.THREAT_TO_EXPOSE,
        Tactic.OUTING_THREAT,
        Tactic.PAYMENT_DEMAND,
        Tactic.HACKING_CLAIM,
        Tactic.SELF_HARM_PRESSURE,
    }
)


class Analyzer:
    """Analyses conversations with one registry of detectors (by default the built-ins
    and any installed plug-ins)."""

    def __init__(
        self, registry: DetectorRegistry | None = None, default_region: str = "US"
    ) -> None:
        self.registry = registry if registry is not None else installed_registry()
        self.default_region = default_region
        self._folder = Folder()
        self._refresh_vocabulary()

    def _refresh_vocabulary(self) -> None:
        # Recomputed when a detector is registered after the engine was made.
        vocab: set[str] = set(IDENTIFIER_WORDS) | CRISIS_WORDS
        owners: dict[str, list[str]] = {}
        for detector in self.registry:
            vocab |= detector.vocabulary()
            for word in detector.prefilter_words() or ():
                owners.setdefault(word, []).append(detector.name)
        self._vocabulary = frozenset(vocab)
        self._owners = {w: tuple(names) for w, names in owners.items()}
        # Worked out once, not per call: each detector and whether the prefilter gates it.
        self._plan = tuple((d, d.prefilter_words() is not None) for d in self.registry)
        self._vocabulary_for = len(self.registry)

    def view(self, conversation: Conversation, is_email: bool = False) -> ConversationView:
        """The conversation folded and prefiltered for this registry's detectors."""
        if self._vocabulary_for != len(self.registry):
            self._refresh_vocabulary()
        return build_view(conversation, self._folder, is_email, self._vocabulary, self._owners)

    @property
    def plan(self) -> tuple[tuple[Detector, bool], ...]:
        """Each detector, in order, and whether the view's prefilter gates it
        (as of the last `view`)."""
        return self._plan

    def analyze(self, conversation: Conversation, *, is_email: bool = False) -> AnalysisReport:
        """The full report for one conversation."""
        # The analysis makes millions of small objects on a big conversation and
        # frees few; the cyclic garbage collector would rescan the heap again and
        # again (measured: 2x slower on 100,000 messages), so pause it meanwhile.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self._analyze(conversation, is_email)
        finally:
            if was_enabled:
                gc.enable()

    def _analyze(self, conversation: Conversation, is_email: bool) -> AnalysisReport:
        view = self.view(conversation, is_email)
        warnings = self._warnings(conversation, view)
        findings: list[Finding] = []
        pre = view.prefiltered
        for detector, gated in self._plan:
            # A prefiltered detector with no candidate message has nothing to say.
            if gated and pre is not None and detector.name not in pre:
                continue
            findings.extend(detector.detect(view))
        findings = to_original_spans(combine_layers(findings, view), view)
        # Position and sender of just the messages with findings: a map of every
        # message would cost hundreds of MB on a 1,000,000-message conversation.
        where: dict[str, tuple[int, str | None]] = {}
        if findings:
            needed = {f.message_id for f in findings}
            where = {m.id: (m.position, m.sender) for m in view.messages if m.id in needed}
        offenders, targets = _roles(conversation, view, findings, where)
        # (An outside detector may name a message we did not read: sort it first.)
        unknown = (-1, None)
        if targets:
            findings = [f for f in findings if where.get(f.message_id, unknown)[1] not in targets]
        findings.sort(key=lambda f: (where.get(f.message_id, unknown)[0], f.start, f.tactic))
        crisis_ids = _crisis(view, targets)
        assessed = view.language.supported and bool(view.messages)
        risk, scheme = conclude(
            findings,
            bool(crisis_ids),
            assessed,
            len(view.messages),
            lambda: any(m.has_image for m in view.messages),
            lambda: len({m.sender for m in view.messages}),
        )
        stage, stages = timeline(view, findings) if scheme is not Scheme.NONE else (Stage.NONE, ())
        id_messages = (
            [m for m in view.messages if m.sender not in targets] if targets else view.messages
        )
        identifiers = extract_identifiers(id_messages, self.default_region, conversation.platform)
        return AnalysisReport(
            risk=risk,
            scheme=scheme,
            stage=stage,
            stages=stages,
            crisis=bool(crisis_ids),
            crisis_messages=tuple(crisis_ids),
            findings=tuple(findings),
            identifiers=identifiers,
            language=view.language.code,
            supported_language=view.language.supported,
            warnings=tuple(warnings),
            conversation_id=conversation.id,
            message_count=len(view.messages),
            offenders=tuple(sorted(o for o in offenders if o is not None)),
        )

    def _warnings(self, conversation: Conversation, view: ConversationView) -> list[str]:
        out: list[str] = []
        if not view.messages:
            out.append("There are no messages to read, so nothing was analysed.")
        if not view.language.supported:
            out.append(
                f"This conversation seems to be in a language Unsnare cannot read yet "
                f"({view.language.code}). Finding nothing here does NOT mean it is safe; "
                "please ask a person you trust or a helpline to read it."
            )
        long_ids = [m.id for m in conversation.messages if len(m.text) > RULE_TEXT_LIMIT]
        if long_ids:
            out.append(
                f"{len(long_ids)} very long message(s) were read only up to "
                f"{RULE_TEXT_LIMIT:,} characters each (first: {long_ids[0]})."
            )
        if any(looks_binary(m.text) for m in view.messages[:50]):
            out.append("Some messages look like binary data, not text; they cannot be read.")
        if conversation.warnings:
            out.append(
                f"The import reported {len(conversation.warnings)} warning(s); "
                "some of the conversation may be missing."
            )
        return out


# Tactics that on their own say little about sextortion: phishing and ordinary
# bills talk about payment, deadlines and account access too. The learned
# layer reports them only in a message that also shows something specific
# (a threat, saved pictures, sexual talk, a request for pictures, grooming).
_GENERIC = frozenset({Tactic.PAYMENT_DEMAND, Tactic.DEADLINE, Tactic.HACKING_CLAIM})
# In a long text (an email, a notice) "we recorded", "the video" and "your
# contacts" are everyday words too: there a claim to hold pictures needs company.
_GENERIC_IN_LONG = _GENERIC | {Tactic.STOLEN_CONTENT}
# A rule finding at this score (medium) explains a message on its own; one at
# WEAK_READING_AT or more (low) saw something the overall head may confirm.
OVERALL_EXPLAINED_AT = 0.4
WEAK_READING_AT = 0.15


def combine_layers(findings: list[Finding], view: ConversationView) -> list[Finding]:
    """Rules first: drop a model finding where a rule already explains the same
    tactic in the same message (the rule's sentence and span say more), and a
    model finding of a generic tactic in a message with nothing specific."""
    if not any(f.get("layer") == "model" for f in findings):
        return findings
    needed = {f.message_id for f in findings}
    long_ids = {m.id for m in view.messages if m.id in needed and len(m.folded) > LONG_TEXT}
    generic = [
        f.tactic in (_GENERIC_IN_LONG if f.message_id in long_ids else _GENERIC) for f in findings
    ]
    ruled = {(f.message_id, f.tactic) for f in findings if f.get("layer") != "model"}
    specific = {f.message_id for f, g in zip(findings, generic, strict=True) if not g}
    weak = _weak_rule_readings(findings)
    out: list[Finding] = []
    for f, g in zip(findings, generic, strict=True):
        if f.get("layer") != "model":
            out.append(f)
        elif f.get("head") == OVERALL:
            # The overall head corroborates: it lifts a message that a rule read
            # below medium, and says nothing on its own (measured: alone, on
            # text nobody on the project wrote, it raised more false alarms
            # than it found; beside a weak rule reading it found four for one).
            rule = weak.get(f.message_id)
            if rule is not None:
                cap = TACTIC_CAP.get(rule.tactic, f.score)
                out.append(replace(f, tactic=rule.tactic, score=min(f.score, cap)))
        elif (f.message_id, f.tactic) not in ruled and (not g or f.message_id in specific):
            out.append(f)
    return out


def _weak_rule_readings(findings: list[Finding]) -> dict[str, Finding]:
    """Each message's strongest rule finding, when it is below medium (a rule at
    medium or above explains the message on its own) and above nothing."""
    best: dict[str, Finding] = {}
    strong: set[str] = set()
    for f in findings:
        if f.get("layer") == "model":
            continue
        if f.score >= OVERALL_EXPLAINED_AT:
            strong.add(f.message_id)
        elif f.score >= WEAK_READING_AT:
            cur = best.get(f.message_id)
            if cur is None or f.score > cur.score:
                best[f.message_id] = f
    return {k: v for k, v in best.items() if k not in strong}


def to_original_spans(findings: list[Finding], view: ConversationView) -> list[Finding]:
    """Spans in the text as written: detectors match the normalised text, which is
    shorter when marks, spaces or stretched letters were taken out."""
    if not findings:
        return findings
    uneven = {m.id: m for m in view.messages if m.offsets is not None}
    if not uneven:
        return findings
    out: list[Finding] = []
    for f in findings:
        m = uneven.get(f.message_id)
        if m is None:
            out.append(f)
            continue
        start, end = m.span(f.start, f.end)
        out.append(replace(f, start=start, end=end))
    return out


def _roles(
    conversation: Conversation,
    view: ConversationView,
    findings: Sequence[Finding],
    where: dict[str, tuple[int, str | None]],
) -> tuple[set[str | None], set[str | None]]:
    """Offender and target sender ids: from `is_owner` when known, else inferred."""
    senders = {m.sender for m in view.messages}
    owners: set[str | None] = {p.id for p in conversation.participants if p.is_owner}
    if owners & senders:
        return senders - owners, owners & senders
    return rank_roles(findings, {k: v[1] for k, v in where.items()}, senders)


def rank_roles(
    findings: Sequence[Finding],
    sender_of: dict[str, str | None],
    senders: set[str | None],
) -> tuple[set[str | None], set[str | None]]:
    """Offenders and targets inferred from who wrote the strongest findings (the
    writers of threats and demands, else of grooming and requests)."""
    if not findings:
        return set(), set()  # nothing to rank anyone by
    strong: dict[str | None, float] = defaultdict(float)
    weight: dict[str | None, float] = defaultdict(float)
    for f in findings:
        s = sender_of.get(f.message_id)
        if f.tactic in _STRONG:
            strong[s] += f.score
        if f.tactic in _OFFENDER_TACTICS:
            weight[s] += f.score
    ranking = strong if strong else weight
    if not ranking or len(senders) < 2:
        return set(ranking), set()
    top = max(ranking.items(), key=lambda kv: kv[1])[0]
    offenders = {s for s, v in ranking.items() if v >= 0.5 * ranking[top]}
    return offenders, senders - offenders


def _crisis(view: ConversationView, targets: set[str | None]) -> list[str]:
    """Ids of messages from the person targeted that show despair or self-harm thoughts."""
    # When we cannot tell who is who, every message is checked: a missed crisis
    # costs far more than showing help once too often.
    out: list[str] = []
    for m in view.messages:
        if targets and m.sender not in targets:
            continue
        if crisis_in(m):
            out.append(m.id)
    return out
