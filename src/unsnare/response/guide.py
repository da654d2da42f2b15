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
    # The language of `markdown` ("en" unless a translation was found).
    lang: str = "en"


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


def get_section(slug: str, audience: str = "adult", lang: str = "en") -> GuideSection:
    """One section for an audience (its own version where the advice differs).

    With `lang`, a translation (``<slug>.<audience>.<lang>.md``, or
    ``<slug>.<lang>.md`` where the audience has no own version) is used when it
    exists; otherwise the English text. A teen never gets the adult text just
    because only that one was translated.
    """
    _check_audience(audience)
    slugs = section_slugs()
    if slug not in slugs:
        raise UsageError(f"there is no guide section {slug!r}", field="section",
                         hint="choose one of: " + ", ".join(slugs))
    folder = _content()
    stem = f"{slug}.{audience}" if folder.joinpath(f"{slug}.{audience}.md").is_file() else slug
    translated = folder.joinpath(f"{stem}.{lang}.md")
    use_translation = lang != "en" and translated.is_file()
    source = translated if use_translation else folder.joinpath(f"{stem}.md")
    markdown = source.read_text("utf-8")
    return GuideSection(slug=slug, title=_title(markdown, slug), markdown=markdown,
                        audience=audience, lang=lang if use_translation else "en")


def list_sections(audience: str = "adult", lang: str = "en") -> list[GuideSection]:
    """Every section for an audience, in reading order (translated where one exists)."""
    _check_audience(audience)
    return [get_section(slug, audience, lang) for slug in section_slugs()]


def has_own_version(slug: str, audience: str) -> bool:
    """True when the section has text written for this audience."""
    return _content().joinpath(f"{slug}.{audience}.md").is_file()
