"""Triage answers: validation and filling from an analysis report dict."""

from __future__ import annotations

from typing import Any

import pytest

from unsnare.errors import UsageError
from unsnare.response import Triage


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"age": 0}, "age"), ({"age": -3}, "age"), ({"age": 130}, "age"), ({"age": 4}, "age"),
     ({"age": True}, "age"), ({"age": "15"}, "age"), ({"country": " "}, "country"),
     ({"demand": "cash"}, "demand"), ({"scheme": "other"}, "scheme")],
)
def test_impossible_values_name_the_field(kwargs: dict[str, Any], field: str) -> None:
    values: dict[str, Any] = {"age": 15, "country": "US", **kwargs}
    with pytest.raises(UsageError) as caught:
        Triage(**values)
    assert caught.value.field == field


def test_a_single_platform_string_is_one_platform() -> None:
    assert Triage(age=15, country="US", platforms="Instagram").platforms == (  # type: ignore[arg-type]
        "instagram",)


def test_platforms_are_normalised_and_deduplicated() -> None:
    t = Triage(age=15, country=" US ", platforms=("Snapchat", " snapchat", "", "Roblox"))
    assert t.platforms == ("snapchat", "roblox")
    assert t.country == "US"
    assert t.is_minor and not Triage(age=18, country="US").is_minor


REPORT: dict[str, Any] = {
    "risk": {"level": "high", "score": 0.91},
    "scheme": "financial_sextortion",
    "crisis": False,
    "findings": [{"tactic": "image_request"}, {"tactic": "payment_demand"}, {"tactic": None}],
    "identifiers": [{"platform": "instagram", "value": "fake_jess"}, {"platform": None},
                    {"value": "no platform"}],
}


@pytest.mark.parametrize(
    ("report", "overrides", "expected"),
    [
        (REPORT, {"age": 15, "country": "US"},
         {"demand": "money", "platforms": ("instagram",), "sent_images": True, "unsafe": False}),
        ({**REPORT, "crisis": True}, {"age": 15, "country": "US", "unsafe": False},
         {"unsafe": True}),
        ({"scheme": "grooming", "findings": [{"tactic": "image_request"}]},
         {"age": 13, "country": "GB"}, {"demand": "images", "sent_images": False}),
        ({"scheme": "image_sextortion"}, {"age": 16, "country": "CA"},
         {"demand": "images", "sent_images": True}),
        ({"scheme": "martian"}, {"age": 16, "country": "CA"}, {"scheme": "none", "demand": "none"}),
        (REPORT, {"age": 20, "country": "GB", "demand": "acts", "paid": True,
                  "platforms": ("whatsapp",)},
         {"demand": "acts", "paid": True, "platforms": ("instagram", "whatsapp")}),
        ({"age": 17, "country": "IE", "findings": "not a list"}, {}, {"age": 17}),
        ({"findings": [{"tactic": "self_harm_pressure"}]}, {"age": 15, "country": "US"},
         {"unsafe": True}),
        ({"findings": [{"tactic": "meeting"}]}, {"age": 13, "country": "US"}, {"demand": "acts"}),
        ({"identifiers": [{"platform": "paypal"}, {"platform": "cashapp"},
                          {"platform": "snapchat"}]}, {"age": 15, "country": "US"},
         {"platforms": ("snapchat",)}),
        ({"scheme": "image_sextortion", "identifiers": [{"kind": "payment_handle",
                                                         "platform": "cashapp"}]},
         {"age": 15, "country": "US"}, {"demand": "money", "platforms": ()}),
    ],
)
def test_from_analysis(report: dict[str, Any], overrides: dict[str, Any],
                       expected: dict[str, Any]) -> None:
    t = Triage.from_analysis(report, **overrides)
    for key, value in expected.items():
        assert getattr(t, key) == value, key


@pytest.mark.parametrize(
    ("report", "overrides", "field"),
    [({}, {"country": "US"}, "age"), ({}, {"age": 15}, "country"),
     ({}, {"age": 15, "country": "US", "colour": "red"}, "colour")],
)
def test_from_analysis_errors_name_the_field(report: dict[str, Any], overrides: dict[str, Any],
                                             field: str) -> None:
    with pytest.raises(UsageError) as caught:
        Triage.from_analysis(report, **overrides)
    assert caught.value.field == field


def test_triage_round_trips() -> None:
    t = Triage(age=15, country="US", demand="money", paid=True, platforms=("x",), unsafe=True)
    assert Triage.from_dict(t.to_dict()) == t


def test_payment_identifiers_are_not_platforms_to_report_to() -> None:
    report = {
        "scheme": "financial_sextortion",
        "identifiers": [
            {"kind": "crypto_address", "platform": "tron", "value": "T-invented"},
            {"kind": "payment_handle", "platform": "someNewPayApp", "value": "$inv"},
            {"kind": "handle", "platform": "snapchat", "value": "jordan.v22"},
        ],
    }
    t = Triage.from_analysis(report, age=15, country="US")
    assert t.platforms == ("snapchat",)
    assert t.demand == "money"
