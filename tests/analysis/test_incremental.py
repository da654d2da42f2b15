"""Reading a conversation in parts gives the report of reading it whole.

Property-style: the repo's invented conversations and conversations mixed at
random from their lines (plus lines of our own: crisis, Spanish, a room of
writers, pictures, repeats, long emails), cut into random batches; after every
batch the incremental report must equal `Analyzer.analyze` of everything so far.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from support.analysis import DATA, HARD_NEGATIVES, load_case
from unsnare.analysis import AnalysisReport, Analyzer, Finding
from unsnare.analysis.incremental import IncrementalAnalyzer, StreamState
from unsnare.models import Attachment, Conversation, Message, Participant, Source

CASES = sorted(p.name for p in DATA.glob("*.json"))

_OWN_LINES = [
    "i just want to die, i can't do this anymore",
    "ok",
    "lol",
    "k",
    "send me $300 in gift cards or your pics go to everyone you know",
    "i already paid you, please stop",
    "now i want another $500",
    "you have 24 hours",
    "si no me pagas 200 dolares publico tus fotos a toda tu familia",
    "tengo tus fotos y las voy a mandar a tus amigos",
    "how old are you? do your parents check your phone",
    "send me a pic of you in the mirror, just for me",
    "don't tell anyone about us ok",
    "I recorded you through your webcam. Pay 1200 USD in bitcoin to the wallet below "
    "within 48 hours or the video goes to all your contacts. " * 3,
    "hey everyone, who is coming to the match on saturday?",
    "remember to bring the snacks",
    "great game last night",
    "nao conta pra ninguem, manda uma foto sua agora",
    "i'm actually a model scout",  # read by the learned layer alone (rapport)
]


def _lines() -> list[str]:
    out = list(_OWN_LINES) + list(HARD_NEGATIVES)
    for name in CASES:
        raw = json.loads((DATA / name).read_text(encoding="utf-8"))
        out.extend(m["text"] for m in raw["messages"])
    return out


def _invented(seed: int, lines: list[str]) -> Conversation:
    rng = random.Random(seed)
    writers = [f"p{i}" for i in range(rng.choice((1, 2, 2, 2, 3, 5)))]
    t0 = datetime(2026, 5, 1, 18, 0, tzinfo=UTC)
    messages = []
    for i in range(rng.randint(1, 45)):
        text = rng.choice(lines) if rng.random() > 0.1 or not messages else messages[-1].text
        picture = (Attachment("photo.jpg", "image/jpeg"),) if rng.random() < 0.05 else ()
        messages.append(Message(f"m{i}", rng.choice(writers), t0 + timedelta(minutes=i), text,
                                Source("", "test"), attachments=picture))
    return Conversation(f"inv{seed}", "test", "test", tuple(Participant(w, w) for w in writers),
                        tuple(messages))


def _comparable(report: AnalysisReport) -> dict[str, Any]:
    return {
        "risk": report.risk, "scheme": report.scheme, "stage": report.stage,
        "stages": report.stages, "crisis": report.crisis,
        "crisis_messages": report.crisis_messages, "findings": report.findings,
        "language": report.language, "supported": report.supported_language,
        "count": report.message_count, "offenders": report.offenders,
    }


def _check(analyzer: Analyzer, conv: Conversation, rng: random.Random) -> int:
    """Feed `conv` in random batches; compare after each. The number of rebuilds."""
    incremental = IncrementalAnalyzer(analyzer)
    state: StreamState | None = None
    done = 0
    rebuilds = 0
    before: tuple[Finding, ...] = ()
    while done < len(conv.messages):
        size = rng.choice((1, 1, 1, 2, 3, 7))
        new = conv.messages[done : done + size]
        earlier = conv.messages[:done]
        step = incremental.step(state, new, lambda e=earlier: e, conv)
        done += len(new)
        rebuilds += step.rebuilt
        whole = analyzer.analyze(_prefix(conv, done))
        assert _comparable(step.report) == _comparable(whole), (conv.id, done)
        if not step.earlier_changed:
            # Then what is new in the report is on the new messages only.
            ids = {m.id for m in new}
            assert {f for f in before if f.message_id not in ids} == {
                f for f in step.report.findings if f.message_id not in ids}
        before = step.report.findings
        # Stored and read back between steps, as the service does.
        state = StreamState.loads(step.state.dumps())
    return rebuilds


def _prefix(conv: Conversation, n: int) -> Conversation:
    return Conversation(conv.id, conv.platform, conv.format, conv.participants,
                        conv.messages[:n])


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize("name", CASES)
def test_a_repo_conversation_read_in_parts_reads_as_a_whole(name: str, analyzer: Analyzer) -> None:
    conv, _ = load_case(name)
    _check(analyzer, conv, random.Random(name))


@pytest.mark.parametrize("seed", range(60))
def test_an_invented_conversation_read_in_parts_reads_as_a_whole(
    seed: int, analyzer: Analyzer
) -> None:
    _check(analyzer, _invented(seed, _lines()), random.Random(seed))


def test_a_long_conversation_is_not_read_again_once_its_language_is_clear(
    analyzer: Analyzer,
) -> None:
    conv, _ = load_case("financial_sextortion_en.json")
    long = Conversation(conv.id, conv.platform, conv.format, conv.participants, tuple(
        Message(f"x{i}", m.sender, m.timestamp, m.text, m.source)
        for i, m in enumerate(conv.messages * 8)
    ))
    incremental = IncrementalAnalyzer(analyzer)
    state: StreamState | None = None
    rebuilt_at = []
    for i, m in enumerate(long.messages):
        step = incremental.step(state, [m], lambda i=i: long.messages[:i], long)
        if step.rebuilt:
            rebuilt_at.append(i)
        state = step.state
    assert all(i < 10 for i in rebuilt_at), rebuilt_at
    assert _comparable(step.report) == _comparable(analyzer.analyze(long))


def test_in_a_room_the_learned_layer_still_stops_reading_rapport(analyzer: Analyzer) -> None:
    # Five writers make a room; the window read for p0's next message holds p0 only.
    t0 = datetime(2026, 5, 1, 18, 0, tzinfo=UTC)
    texts = [("p0", "hey all"), ("p1", "hi"), ("p2", "who is coming saturday"),
             ("p3", "me"), ("p4", "me too"), ("p0", "great"), ("p0", "i'm actually a model scout")]
    conv = Conversation("room", "test", "test", tuple(Participant(f"p{i}", f"p{i}")
                        for i in range(5)), tuple(
        Message(f"m{i}", s, t0 + timedelta(minutes=i), t, Source("", "test"))
        for i, (s, t) in enumerate(texts)))
    incremental = IncrementalAnalyzer(analyzer)
    first = incremental.step(None, conv.messages[:6], list, conv)
    step = incremental.step(first.state, conv.messages[6:], lambda: conv.messages[:6], conv)
    assert not step.rebuilt
    assert _comparable(step.report) == _comparable(analyzer.analyze(conv))


def test_a_state_from_another_set_of_detectors_is_rebuilt(analyzer: Analyzer) -> None:
    conv, _ = load_case("grooming.json")
    incremental = IncrementalAnalyzer(analyzer)
    first = incremental.step(None, conv.messages[:3], list, conv)
    stale = StreamState.loads(first.state.dumps())
    stale.signature = "someone-else/9"
    step = incremental.step(stale, conv.messages[3:], lambda: conv.messages[:3], conv)
    assert step.rebuilt
    assert _comparable(step.report) == _comparable(analyzer.analyze(conv))
