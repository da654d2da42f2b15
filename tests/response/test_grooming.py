"""The grooming plan: for a parent or for the young person, never "don't pay"."""

from __future__ import annotations

import pytest

from unsnare.response.plan import build_plan
from unsnare.response.triage import Triage


@pytest.mark.parametrize(
    ("triage", "grooming"),
    [(Triage(age=13, country="GB", scheme="grooming", asker="parent"), True),
     (Triage(age=13, country="GB", scheme="grooming", demand="images"), True),
     (Triage(age=13, country="GB", meeting=True), True),
     (Triage(age=13, country="GB", scheme="grooming", demand="money"), False),
     (Triage(age=13, country="GB", scheme="grooming", paid=True), False),
     (Triage(age=13, country="GB", meeting=True, demand="images"), False),
     (Triage(age=15, country="US", scheme="financial_sextortion", demand="money"), False)],
)
def test_grooming_without_a_money_demand_gets_the_grooming_plan(triage: Triage,
                                                                grooming: bool) -> None:
    plan = build_plan(triage)
    ids = [s.id for s in plan.steps]
    assert ("grooming" in ids) is grooming
    assert ("do_not_comply" in ids) is not grooming
    if grooming:
        assert "Don't pay" not in plan.all_text()


def test_the_parent_plan_speaks_to_the_parent_and_names_ceop() -> None:
    plan = build_plan(Triage(age=13, country="GB", scheme="grooming", asker="parent",
                             meeting=True, platforms=("Snapchat",)))
    step = plan.steps[0]
    assert step.id == "grooming" and "your child" in step.text
    ids = [s.id for s in step.substeps]
    assert ids[:4] == ["grooming.stay_calm", "grooming.dont_confront", "grooming.keep_evidence",
                       "grooming.report_meeting"]
    meeting = plan.step("grooming.report_meeting")
    assert "They have asked to meet" in meeting.text and "CEOP" in meeting.text
    assert "gb_ceop" in {s.id for s in meeting.services}
    assert "999" in meeting.text
    assert "not your child's fault" in plan.notes[0]


def test_the_young_person_gets_the_same_steps_in_words_for_them() -> None:
    plan = build_plan(Triage(age=14, country="GB", scheme="grooming"))
    assert plan.steps[0].substeps[0].id == "grooming.dont_meet"
    assert "your child" not in plan.steps[0].text


def test_asker_and_meeting_round_trip_and_come_from_an_analysis() -> None:
    triage = Triage(age=13, country="GB", asker="parent", meeting=True)
    assert Triage.from_dict(triage.to_dict()) == triage
    report = {"scheme": "grooming", "findings": [
        {"tactic": "grooming", "detail": {"kind": "meeting"}, "message_id": "m1"}]}
    found = Triage.from_analysis(report, age=13, country="GB", asker="parent", meeting=False)
    assert found.meeting and found.asker == "parent" and found.is_grooming


def test_an_unknown_asker_is_named() -> None:
    from unsnare.errors import UsageError

    with pytest.raises(UsageError) as err:
        Triage(age=13, country="GB", asker="uncle")
    assert err.value.field == "asker"
