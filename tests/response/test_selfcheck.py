"""The warning-signs self-check: answers map to tactics and to the plan's triage."""

from __future__ import annotations

import pytest

from unsnare.errors import UsageError
from unsnare.response import Triage, build_plan
from unsnare.response.selfcheck import QUESTIONS, evaluate


@pytest.mark.parametrize(
    ("yes", "level", "demand"),
    [
        ([], "few_signs", "none"),
        (["fast_intimacy", "switch_app", "fake_identity"], "warning_signs", "none"),
        (["image_request"], "few_signs", "images"),
        (["image_request", "switch_app"], "warning_signs", "images"),
        (["threat"], "sextortion", "none"),
        (["threat", "money_demand"], "sextortion", "money"),
        (["more_demand"], "sextortion", "images"),
        (["money_demand", "more_demand"], "sextortion", "money"),
    ],
)
def test_answers_map_to_a_level_and_a_demand(yes: list[str], level: str, demand: str) -> None:
    result = evaluate(dict.fromkeys(yes, True))
    assert result.level == level
    assert result.demand == demand


def test_every_question_names_a_tactic_and_explains_itself() -> None:
    ids = [q.id for q in QUESTIONS]
    assert len(ids) == len(set(ids))
    for q in QUESTIONS:
        assert q.text.endswith("?") and q.tactic and q.explanation


def test_signs_explain_themselves_and_leave_out_facts() -> None:
    result = evaluate({"threat": True, "paid": True, "sent_images": True})
    assert [s.id for s in result.signs] == ["threat"]
    assert result.paid and result.sent_images


def test_unsafe_puts_safety_first() -> None:
    result = evaluate({"unsafe": True})
    assert result.summary.startswith("First, your safety")
    assert "help" in result.next_step


def test_result_fills_a_triage_that_builds_a_plan() -> None:
    result = evaluate({"money_demand": True, "paid": True, "unsafe": True})
    plan = build_plan(Triage(age=16, country="US", **result.triage_hints()))
    assert plan.steps[0].id == "crisis"
    assert "do_not_comply.paid.contact_provider" in plan.ids()


def test_unknown_question_is_named() -> None:
    with pytest.raises(UsageError, match="'nope'"):
        evaluate({"nope": True})


def test_next_step_carries_the_matching_plan_options() -> None:
    result = evaluate({"money_demand": True, "paid": True, "sent_images": True})
    assert "unsnare plan --age N --country XX --demand money --sent-images --paid" in (
        result.next_step)
