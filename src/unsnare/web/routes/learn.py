"""The guide and the FAQ, in teen, adult and parent versions."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse

from unsnare.response import guide
from unsnare.web import i18n
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


def _sections(audience: str, lang: str) -> list[dict[str, str]]:
    return [{"slug": s.slug, "title": s.title or s.slug, "lang": s.lang}
            for s in guide.list_sections(audience, lang)]


@router.get("/learn", response_class=HTMLResponse)
def learn(request: Request, audience: str | None = None) -> HTMLResponse:
    """The list of guide sections for one audience."""
    chosen = _audience(audience)
    return page(
        request, "learn.html", audiences=AUDIENCES, audience=chosen,
        sections=_sections(chosen, i18n.choose(request)[0]),
    )


@router.get("/learn/{slug}", response_class=HTMLResponse)
def learn_section(request: Request, slug: str, audience: str | None = None) -> HTMLResponse:
    """One guide section as HTML (in the chosen language where it is translated)."""
    chosen = _audience(audience)
    lang = i18n.choose(request)[0]
    sections = _sections(chosen, lang)
    if slug not in {s["slug"] for s in sections}:
        raise HTTPException(404)
    section = guide.get_section(slug, chosen, lang)
    return page(
        request, "learn_section.html", audiences=AUDIENCES, audience=chosen,
        sections=sections, slug=slug, title=section.title, body=for_the_web(section.markdown),
        body_lang=section.lang,
    )
