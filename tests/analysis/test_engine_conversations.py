"""Whole invented conversations: scheme, stage timeline, risk, crisis, roles."""

from __future__ import annotations

import pytest

from support.analysis import DATA, load_case
from unsnare.analysis import Analyzer, RiskLevel, analyze, analyze_text

ORDER = ["none", "low", "medium", "high", "critical"]
CASES = sorted(p.name for p in DATA.glob("*.json"))


@pytest.mark.parametrize("name", CASES)
def test_invented_conversation(name: str, analyzer: Analyzer) -> None:
    conv, expect = load_case(name)
    report = analyzer.analyze(conv)
    assert str(report.scheme) == expect["scheme"]
    assert str(report.stage) == expect.get("stage", "none")
    if "level" in expect:
        assert str(report.risk.level) == expect["level"]
    if "level_at_most" in expect:
        assert ORDER.index(str(report.risk.level)) <= ORDER.index(expect["level_at_most"])
    assert report.crisis is expect["crisis"]
    found = {str(f.tactic) for f in report.findings}
    assert set(expect.get("tactics", [])) <= found, found
    kinds = {f.get("kind") for f in report.findings}
    assert set(expect.get("grooming_kinds", [])) <= kinds
    normalized = {i.normalized for i in report.identifiers}
    assert set(expect.get("identifiers", [])) <= normalized, normalized
    if "language" in expect:
        assert report.language == expect["language"]
    if "offenders" in expect:
        assert list(report.offenders) == expect["offenders"]


def test_stages_are_in_timeline_order_with_times() -> None:
    conv, _ = load_case("financial_sextortion_en.json")
    report = analyze(conv)
    stages = [str(s.stage) for s in report.stages]
    assert stages == ["contact", "rapport", "image_exchange", "threat", "demand", "escalation"]
    times = [s.timestamp for s in report.stages]
    assert all(t is not None and t.tzinfo is not None for t in times)
    assert times == sorted(t for t in times if t is not None)


def test_findings_from_the_person_targeted_are_not_held_against_them() -> None:
    conv, _ = load_case("financial_sextortion_en.json")
    report = analyze(conv)
    owner_msgs = {m.id for m in conv.messages if m.sender == "me"}
    assert not [f for f in report.findings if f.message_id in owner_msgs]
    assert report.crisis_messages == ("m15",)


def test_the_owner_is_inferred_when_the_export_does_not_say() -> None:
    conv, _ = load_case("financial_sextortion_es.json")
    report = analyze(conv)
    assert report.offenders == ("o",)


def test_drivers_explain_the_risk() -> None:
    conv, _ = load_case("financial_sextortion_en.json")
    risk = analyze(conv).risk
    assert 1 <= len(risk.drivers) <= 3
    assert risk.drivers[0].score == max(d.score for d in risk.drivers)


def test_mass_email_is_recognised_from_an_eml_file() -> None:
    report = analyze_text((DATA / "mass_email.eml").read_text(encoding="utf-8"))
    assert str(report.scheme) == "mass_email_sextortion"
    assert report.risk.level in (RiskLevel.HIGH, RiskLevel.CRITICAL)
    assert {"hacking_claim", "payment_demand", "threat_to_expose", "deadline"} <= {
        str(t) for t in report.tactics()
    }
    btc = [i for i in report.identifiers if i.kind == "crypto_address"]
    assert btc and btc[0].valid is True
    assert report.stages and report.stages[0].timestamp is not None


def test_report_dict_has_the_agreed_keys() -> None:
    d = analyze_text("send $300 or everyone sees it").to_dict()
    assert {"risk", "scheme", "stage", "stages", "crisis", "crisis_messages", "findings",
            "identifiers", "language", "supported_language", "warnings"} <= set(d)  # fmt: skip
    assert {"level", "score", "drivers"} <= set(d["risk"])
    f = d["findings"][0]
    assert set(f) == {"message_id", "start", "end", "tactic", "detail", "detector", "version",
                      "score", "explanation"}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        # A fake identity alone is not grooming: no grooming tactic, image or threat.
        ("my friend made a fake account to troll the group chat", "none"),
        ("lol this is my fake profile for the game", "none"),
        # Next to a real grooming signal it still is.
        ("i told you i was 16 but that was a lie. send me a pic in the shower", "grooming"),
        ("it was a fake profile. she wants $300 or she posts my pics", "financial_sextortion"),
    ],
)
def test_a_false_identity_alone_does_not_make_grooming(text: str, scheme: str) -> None:
    assert str(analyze_text(text).scheme) == scheme
