"""The response plan: order, branches, safety of the words, and saved state."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsnare.errors import InputError, UsageError
from unsnare.response import Plan, Triage, build_plan
from unsnare.response.directory import default_directory
from unsnare.response.plan import STEP_IDS

COUNTRIES = default_directory().covered()
SUPPORT = {"crisis_support", "emotional_support"}
PLATFORMS = ["Instagram", "Facebook", "Snapchat", "WhatsApp", "TikTok", "Discord", "X",
             "Telegram", "Roblox", "Wizz", "Google Chat", "Gmail", "Tinder", "Grindr", "email"]


@pytest.mark.parametrize("age", [11, 15, 17, 18, 35, 70])
@pytest.mark.parametrize("country", COUNTRIES)
def test_every_country_gets_a_reporting_route_and_support(country: str, age: int) -> None:
    plan = build_plan(Triage(age=age, country=country))
    official = plan.step("official_help")
    assert any("reporting" in s.handles for s in official.services), (country, age)
    support = plan.step("support")
    assert any(SUPPORT & set(s.handles) for s in support.services), (country, age)


def test_steps_come_in_the_issue_order() -> None:
    plan = build_plan(Triage(age=16, country="US"))
    assert [s.id for s in plan.steps] == list(STEP_IDS[1:])


@pytest.mark.parametrize(
    "triage",
    [Triage(age=15, country="US", unsafe=True), Triage(age=40, country="GB", unsafe=True),
     Triage.from_analysis({"crisis": True, "scheme": "financial_sextortion"}, age=16,
                          country="CA"),
     Triage(age=15, country="ZZ", unsafe=True)],
)
def test_crisis_comes_first_with_a_crisis_line(triage: Triage) -> None:
    plan = build_plan(triage)
    assert plan.steps[0].id == "crisis"
    crisis = plan.steps[0]
    assert any("crisis_support" in s.handles for s in crisis.services)
    assert crisis.substeps[0].id == "crisis.emergency"


@pytest.mark.parametrize("age", [12, 17, 18, 60])
def test_unknown_country_still_gets_police_removal_and_support(age: int) -> None:
    plan = build_plan(Triage(age=age, country="ZZ"))
    assert "local police" in plan.step("official_help.local_police").text
    assert any("image_removal" in s.handles for s in plan.step("official_help").services)
    assert any(SUPPORT & set(s.handles) for s in plan.step("support").services)


def test_no_crisis_step_when_safe() -> None:
    assert "crisis" not in build_plan(Triage(age=15, country="US")).ids()


def test_us_crisis_line_is_988() -> None:
    crisis = build_plan(Triage(age=15, country="US", unsafe=True)).step("crisis")
    assert "us_988" in {s.id for s in crisis.services}
    assert "911" in crisis.substeps[0].text


def test_paid_already_branch() -> None:
    plan = build_plan(Triage(age=19, country="IN", demand="money", paid=True))
    ids = plan.ids()
    for sub in ("contact_provider", "report_recipient", "dont_pay_again", "not_your_fault"):
        assert f"do_not_comply.paid.{sub}" in ids
    provider = plan.step("do_not_comply.paid.contact_provider")
    assert "dispute" in provider.text
    assert "in_ncrp" in {s.id for s in provider.services}
    assert "not your fault" in plan.step("do_not_comply.paid.not_your_fault").text.lower()


def test_no_paid_branch_when_nothing_was_paid() -> None:
    assert not [i for i in build_plan(Triage(age=19, country="IN")).ids() if ".paid." in i]


def test_unknown_country_falls_back_and_says_so() -> None:
    plan = build_plan(Triage(age=15, country="Atlantis"))
    assert plan.fallback and plan.country is None
    assert "Atlantis" in plan.notes[0] and "international" in plan.notes[0]
    ids = {s.id for s in plan.services()}
    assert {"take_it_down", "inhope"} <= ids
    assert "local police" in plan.step("official_help.local_police").text


# A sentence that names an explicit image and an act of keeping or sending it
# must be a prohibition for anyone under 18.
_ACT = re.compile(r"\b(save|saving|screenshot|keep|send|sending|forward|share|upload|copy|post)\b",
                  re.I)
_IMAGE = re.compile(r"\b(explicit|nude|naked|intimate|sexual)\b[\w\s,]{0,20}\b(image|images|"
                    r"photo|photos|picture|pictures|pic|pics|video|videos)\b", re.I)
_NEGATION = re.compile(r"\b(never|don't|do not|not|no)\b", re.I)
# Sentences that describe what an offender does or did are not advice.
_DESCRIPTION = re.compile(r"threat|without consent|been shared|may be shared|is online", re.I)


def _unsafe_image_advice(text: str) -> list[str]:
    """Sentences that tell someone to keep or send an explicit image."""
    bad = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if (_ACT.search(sentence) and _IMAGE.search(sentence)
                and not _DESCRIPTION.search(sentence) and not _NEGATION.search(sentence)):
            bad.append(sentence)
    return bad


@pytest.mark.parametrize(
    ("text", "flagged"),
    [("Save the nude photo so you have proof.", True),
     ("Screenshot everything, including the explicit images.", True),
     ("Forward the intimate video to the police.", True),
     ("Never save or forward an explicit image.", False),
     ("Don't send more photos.", False),
     ("They made threats to share intimate images.", False)],
)
def test_the_image_advice_scanner_catches_unsafe_sentences(text: str, flagged: bool) -> None:
    assert bool(_unsafe_image_advice(text)) is flagged


def _minor_triages() -> list[Triage]:
    out = []
    for country in [*COUNTRIES, "ZZ"]:
        for age in (10, 14, 17):
            out.append(Triage(age=age, country=country, demand="images", sent_images=True,
                              paid=True, platforms=tuple(PLATFORMS), unsafe=True))
            out.append(Triage(age=age, country=country, demand="acts"))
            for asker in ("self", "parent"):
                out.append(Triage(age=age, country=country, scheme="grooming", asker=asker,
                                  meeting=True))
    return out


@pytest.mark.parametrize("triage", _minor_triages(), ids=lambda t: f"{t.country}-{t.age}")
def test_no_plan_for_a_minor_advises_saving_or_sending_an_explicit_image(triage: Triage) -> None:
    plan = build_plan(triage)
    assert _unsafe_image_advice(plan.all_text()) == []
    assert plan.step("preserve_evidence.no_explicit_images").text.startswith("Never save")


def test_adults_are_told_not_to_forward_and_offered_stopncii() -> None:
    step = build_plan(Triage(age=30, country="GB")).step("preserve_evidence.intimate_images")
    assert "Don't forward" in step.text
    assert "stopncii" in {s.id for s in step.services}


def test_evidence_comes_before_blocking_and_reporting_before_blocking() -> None:
    ids = build_plan(Triage(age=15, country="US", platforms=("snapchat",))).ids()
    assert ids.index("preserve_evidence") < ids.index("block_and_report")
    assert ids.index("block_and_report.order") < ids.index("block_and_report.snapchat")


@pytest.mark.parametrize(
    ("name", "step_id"),
    [("Instagram", "instagram"), ("facebook", "facebook"), ("Messenger", "facebook"),
     ("Snapchat", "snapchat"), ("WhatsApp", "whatsapp"), ("TikTok", "tiktok"),
     ("Discord", "discord"), ("X", "x"), ("twitter", "x"), ("Telegram", "telegram"),
     ("Roblox", "roblox"), ("Wizz", "wizz"), ("Google Chat", "google"), ("Gmail", "google"),
     ("Tinder", "dating"), ("dating app", "dating"), ("email", "email"), ("Outlook", "email")],
)
def test_platform_steps_say_where_to_report(name: str, step_id: str) -> None:
    plan = build_plan(Triage(age=16, country="AU", platforms=(name,)))
    step = plan.step(f"block_and_report.{step_id}")
    assert "Report" in step.text or "report" in step.text


def test_unknown_platform_gets_general_advice() -> None:
    step = build_plan(Triage(age=16, country="AU", platforms=("Zorblr",))).step(
        "block_and_report.other.zorblr")
    assert "Report" in step.text


def test_ids_are_stable_and_unique() -> None:
    triage = Triage(age=16, country="US", demand="money", paid=True,
                    platforms=tuple(PLATFORMS), unsafe=True)
    first, second = build_plan(triage).ids(), build_plan(triage).ids()
    assert first == second
    assert len(first) == len(set(first))


def test_plan_round_trips_with_ticks() -> None:
    plan = build_plan(Triage(age=16, country="US", paid=True, platforms=("discord",)))
    ticked = plan.tick("do_not_comply.dont_pay").tick("block_and_report.discord")
    saved = json.loads(json.dumps(ticked.to_dict()))
    again = Plan.from_dict(saved)
    assert again.to_dict() == ticked.to_dict()
    assert again.step("do_not_comply.dont_pay").done
    assert not again.step("do_not_comply").done
    assert not again.tick("do_not_comply.dont_pay", done=False).step(
        "do_not_comply.dont_pay").done


def test_saved_country_in_an_odd_shape_is_tolerated() -> None:
    saved = build_plan(Triage(age=16, country="US")).to_dict()
    saved["country"] = "US"
    assert Plan.from_dict(saved).country is None


def test_ticking_an_unknown_step_names_it() -> None:
    with pytest.raises(UsageError, match="no step 'nope'"):
        build_plan(Triage(age=16, country="US")).tick("nope")


@pytest.mark.parametrize(
    ("data", "field"),
    [({"format": 99}, "format"), ({"format": 1, "steps": []}, "triage"),
     ({"format": 1, "triage": {"age": 15, "country": "US"}, "steps": [{"id": "x"}]}, "title"),
     ({"format": 1, "triage": {"age": 15, "country": "US"}, "steps": "oops"}, "steps"),
     ({"format": 1, "triage": {"age": 15, "country": "US"}, "steps": ["oops"]}, "steps"),
     ({"format": 1, "triage": {"age": 15, "country": "US"},
       "steps": [{"id": "x", "title": "t", "text": "t", "substeps": "no"}]}, "substeps")],
)
def test_bad_saved_plans_are_refused_clearly(data: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as caught:
        Plan.from_dict(data)
    assert caught.value.field == field


def test_mass_email_scheme_says_it_is_usually_a_bluff() -> None:
    triage = Triage.from_analysis({"scheme": "mass_email_sextortion"}, age=40, country="DE")
    assert "bluff" in build_plan(triage).step("do_not_comply.mass_email").title


def test_outing_threat_in_an_analysis_adds_lgbtq_support() -> None:
    triage = Triage.from_analysis({"findings": [{"tactic": "outing_threat"}]}, age=16,
                                  country="US")
    step = build_plan(triage).step("support.outing_threat")
    assert "us_trevor_project" in {s.id for s in step.services}
    assert "support.outing_threat" not in build_plan(Triage(age=16, country="US")).ids()


def test_nothing_sent_yet_says_they_may_be_bluffing() -> None:
    ids = build_plan(Triage(age=15, country="US", demand="images")).ids()
    assert "do_not_comply.nothing_sent" in ids
    sent = build_plan(Triage(age=15, country="US", demand="images", sent_images=True)).ids()
    assert "do_not_comply.nothing_sent" not in sent


_NAMES = st.sampled_from(["instagram", "Snap", "WhatsApp", "Roblox", "Zorblr", "gmail",
                          "Google Chat", "tinder", "X", "kik", "sms"])


@settings(max_examples=60, deadline=None)
@given(age=st.integers(min_value=5, max_value=120),
       country=st.sampled_from([*COUNTRIES, "ZZ", "uk", "Deutschland", "Atlantis"]),
       demand=st.sampled_from(["money", "images", "acts", "none"]),
       sent=st.booleans(), paid=st.booleans(), unsafe=st.booleans(),
       platforms=st.lists(_NAMES, max_size=5))
def test_any_triage_builds_a_plan_that_round_trips(age: int, country: str, demand: str,
                                                   sent: bool, paid: bool, unsafe: bool,
                                                   platforms: list[str]) -> None:
    triage = Triage(age=age, country=country, demand=demand, sent_images=sent, paid=paid,
                    platforms=tuple(platforms), unsafe=unsafe)
    plan = build_plan(triage)
    ids = plan.ids()
    assert len(ids) == len(set(ids))
    assert (ids[0] == "crisis") is unsafe
    assert Plan.from_dict(json.loads(json.dumps(plan.to_dict()))).to_dict() == plan.to_dict()
    if triage.is_minor:
        assert _unsafe_image_advice(plan.all_text()) == []


def test_adults_in_australia_are_offered_reportcyber_and_children_the_accce() -> None:
    adult = {s.id for s in build_plan(Triage(age=30, country="AU")).services()}
    child = {s.id for s in build_plan(Triage(age=15, country="AU")).services()}
    assert "au_reportcyber" in adult and "au_reportcyber" not in child
    assert "au_accce" in child
