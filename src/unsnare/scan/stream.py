"""A conversation too long to hold whole, analysed in windows as its messages stream past.

A conversation of more than `stream_from` messages is cut into windows of
`stream_from` messages, in timestamp order. Each window is analysed together
with the `context` messages just before it (so a detector still sees what
led up to a message: the learned layer reads the two messages before it from
the same sender, the rules read single messages), and only the findings on
the window's own messages are kept. At most about two windows of messages
are held at a time, whatever the conversation's length.

The conversation's level, scheme, stage and first alert are then worked out
from all the kept findings with the same functions the whole analysis uses
(`unsnare.analysis.risk`), and identifiers are merged in order of first
appearance. What a window cannot see: a detector that remembers further back
than `context` messages (escalating demands compares amounts across the whole
conversation), the language and who is who, which each window decides from
its own messages. For an ordinary long chat with a scheme in it the result
is the same as the whole analysis (tests/scan/test_stream.py); where
it can differ is named above.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from unsnare.analysis import Analyzer
from unsnare.analysis.engine import rank_roles
from unsnare.analysis.report import Finding, Identifier, Risk
from unsnare.analysis.risk import conclude
from unsnare.analysis.stages import STAGE_OF
from unsnare.analysis.tactics import STAGE_ORDER, RiskLevel, Scheme, Stage, floor_for
from unsnare.models import Conversation, Message, Participant

# Above this many messages a conversation is streamed (ScanOptions.stream_from).
STREAM_FROM = 100_000
# Messages before each window that are read again as its context.
CONTEXT = 1_000


@dataclass
class StreamedResult:
    """What the scan writes for a streamed conversation (the parts of a report it uses)."""

    risk: Risk
    scheme: Scheme
    stage: Stage
    crisis: bool
    findings: list[Finding]
    identifiers: list[Identifier]
    messages: int
    first_alert_id: str | None
    texts: dict[str, str] = field(default_factory=dict)  # message id -> text, findings only


class StreamedConversation:
    """Takes a long conversation's messages in order, a few at a time; `finish` sums up."""

    def __init__(
        self,
        analyzer: Analyzer,
        conversation_id: str,
        platform: str,
        window: int = STREAM_FROM,
        context: int = CONTEXT,
    ) -> None:
        self.analyzer = analyzer
        self.id = conversation_id
        self.platform = platform
        self.window = max(1, window)
        self.context = context
        self._before: list[Message] = []  # the context of the next window
        self._pending: list[Message] = []
        self._done = 0  # messages analysed so far
        self._findings: list[tuple[int, Finding]] = []  # (position, finding)
        self._sender_of: dict[str, str | None] = {}  # a finding's message -> its writer
        self._crisis: dict[int, str] = {}  # position -> message id
        self._assessed = False
        self._first_sender_at: dict[str | None, int] = {}
        self._first_image: int | None = None
        self._identifiers: dict[tuple[str, str], Identifier] = {}
        self._texts: dict[str, str] = {}

    def add(self, messages: list[Message]) -> None:
        """Take the next messages (in order); a full window is analysed at once."""
        self._pending.extend(messages)
        while len(self._pending) >= self.window:
            window, self._pending = self._pending[: self.window], self._pending[self.window :]
            self._analyse(window)

    def finish(self) -> StreamedResult:
        """Analyse what is left and sum the conversation up."""
        if self._pending:
            self._analyse(self._pending)
            self._pending = []
        findings = [f for _, f in self._findings]
        # Who threatens whom is decided over the whole conversation, as the engine
        # does: a window without the threat could not tell, and kept the
        # target's own lines.
        _, targets = rank_roles(findings, self._sender_of, set(self._first_sender_at))
        if targets:
            by = self._sender_of
            self._findings = [
                (at, f) for at, f in self._findings if by.get(f.message_id) not in targets
            ]
            findings = [f for _, f in self._findings]
        crisis = bool(self._crisis)
        risk, scheme = conclude(
            findings, crisis, self._assessed, self._done,
            lambda: self._first_image is not None, lambda: len(self._first_sender_at),
        )
        stage = self._stage() if scheme is not Scheme.NONE else Stage.NONE
        return StreamedResult(
            risk, scheme, stage, crisis, findings, list(self._identifiers.values()), self._done,
            self._first_alert(), self._texts,
        )  # fmt: skip

    def _analyse(self, window: list[Message]) -> None:
        base = self._done
        messages = self._before + window
        senders = dict.fromkeys(m.sender for m in messages if m.sender is not None)
        conv = Conversation(
            id=self.id,
            platform=self.platform,
            format="scan",
            participants=tuple(Participant(s, s) for s in senders),
            messages=tuple(messages),
            timezone="UTC",
        )
        report = self.analyzer.analyze(conv, is_email=self.platform == "email")
        position = {m.id: base + i for i, m in enumerate(window)}
        sender = {m.id: m.sender for m in window}
        for f in report.findings:
            if f.message_id in position:
                self._findings.append((position[f.message_id], f))
                self._sender_of[f.message_id] = sender[f.message_id]
        texts = {m.id: m.text for m in window}
        self._texts.update({f.message_id: texts[f.message_id] for f in report.findings
                            if f.message_id in position})
        self._crisis.update((position[m], m) for m in report.crisis_messages if m in position)
        self._assessed = self._assessed or (report.supported_language and bool(messages))
        for i, m in enumerate(window):
            self._first_sender_at.setdefault(m.sender, base + i)
            if self._first_image is None and any(
                a.media_type and a.media_type.startswith(("image", "video")) for a in m.attachments
            ):
                self._first_image = base + i
        for ident in report.identifiers:
            ids = tuple(i for i in ident.message_ids if i in position)
            if not ids:
                continue
            key = (ident.kind, ident.normalized)
            held = self._identifiers.get(key)
            if held is None:
                self._identifiers[key] = Identifier(
                    ident.kind, ident.value, ident.normalized, ids, ident.platform, ident.valid
                )
            else:
                more = ids[1:] if ids[0] == held.message_ids[-1] else ids
                self._identifiers[key] = Identifier(
                    held.kind, held.value, held.normalized, held.message_ids + more,
                    held.platform, held.valid,
                )  # fmt: skip
        self._done += len(window)
        self._before = messages[-self.context :] if self.context else []

    def _stage(self) -> Stage:
        # As `stages.timeline`: weak findings do not move the stage; a picture sent
        # after the first finding counts as an image exchange.
        first: dict[Stage, int] = {}
        for pos, f in self._findings:
            if f.score >= 0.3:
                first.setdefault(STAGE_OF[f.tactic], pos)
        if not first:
            return Stage.NONE
        if self._first_image is not None and self._first_image >= min(first.values()):
            first.setdefault(Stage.IMAGE_EXCHANGE, self._first_image)
        first.setdefault(Stage.CONTACT, 0)
        return max(first, key=STAGE_ORDER.index)

    def _first_alert(self) -> str | None:
        # As `early.first_alert`: the risk recomputed as each message's findings are added.
        floor = floor_for(RiskLevel.MEDIUM)
        by_position: dict[int, list[Finding]] = {}
        for pos, f in self._findings:
            by_position.setdefault(pos, []).append(f)
        crisis_at = set(self._crisis)
        starts = sorted(self._first_sender_at.values())
        seen: list[Finding] = []
        crisis = False
        for pos in sorted(set(by_position) | crisis_at):
            seen.extend(by_position.get(pos, ()))
            crisis = crisis or pos in crisis_at
            has_images = self._first_image is not None and self._first_image <= pos
            risk, _ = conclude(
                seen, crisis, True, pos + 1,
                partial(bool, has_images), partial(_writers_by, starts, pos),
            )
            if risk.score >= floor:
                return self._id_at(pos)
        return None

    def _id_at(self, pos: int) -> str | None:
        # Only positions with findings or crisis are asked for; their ids are on record.
        for p, f in self._findings:
            if p == pos:
                return f.message_id
        return self._crisis.get(pos)


def _writers_by(starts: list[int], pos: int) -> int:
    """How many people had written by position `pos`, from where each first wrote."""
    return sum(1 for s in starts if s <= pos)
