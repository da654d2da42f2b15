"""The learned layer's quick ways give the very numbers and findings of the
plain ways: the compiled sums, the words' weights for an explanation, and the
window of earlier messages worked out for a whole conversation at once."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import numpy as np
import pytest

from support.components import require
from unsnare.analysis.learned import model as model_module
from unsnare.analysis.learned.detector import (
    MIN_LETTERS,
    WINDOW_SIZE,
    WINDOW_WEIGHT,
    LearnedDetector,
    _letters,
)
from unsnare.analysis.learned.features import word_features, words_of
from unsnare.analysis.learned.model import LearnedModel
from unsnare.analysis.report import Finding
from unsnare.analysis.risk import ROOM_SENDERS
from unsnare.analysis.text import Folder
from unsnare.analysis.view import ConversationView, build_view
from unsnare.models import Conversation, Message, Source

LINES = [
    "hey how r u",
    "pay 300 or your pics go to everyone",
    "i still have them",
    "ur family will love them",
    "send 500 € in bitcoin, sonst bekommen alle deine kontakte das video",
    "b b b b a b a b a b",
    "0 1 22 $5 €3 @sam_2009 @sam_2009",
    "",
    "🙂🙂🙂",
    "you have 24 hours. pay or i post your nudes on insta and tag your school",
    "i hacked your phone and recorded you through the camera",
    "lol ok",
    "how old are you? dont tell your mom about us, its our secret",
    "send me one more pic and i delete everything",
]


@pytest.fixture(scope="module")
def model() -> LearnedModel:
    return LearnedModel.load()


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = " ".join(LINES).split() + ["0", "9", "x", "ß", "naïve"]
    return [" ".join(rng.choice(words) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def test_compiled_sums_are_the_numpy_sums(model: LearnedModel) -> None:
    require(model_module.compiled(), "unsnare.analysis.learned._sums (pip install -e . builds it)")
    texts = LINES + _texts(3000, 1) + ["a " * 2000, "word " * 900 + "x"]
    fast = LearnedModel.load().batch_margins(texts)
    plain = LearnedModel.load().batch_margins(texts, use_compiled=False)
    assert fast.dtype == plain.dtype == np.float32
    assert np.array_equal(fast, plain)
    # Again with every word already known, and with blocks of another size.
    again = model.batch_margins(texts)
    assert np.array_equal(model.batch_margins(texts[:7]), plain[:7])
    assert np.array_equal(again, plain)


def test_word_weights_are_the_contributions_summed_per_word(model: LearnedModel) -> None:
    for text in LINES + _texts(200, 2):
        for output in range(len(model.outputs)):
            weights = model.contributions(text, output)
            expected = {
                w: sum(weights.get(f, 0.0) for f in set(word_features(w)))
                for w in set(words_of(text))
            }
            got = model.word_weights(text, output)
            assert list(got) == list(expected)
            assert all(got[w] == expected[w] for w in expected), text


def _plain_findings(detector: LearnedDetector, view: ConversationView) -> list[Finding]:
    """The window read one message at a time (the way the detector read it before)."""
    messages = view.messages
    model = detector.model
    margins = np.array(
        [
            model.batch_margins([m.folded, m.folded])[0]
            if len(m.folded) >= MIN_LETTERS
            else np.full(len(model.outputs), -50.0, dtype=np.float32)
            for m in messages
        ],
        dtype=np.float32,
    )
    probs = model.probabilities(margins)
    if len(messages) >= ROOM_SENDERS and len({m.sender for m in messages}) >= ROOM_SENDERS:
        probs[:, detector._rapport] = 0.0
    thresholds = [float(t) for t in model.thresholds]
    tactics = detector._tactics
    overall = detector._overall
    out: list[Finding] = []
    recent: dict[str | None, list[int]] = {}
    for k, m in enumerate(messages):
        history = recent.setdefault(m.sender, [])
        near = any(float(probs[k][j]) >= thresholds[j] / 2 for j in range(len(thresholds)))
        if near and _letters(m.folded) >= MIN_LETTERS:
            window = None
            if history:
                earlier = np.maximum(margins[history], 0.0).sum(axis=0)
                window = model.probabilities(margins[k] + WINDOW_WEIGHT * earlier)

            def read(j: int, k: int = k, window: np.ndarray | None = window) -> tuple[float, bool]:
                p = float(probs[k][j])
                near = window is not None and thresholds[j] / 2 <= p < thresholds[j]
                if near and window is not None and float(window[j]) >= thresholds[j]:
                    return float(window[j]), True
                return p, False

            before = len(out)
            for j, tactic in enumerate(tactics):
                p, via = read(j)
                if p >= thresholds[j]:
                    out.append(detector._finding(m, tactic, j, p, via, {}, _about(m.folded)))
            if overall is not None and len(out) == before:
                p, via = read(overall)
                if p >= thresholds[overall]:
                    closest = detector._closest(probs[k] if window is None else window)
                    out.append(
                        detector._finding(m, closest, overall, p, via, {}, _about(m.folded))
                    )
        history.append(k)
        del history[:-WINDOW_SIZE]
    return out


def _about(folded: str) -> bool:
    from unsnare.analysis.context import talks_about_abuse

    return talks_about_abuse(folded)


def _view(lines: list[tuple[str, str]]) -> ConversationView:
    t = datetime(2026, 3, 1, tzinfo=UTC)
    messages = tuple(
        Message(f"m{i}", sender, t, text, Source("0" * 64, "t", line=i))
        for i, (sender, text) in enumerate(lines)
    )
    return build_view(Conversation("c", "text", "text", (), messages), Folder(), False)


@pytest.mark.parametrize("seed", range(6))
def test_the_window_for_all_messages_at_once_is_the_one_by_one_window(seed: int) -> None:
    rng = random.Random(seed)
    senders = ["o", "v"] if seed % 2 else ["o", "v", "a", "b", "c"]  # a room: rapport heads off
    lines = [(rng.choice(senders), rng.choice(LINES)) for _ in range(60)]
    detector = LearnedDetector()
    view = _view(lines)
    assert detector.detect(view) == _plain_findings(detector, view)


def test_a_threat_split_over_two_messages_is_read_together() -> None:
    detector = LearnedDetector()
    view = _view([("o", "i still have them"), ("v", "what"), ("o", "ur family will love them")])
    assert detector.detect(view) == _plain_findings(detector, view)
