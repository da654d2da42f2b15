"""The guide and the FAQ, in teen, adult and parent versions."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse

from unsnare.response import guide
from unsnare.web.render import page

router = APIRouter()

AUDIENCES = (("teen", "For teens"), ("adult", "For adults"), ("parent", "For parents and carers"))


def _audience(value: str | None) -> str:
    names = [a for a, _ in AUDIENCES]
    return value if value in names else "teen"


# The guide is shared with the command line and names commands there ("run
# `unsnare help`"); on the web the same help is the Get help now page.
_RUN_COMMAND = re.compile(r"\b([Rr])un `unsnare [^`]*`")
_COMMAND = re.compile(r"`unsnare [^`]*`")


def for_the_web(markdown: str) -> str:
    """Guide text with command-line instructions turned into links to the page that helps."""
    text = _RUN_COMMAND.sub(lambda m: ("Use" if m.group(1) == "R" else "use")
                            + " [Get help now](/help)", markdown)
    return _COMMAND.sub("[Get help now](/help)", text)


def _sections(audience: str) -> list[dict[str, str]]:
    return [{"slug": s.slug, "title": s.title or s.slug} for s in guide.list_sections(audience)]


@router.get("/learn", response_class=HTMLResponse)
def learn(request: Request, audience: str | None = None) -> HTMLResponse:
    """The list of guide sections for one audience."""
    chosen = _audience(audience)
    return page(
        request, "learn.html", audiences=AUDIENCES, audience=chosen,
        sections=_sections(chosen),
    )


@router.get("/learn/{slug}", response_class=HTMLResponse)
def learn_section(request: Request, slug: str, audience: str | None = None) -> HTMLResponse:
    """One guide section as HTML."""
    chosen = _audience(audience)
    sections = _sections(chosen)
    if slug not in {s["slug"] for s in sections}:
        raise HTTPException(404)
    text = for_the_web(guide.get_section(slug, chosen).markdown)
    title = next(s["title"] for s in sections if s["slug"] == slug)
    return page(
        request, "learn_section.html", audiences=AUDIENCES, audience=chosen,
        sections=sections, slug=slug, title=title, body=text,
    )
