"""The help directory: every entry sourced and dated, lookups by country and age."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from unsnare.errors import InputError
from unsnare.response import services_for
from unsnare.response.directory import default_directory, parse_directory

REQUIRED_COUNTRIES = ("US", "GB", "CA", "AU", "IE", "IN", "PH", "NG", "DE", "FR", "ES", "BR", "MX")
DIRECTORY = default_directory()


@pytest.mark.parametrize("service", DIRECTORY.services, ids=lambda s: s.id)
def test_every_entry_has_a_source_and_a_check_date(service: Any) -> None:
    assert service.source.startswith(("https://", "http://")), service.id
    assert isinstance(service.checked, dt.date)
    assert service.checked <= dt.date.today()  # a check date is never in the future
    assert service.url.startswith(("https://", "http://"))
    assert service.summary and service.handles and service.countries


@pytest.mark.parametrize("country", DIRECTORY.countries.values(), ids=lambda c: c.code)
def test_every_country_has_a_sourced_emergency_number(country: Any) -> None:
    assert country.emergency and country.source.startswith("http")
    assert isinstance(country.checked, dt.date)


def test_required_countries_are_covered() -> None:
    assert set(REQUIRED_COUNTRIES) <= set(DIRECTORY.covered())
    for code in REQUIRED_COUNTRIES:
        own = [s for s in DIRECTORY.services if code in s.countries]
        assert own, f"{code} has no service of its own"


@pytest.mark.parametrize(
    ("asked", "code"),
    [("GB", "GB"), ("uk", "GB"), ("United Kingdom", "GB"), ("usa", "US"), ("Deutschland", "DE"),
     ("brasil", "BR"), (" in ", "IN"), ("México", "MX")],
)
def test_country_names_and_aliases_resolve(asked: str, code: str) -> None:
    found = DIRECTORY.resolve(asked)
    assert found is not None and found.code == code


@pytest.mark.parametrize("asked", ["ZZ", "Narnia", "", "12"])
def test_unknown_country_falls_back_to_international_and_says_so(asked: str) -> None:
    lookup = DIRECTORY.lookup(asked, 16)
    assert lookup.fallback and lookup.country is None
    assert lookup.services and all(s.international for s in lookup.services)
    note = lookup.note()
    assert note is not None and "international" in note


@pytest.mark.parametrize(
    ("country", "age", "present", "absent"),
    [
        ("US", 15, {"us_ncmec_cybertipline", "take_it_down", "us_988"}, {"stopncii", "us_ic3"}),
        ("US", 30, {"us_ic3", "stopncii", "us_fbi_tips"}, {"us_ncmec_cybertipline", "take_it_down"}),
        ("GB", 15, {"gb_ceop", "gb_report_remove", "gb_childline", "gb_samaritans"},
         {"gb_revenge_porn_helpline", "gb_police_101"}),
        ("GB", 25, {"gb_revenge_porn_helpline", "gb_police_101"}, {"gb_ceop", "gb_childline"}),
        ("CA", 14, {"ca_cybertip", "ca_needhelpnow", "ca_kids_help_phone"}, {"ca_antifraud"}),
        ("AU", 16, {"au_esafety", "au_accce", "au_kids_helpline"}, set()),
        ("IN", 16, {"in_ncrp", "in_childline_1098"}, set()),
        ("US", 34, {"us_988"}, {"us_trevor_project"}),
        ("US", 20, {"us_trevor_project"}, set()),
        ("AU", 22, {"au_kids_helpline", "au_lifeline"}, {"au_accce"}),
    ],
)
def test_services_fit_country_and_age(country: str, age: int, present: set[str],
                                      absent: set[str]) -> None:
    ids = {s.id for s in services_for(country, age)}
    assert present <= ids
    assert not (absent & ids)


def test_national_services_come_before_international_ones() -> None:
    found = services_for("GB", 15)
    flags = [s.international for s in found]
    assert flags == sorted(flags)
    assert found[0].id == "gb_ceop"


def test_to_dict_carries_the_issue_fields() -> None:
    data = services_for("GB", 15)[0].to_dict()
    for key in ("id", "name", "handles", "countries", "url", "phone", "text", "hours",
                "anonymous", "source", "checked"):
        assert key in data


def _entry(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": "x", "name": "X", "summary": "s", "handles": ["reporting"], "countries": ["GB"],
        "url": "https://example.org", "source": "https://example.org/checked",
        "checked": "2026-11-25",
    }
    entry.update(changes)
    return {k: v for k, v in entry.items() if v is not None}


COUNTRY = [{"code": "GB", "name": "United Kingdom", "emergency": "999",
            "source": "https://example.org", "checked": "2026-11-25"}]


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        (_entry(source=None), "x.source"),
        (_entry(checked=None), "x.checked"),
        (_entry(checked="yesterday"), "x.checked"),
        (_entry(handles=["magic"]), "x.handles"),
        (_entry(countries=["Britain"]), "x.countries"),
        (_entry(url="example.org"), "x.url"),
        (_entry(anonymous="yes"), "x.anonymous"),
        (_entry(colour="red"), "x.colour"),
        (_entry(ages=[25, 5]), "x.ages"),
        (_entry(ages="teens"), "x.ages"),
    ],
)
def test_schema_refuses_bad_entries_and_names_the_field(entry: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_directory([entry], COUNTRY)
    assert caught.value.field == field


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(InputError, match="duplicate"):
        parse_directory([_entry(), _entry()], COUNTRY)
