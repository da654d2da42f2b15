"""Every rule has a stable name, and a finding says which rule fired, its base
score and each adjustment made from the context (presidio's explanation)."""

from __future__ import annotations

import pytest

from support.analysis import run_detector
from unsnare.analysis import PatternDetector, Rule, Tactic, builtin_registry
from unsnare.analysis.base import rule_name


def _pattern_detectors() -> list[PatternDetector]:
    return [d for d in builtin_registry() if isinstance(d, PatternDetector)]


def test_rule_names_are_unique_across_the_built_in_detectors() -> None:
    names = [n for d in _pattern_detectors() for n in d.rule_names()]
    repeated = sorted({n for n in names if names.count(n) > 1})
    assert not repeated, f"give these rules an explicit `name=`: {repeated}"
    assert all(n.startswith(f"{d.name}/") for d in _pattern_detectors() for n in d.rule_names())


class _Pets(PatternDetector):
    name = "example_pets"
    tactic = Tactic.GROOMING
    rules = (
        Rule(r"\bsecret dog\b", 0.4, "A dog.", keys="dog"),
        Rule(r"\bsecret cat\b", 0.5, "A cat.", keys="cat", name="cat", boost=r"\bnow\b"),
    )


class _MorePets(_Pets):
    rules = (Rule(r"\bsecret bird\b", 0.3, "A bird.", keys="bird"), *_Pets.rules)


def test_a_name_survives_other_rules_being_added_before_it() -> None:
    assert _Pets().rule_names() == _MorePets().rule_names()[1:]
    assert _Pets().rule_names()[1] == "example_pets/cat"
    assert rule_name("example_pets", _Pets.rules[0]).startswith("example_pets/")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my secret dog", {"rule": rule_name("example_pets", _Pets.rules[0]), "base_score": 0.4}),
        ("my secret cat", {"rule": "example_pets/cat", "base_score": 0.5}),
        ("my secret cat now", {"rule": "example_pets/cat", "base_score": 0.5, "adjust_boost": 0.15}),
    ],
)
def test_a_finding_explains_its_score(text: str, expected: dict[str, object]) -> None:
    (finding,) = run_detector(_Pets(), text)
    assert {k: finding.get(k) for k in expected} == expected
    assert finding.to_dict()["detail"]["rule"] == expected["rule"]


def test_a_validate_hook_and_reported_speech_are_recorded() -> None:
    class Halved(_Pets):
        def validate(self, message, match, rule, score):  # type: ignore[no-untyped-def]
            return score / 2

    (finding,) = run_detector(Halved(), "my secret dog")
    assert finding.get("adjust_validate") == -0.2
    (reported,) = run_detector(_Pets(), "warning signs: scammers ask about your secret dog")
    assert reported.get("adjust_reported_speech") == 0.35
    assert reported.score == round(0.4 * 0.35, 3)


def test_every_built_in_pattern_finding_names_its_rule() -> None:
    registry = builtin_registry()
    text = "i will send your nudes to your family unless you pay $300 in bitcoin within 24 hours"
    findings = [f for d in registry if isinstance(d, PatternDetector) for f in run_detector(d, text)]
    assert findings
    for f in findings:
        assert str(f.get("rule")).startswith(f"{f.detector}/")
        assert isinstance(f.get("base_score"), float)


def test_every_built_in_rule_compiles_though_compiled_only_when_first_tried() -> None:
    # Patterns are compiled on first use (start-up time): a typo must still fail here.
    for d in _pattern_detectors():
        for c in d._compiled:
            assert c.regex.pattern == c.pattern
            for part, given in ((c.boost, c.rule.boost), (c.unless, c.rule.unless)):
                assert (part is None) == (not given)
            assert (c.requires is None) == (not c.rule.requires)
