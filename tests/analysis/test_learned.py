"""The learned layer: fast path equals the plain one, findings explain themselves,
and the shipped model is the one its training data and script build."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from unsnare.analysis import Analyzer, analyze_text
from unsnare.analysis.engine import combine_layers
from unsnare.analysis.learned.detector import READS_LIKE, READS_OVERALL, LearnedDetector, chunks
from unsnare.analysis.learned.heads import OVERALL
from unsnare.analysis.learned.model import MODEL_FILE, LearnedModel
from unsnare.analysis.normalize import Normalizer
from unsnare.analysis.report import Finding
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import Folder
from unsnare.analysis.text_input import conversation_from_text
from unsnare.analysis.view import build_view
from unsnare.models import Conversation, Message, Source

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    "hey how r u",
    "pay 300 or your pics go to everyone",
    "pay 300 or your pics go to everyone " * 40,
    "Ich habe dein Gerät gehackt. Zahle 500 € in Bitcoin, sonst bekommen alle deine Kontakte das Video.",
    "",
    "🙂🙂🙂",
    "a " * 500,
]


@pytest.fixture(scope="module")
def model() -> LearnedModel:
    return LearnedModel.load()


def test_the_batch_path_gives_the_plain_path_margins(model: LearnedModel) -> None:
    folded = [Normalizer().fold(t).text for t in TEXTS]
    fast = model.batch_margins(folded)
    for i, text in enumerate(folded):
        assert np.allclose(fast[i], model.margins_of(text), atol=1e-4), TEXTS[i]


def test_repeating_a_message_does_not_make_the_model_surer(model: LearnedModel) -> None:
    line = TEXTS[1] + " "
    twice, many = model.batch_margins([line * 2, line * 50])
    once = twice
    assert np.allclose(once, many, atol=1e-4)


def test_long_text_is_read_in_pieces_of_whole_sentences() -> None:
    text = "This is one sentence. " * 100
    pieces = chunks(text)
    assert len(pieces) > 3
    for start, piece in pieces:
        assert text[start : start + len(piece)] == piece


def test_model_only_findings_say_what_the_message_reads_like() -> None:
    report = analyze_text("Betaal 300 euro of ik stuur je naaktfoto's naar al je vrienden")
    model_findings = [f for f in report.findings if f.get("layer") == "model"]
    for f in model_findings:
        assert "reads like" in f.explanation and "learned model" in f.explanation
        assert isinstance(f.get("model_score"), float)
        assert f.detector == "learned"
    assert report.risk.flagged


def test_every_tactic_the_model_knows_has_plain_words(model: LearnedModel) -> None:
    assert {Tactic(o) for o in model.outputs if o != OVERALL} <= set(READS_LIKE)


def test_the_overall_head_is_the_last_output_with_its_own_threshold(model: LearnedModel) -> None:
    assert model.outputs[-1] == OVERALL and OVERALL not in model.outputs[:-1]
    assert len(model.thresholds) == len(model.outputs) == model.weights.shape[1]
    assert "overall" in model.meta["cross_validation"]
    assert LearnedDetector(model)._overall == len(model.outputs) - 1


def _overall_finding(text: str, rule_score: float) -> list[Finding]:
    """The engine's combination of one weak (or strong) rule finding and one
    overall-head finding on the same message."""
    rule = Finding("m1", 0, 4, Tactic.GROOMING, "grooming", "1", rule_score, "A rule.")
    model = Finding(
        "m1", 0, 4, Tactic.IMAGE_REQUEST, "learned", "1", 0.5, "The model.",
        detail=(("layer", "model"), ("model_score", 0.9), ("head", OVERALL)),
    )
    conv, is_email, _ = conversation_from_text("text")
    return combine_layers([rule, model], build_view(conv, Folder(), is_email))


def test_the_overall_head_lifts_a_weak_rule_reading_and_takes_its_tactic() -> None:
    out = _overall_finding("text", 0.3)
    lifted = [f for f in out if f.get("head") == OVERALL]
    assert len(lifted) == 1 and lifted[0].tactic is Tactic.GROOMING


@pytest.mark.parametrize("rule_score", [0.05, 0.45])
def test_the_overall_head_is_silent_alone_and_where_a_rule_already_explains(
    rule_score: float,
) -> None:
    assert not [f for f in _overall_finding("text", rule_score) if f.get("head") == OVERALL]


def test_an_overall_finding_says_so_in_plain_words() -> None:
    detector = LearnedDetector()
    o = detector._overall
    assert o is not None
    conv, is_email, _ = conversation_from_text("hey")
    view = build_view(conv, Folder(), is_email)
    f = detector._finding(view.messages[0], Tactic.GROOMING, o, 0.9, False, {}, False)
    assert f.explanation.startswith("A rule saw a warning sign here")
    assert READS_OVERALL in f.explanation and "0.90" in f.explanation
    assert f.get("layer") == "model" and f.get("head") == OVERALL


def test_the_shipped_model_is_built_from_the_training_data_in_the_repo(
    model: LearnedModel,
) -> None:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "training" / "data").glob("*.jsonl")):
        digest.update(path.read_bytes())
    assert model.meta["training_data_sha256"] == digest.hexdigest(), (
        "training/data changed: rebuild the model with training/build_model.py"
    )
    size = (ROOT / "src" / "unsnare" / "analysis" / "learned" / MODEL_FILE).stat().st_size
    assert size <= 50_000_000


def test_a_rule_explains_first_and_the_model_does_not_repeat_it() -> None:
    report = analyze_text("i will send your nudes to your family")
    ruled = {(f.message_id, f.tactic) for f in report.findings if f.get("layer") != "model"}
    assert ruled
    for f in report.findings:
        if f.get("layer") == "model":
            assert (f.message_id, f.tactic) not in ruled


def test_the_detector_can_be_given_its_model() -> None:
    detector = LearnedDetector(LearnedModel.load())
    assert detector.model.outputs
    assert Analyzer().registry.get("learned").version == detector.version


@pytest.mark.parametrize(
    "text",
    ["", "🙂🙂🙂🔥🔥", "ok", "Привет 你好 مرحبا hello hola", "\x00\x01\x02" * 100, "a" * 100_000],
)
def test_odd_input_stays_calm(text: str) -> None:
    report = analyze_text(text)
    assert not report.risk.flagged


def test_a_warning_describing_the_scheme_weighs_less_in_the_model_too() -> None:
    detector = LearnedDetector()
    direct = "pay 300 or your pics go to everyone"
    warning = "scammers: pay 300 or your pics go to everyone"

    def best(text: str) -> tuple[float, bool]:
        conv, is_email, _ = conversation_from_text(text)
        found = detector.detect(build_view(conv, Folder(), is_email))
        assert found, text
        top = max(found, key=lambda f: f.score)
        return top.score, bool(top.get("reported_speech"))

    (direct_score, direct_reported), (warning_score, warning_reported) = best(direct), best(warning)
    assert not direct_reported and warning_reported
    assert warning_score < 0.4 <= direct_score


def test_context_messages_weigh_in_windows_but_get_no_findings() -> None:
    # The incremental reader passes the messages it read before as `context`: the
    # findings are those of a whole reading on the messages after them, unchanged.
    lines = [("x", "i still have all of them"), ("y", "what do you mean"),
             ("x", "pay me 200 or your pics go to everyone"), ("x", "ur family will love them"),
             ("y", "please stop"), ("x", "send the money on cashapp, you have 1 hour"),
             ("x", "i saved ur pics. pay or i post them")]
    conv = Conversation("c", "test", "test", (), tuple(
        Message(f"m{i}", s, None, t, Source("", "test")) for i, (s, t) in enumerate(lines)))
    view = build_view(conv, Folder(), False)
    detector = LearnedDetector()
    whole = detector.detect(view)
    assert whole
    for context in range(len(lines) + 2):
        later = {f"m{i}" for i in range(context, len(lines))}
        assert detector.detect(view, context=context) == [
            f for f in whole if f.message_id in later]
