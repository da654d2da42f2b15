"""The guide: every section for every audience, the topics the issue names, the FAQ."""

from __future__ import annotations

import re

import pytest

from unsnare.errors import UsageError
from unsnare.response.guide import (
    AUDIENCES,
    get_section,
    has_own_version,
    list_sections,
    section_slugs,
)

SLUGS = section_slugs()


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_section_exists_for_every_audience(audience: str) -> None:
    sections = list_sections(audience)
    assert [s.slug for s in sections] == SLUGS
    for s in sections:
        assert s.title and s.markdown.startswith(f"# {s.title}")
        assert s.audience == audience
        assert len(s.markdown.split()) > 80, s.slug


@pytest.mark.parametrize(
    ("slug", "needles"),
    [
        ("what-is-sextortion", ["blackmail", "Financial sextortion", "crime"]),
        ("how-it-unfolds", ["First contact", "Grooming and trust", "The image", "The threat",
                            "Escalating demands", "Financial sextortion"]),
        ("tactics", ["False identities", "Stolen or fake images", "Blackmail threats",
                     "Escalating demands", "Hacked devices and recorded video calls"]),
        ("who-is-at-risk", ["10 to 17", "LGBTQ+", "dating apps", "Public figures"]),
        ("impact", ["fear", "shame", "alone", "school or work", "hurting themselves",
                    "not your fault"]),
        ("prevention", ["Privacy settings", "Verify who someone is", "Secure your devices",
                        "updated"]),
        ("support-and-recovery", ["Helplines", "Recovery"]),
        ("faq", ["Is sextortion a crime?", "Can adults be victims?",
                 "Does reporting help if the offender is abroad?", "Will I get in trouble?",
                 "Will paying make it stop?"]),
    ],
)
def test_general_sections_cover_the_issue_topics(slug: str, needles: list[str]) -> None:
    text = " ".join(get_section(slug, "adult").markdown.split())
    for needle in needles:
        assert needle.lower() in text.lower(), (slug, needle)


@pytest.mark.parametrize(
    ("slug", "audience", "needles"),
    [
        ("prevention", "parent", ["Talk early", "grooming", "Parental controls"]),
        ("immediate-steps", "parent", ["Never save, copy or forward a nude image of a child"]),
        ("immediate-steps", "teen", ["Never save, screenshot or forward a nude picture",
                                     "Take It Down"]),
        ("faq", "teen", ["Will I get in trouble?", "No."]),
    ],
)
def test_audience_versions_where_advice_differs(slug: str, audience: str,
                                                needles: list[str]) -> None:
    assert has_own_version(slug, audience)
    text = " ".join(get_section(slug, audience).markdown.split())
    for needle in needles:
        assert needle in text


@pytest.mark.parametrize("audience", ["teen", "parent"])
def test_guide_for_young_people_and_parents_never_advises_keeping_a_nude_image(
        audience: str) -> None:
    for section in list_sections(audience):
        text = " ".join(section.markdown.split())
        for sentence in re.split(r"(?<=[.!?;])\s+", text):
            if re.search(r"\b(save|keep|send|forward|screenshot)\b", sentence, re.I) and \
                    re.search(r"\b(nude|explicit|intimate)\b", sentence, re.I):
                assert re.search(r"\b(never|don't|not)\b", sentence, re.I), sentence


def test_a_section_without_its_own_version_falls_back_to_the_general_text() -> None:
    assert not has_own_version("tactics", "teen")
    assert get_section("tactics", "teen").markdown == get_section("tactics").markdown


@pytest.mark.parametrize(("slug", "audience"), [("nope", "adult"), ("faq", "kid")])
def test_unknown_section_or_audience_is_named(slug: str, audience: str) -> None:
    with pytest.raises(UsageError) as caught:
        get_section(slug, audience)
    assert repr(slug if slug == "nope" else audience) in caught.value.message
