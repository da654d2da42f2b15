"""Every detector passes the same contract, driven by its own examples; the
registry refuses duplicates and takes outside detectors the same way."""

from __future__ import annotations

import pytest

from support.analysis import run_detector
from unsnare.analysis import (
    Analyzer,
    Detector,
    DetectorRegistry,
    Finding,
    PatternDetector,
    Rule,
    Tactic,
    analyze_text,
    builtin_registry,
)
from unsnare.analysis.base import loosen_spaces
from unsnare.analysis.view import ConversationView
from unsnare.errors import UsageError

EXAMPLES = {
    "false_identity": "i told you i was 17 but that was a lie",
    "stolen_content": "i already sent you mine, your turn",
    "image_request": "send me a naked pic",
    "sexual_content": "i want to fuck you",
    "threat_to_expose": "i will send your nudes to your family",
    "outing_threat": "i'll tell everyone you're gay",
    "payment_demand": "send $300 or else",
    "deadline": "you have 2 hours to pay",
    "escalating_demands": "now i want another $300",
    "hacking_claim": "i hacked your phone",
    "grooming": "don't tell your parents about us",
    "self_harm_pressure": "just kill yourself",
    "learned": "pay 300 now or your pics go to every single one of your followers",
}


def test_every_builtin_detector_has_an_example() -> None:
    assert set(builtin_registry().names()) == set(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_detector_contract(name: str) -> None:
    detector = builtin_registry().get(name)
    assert detector.name == name
    assert detector.version
    text = EXAMPLES[name]
    findings = run_detector(detector, text)
    assert findings, f"{name} found nothing in its own example"
    for f in findings:
        assert isinstance(f, Finding)
        assert f.tactic in set(Tactic)
        assert f.detector == name and f.version == detector.version
        assert 0 <= f.start < f.end <= len(text)
        assert 0.0 < f.score <= 1.0
        # One plain sentence, for a frightened 15-year-old.
        assert f.explanation.endswith(".") and len(f.explanation) < 160


def test_tactic_names_are_the_agreed_ones() -> None:
    assert {str(t) for t in Tactic} == {
        "false_identity", "stolen_content", "image_request", "sexual_content",
        "threat_to_expose", "outing_threat", "payment_demand", "deadline",
        "escalating_demands", "hacking_claim", "grooming", "self_harm_pressure",
    }  # fmt: skip


def test_registry_refuses_duplicates_and_nameless_detectors() -> None:
    reg = builtin_registry()
    with pytest.raises(UsageError):
        reg.register(type(reg.get("deadline"))())

    class Nameless(PatternDetector):
        tactic = Tactic.DEADLINE

    with pytest.raises(UsageError):
        DetectorRegistry().register(Nameless())


class PizzaCodeWord(PatternDetector):
    """An outside detector, registered exactly like the built-ins."""

    name = "example_code_word"
    version = "1"
    tactic = Tactic.GROOMING
    rules = (
        Rule(r"\bpineapple protocol\b", 0.5, "They use a code word.", keys="pineapple",
             detail=(("kind", "secrecy"),)),
    )  # fmt: skip


def test_an_outside_detector_registers_like_a_builtin() -> None:
    reg = builtin_registry()
    reg.register(PizzaCodeWord())
    report = analyze_text("remember the pineapple protocol", Analyzer(reg))
    assert [f.detector for f in report.findings] == ["example_code_word"]


def test_detectors_see_the_whole_conversation() -> None:
    seen: list[int] = []

    class Counter(Detector):
        name = "counter"

        def detect(self, conversation: ConversationView) -> list[Finding]:
            seen.append(len(conversation.messages))
            return []

    reg = DetectorRegistry()
    reg.register(Counter())
    long_text = "\n".join(f"line {i} " + "x" * 40 for i in range(60))
    analyze_text(long_text, Analyzer(reg))
    assert seen == [60]


@pytest.mark.parametrize(
    ("pattern", "loose"),
    [
        (r"a b", r"a\s+b"),
        (r"web ?cam", r"web\s*cam"),
        (r"[- ]screen", r"[- ]screen"),
        (r"a\ b", r"a\ b"),
    ],
)
def test_rule_spaces_match_any_white_space(pattern: str, loose: str) -> None:
    assert loosen_spaces(pattern) == loose


def test_double_spaces_and_line_breaks_do_not_hide_a_rule() -> None:
    report = analyze_text("TEXT  ME  WHEN  YOUR\n  PARENTS  ARE  ASLEEP")
    assert "isolation" in {f.get("kind") for f in report.findings}
