"""Prevention material: before you accept (teen and adult), family guide, school lesson."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from unsnare.errors import InputError, UsageError
from unsnare.response._yaml import safe_load
from unsnare.response.prevention import (
    FILE,
    LANGUAGES,
    default_prevention,
    parse_prevention,
)

MATERIAL = default_prevention()
CODES = [c for c, _ in LANGUAGES]


def _raw() -> dict[str, Any]:
    from importlib import resources

    text = resources.files("unsnare.response").joinpath("data", FILE).read_text("utf-8")
    return copy.deepcopy(safe_load(text))


@pytest.mark.parametrize("lang", CODES)
@pytest.mark.parametrize("audience", ["teen", "adult"])
def test_before_you_accept_names_the_signs_of_a_fake_profile(audience: str, lang: str) -> None:
    check = MATERIAL.before_you_accept(audience, lang)
    ids = [i for i, _ in check.signs]
    for sign in ("new_account", "few_posts", "strange_mutuals", "move_app", "pictures_fast"):
        assert sign in ids
    assert check.title and check.intro and check.then
    # One screen: a handful of short lines.
    assert len(check.signs) <= 8 and all(len(t) < 160 for _, t in check.signs)


def test_teen_and_adult_words_differ() -> None:
    teen, adult = MATERIAL.before_you_accept("teen"), MATERIAL.before_you_accept("adult")
    assert teen.intro != adult.intro
    assert [t for _, t in teen.signs] != [t for _, t in adult.signs]


@pytest.mark.parametrize("lang", CODES)
def test_family_guide_says_tell_us_no_trouble_dont_pay(lang: str) -> None:
    guide = MATERIAL.family_guide(lang)
    text = json.dumps(guide, ensure_ascii=False).lower()
    words = {"en": ("tell me", "not be in trouble", "don't pay"),
             "es": ("cuéntamelo", "no te vas a meter en problemas", "no pagues"),
             "pt": ("me conte", "não vai ficar de castigo", "não pague")}[lang]
    for phrase in words:
        assert phrase in text, phrase
    agreement = guide["agreement"]
    assert agreement["young_person"] and agreement["parent"] and agreement["signatures"]


@pytest.mark.parametrize("lang", CODES)
def test_school_lesson_has_warning_signs_and_where_to_report(lang: str) -> None:
    lesson = MATERIAL.school_lesson(lang)
    assert len(lesson["warning_signs"]) >= 4
    assert lesson["report_steps"] and lesson["caution"]
    assert sum(part["minutes"] for part in lesson["outline"]) == 45


def test_report_services_come_from_the_help_directory() -> None:
    ids = [s.id for s in MATERIAL.report_services]
    assert ids[:2] == ["take_it_down", "stopncii"]
    assert all(s.source.startswith("https://") for s in MATERIAL.report_services)


@pytest.mark.parametrize(("lang", "getter"), [("de", "family_guide"), ("", "school_lesson")])
def test_unknown_language_is_a_usage_error(lang: str, getter: str) -> None:
    with pytest.raises(UsageError) as err:
        getattr(MATERIAL, getter)(lang)
    assert err.value.field == "lang" and "en" in (err.value.hint or "")


def test_a_missing_translation_is_refused() -> None:
    raw = _raw()
    del raw["school_lesson"]["pt"]
    with pytest.raises(InputError) as err:
        parse_prevention(raw)
    assert err.value.field == "school_lesson.pt" and err.value.file == FILE


def test_a_translation_with_a_point_missing_is_refused() -> None:
    raw = _raw()
    raw["family_guide"]["es"]["sections"][0]["points"].pop()
    with pytest.raises(InputError) as err:
        parse_prevention(raw)
    assert err.value.field == "family_guide.es"
    assert "same parts" in err.value.message


def test_an_empty_field_is_refused() -> None:
    raw = _raw()
    raw["family_guide"]["pt"]["intro"] = ""
    with pytest.raises(InputError) as err:
        parse_prevention(raw)
    assert err.value.field == "family_guide.pt"


def test_a_report_service_not_in_the_directory_is_refused() -> None:
    raw = _raw()
    raw["report_services"].append("made_up_hotline")
    with pytest.raises(InputError) as err:
        parse_prevention(raw)
    assert "made_up_hotline" in err.value.message


def test_teen_and_adult_signs_must_match() -> None:
    raw = _raw()
    raw["before_you_accept"]["es"]["adult"]["signs"][0]["id"] = "old_account"
    with pytest.raises(InputError) as err:
        parse_prevention(raw)
    assert err.value.field == "before_you_accept.es"


def test_page_words_exist_in_every_language_with_the_same_ids() -> None:
    english = set(MATERIAL.words("en"))
    assert all(i.startswith("privacy.") for i in english)
    for lang in CODES:
        assert set(MATERIAL.words(lang)) == english
    raw = _raw()
    del raw["messages"]["pt"]["privacy.print"]
    with pytest.raises(InputError) as err:
        parse_prevention(raw)
    assert err.value.field == "messages.pt.privacy.print"
