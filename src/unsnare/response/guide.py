"""The guide: Markdown sections in the package, one file per section and audience.

``content/sections.yaml`` lists the sections in reading order. Each section
has ``content/<slug>.md`` (the general text, written for adults) and, where
the advice differs, ``<slug>.teen.md`` and ``<slug>.parent.md``. The CLI
renders these files now; the web app renders the same files later.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

from unsnare.errors import InputError, UsageError
from unsnare.response._yaml import safe_load

AUDIENCES = ("teen", "adult", "parent")


@dataclass(frozen=True)
class GuideSection:
    """One section of the guide for one audience."""

    slug: str
    title: str
    markdown: str
    audience: str = "adult"


def _content() -> Traversable:
    return resources.files("unsnare.response").joinpath("content")


def section_slugs() -> list[str]:
    """Section slugs in reading order."""
    raw = safe_load(_content().joinpath("sections.yaml").read_text("utf-8"))
    if not isinstance(raw, list) or not all(isinstance(s, str) for s in raw):
        raise InputError("the guide index must be a list of section names",
                         file="content/sections.yaml")
    return list(raw)


def _check_audience(audience: str) -> str:
    if audience not in AUDIENCES:
        raise UsageError(f"unknown audience {audience!r}", field="audience",
                         hint="choose one of: " + ", ".join(AUDIENCES))
    return audience


def _title(markdown: str, slug: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise InputError("the section has no '# ' title line", file=f"content/{slug}.md")


def get_section(slug: str, audience: str = "adult") -> GuideSection:
    """One section for an audience (its own version where the advice differs)."""
    _check_audience(audience)
    slugs = section_slugs()
    if slug not in slugs:
        raise UsageError(f"there is no guide section {slug!r}", field="section",
                         hint="choose one of: " + ", ".join(slugs))
    folder = _content()
    specific = folder.joinpath(f"{slug}.{audience}.md")
    source = specific if specific.is_file() else folder.joinpath(f"{slug}.md")
    markdown = source.read_text("utf-8")
    return GuideSection(slug=slug, title=_title(markdown, slug), markdown=markdown,
                        audience=audience)


def list_sections(audience: str = "adult") -> list[GuideSection]:
    """Every section for an audience, in reading order."""
    _check_audience(audience)
    return [get_section(slug, audience) for slug in section_slugs()]


def has_own_version(slug: str, audience: str) -> bool:
    """True when the section has text written for this audience."""
    return _content().joinpath(f"{slug}.{audience}.md").is_file()
