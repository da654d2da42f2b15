"""The privacy check-up and the prevention pages in real Chromium, at a phone's 390 px."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from support.browser import PHONE, LiveServer, axe_on_each, axe_violations

pytestmark = pytest.mark.browser

PAGES = ["/checkup", "/checkup?audience=teen&platform=instagram",
         "/checkup?platform=grindr&audience=teen",
         "/checkup/before-you-accept?audience=teen", "/checkup/before-you-accept?audience=adult",
         "/checkup/before-you-accept?audience=teen&lang=es", "/checkup/before-you-accept?lang=pt",
         "/checkup/family", "/checkup/family?lang=es", "/checkup/family?lang=pt",
         "/checkup/school", "/checkup/school?lang=es", "/checkup/school?lang=pt", "/selfcheck"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One app for these tests, on a free port with its own data dir."""
    with LiveServer(tmp_path_factory.mktemp("web-checkup")) as live:
        yield live


@pytest.fixture
def phone(browser: Any, server: LiveServer) -> Iterator[Any]:
    """A 390 px page with the CSP on; nothing may be fetched from anywhere else."""
    context = browser.new_context(base_url=server.url, viewport=PHONE)
    pg = context.new_page()
    problems: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((server.url, "data:"))
               else problems.append(f"external request: {r.url}"))
    pg.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text
          else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    yield pg
    context.close()
    assert problems == [], problems


def _tab_to(page: Any, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline not in ("", "none"), f"no visible focus on {selector}"
            return
    pytest.fail(f"{selector} cannot be reached with Tab")


def test_checkup_works_with_a_keyboard_alone(phone: Any) -> None:
    phone.goto("/checkup")
    # Choose one app and the teen view with the filter form, keys only.
    _tab_to(phone, "#platform")
    phone.keyboard.press("i")  # "Instagram" is the first app starting with I
    _tab_to(phone, "#audience")
    phone.keyboard.press("ArrowDown")  # Everyone -> For teens
    _tab_to(phone, "button.secondary")
    phone.keyboard.press("Enter")
    phone.wait_for_url(re.compile(r".*platform=instagram.*audience=teen"))
    assert phone.locator("h2", has_text="Instagram").count() == 1
    assert phone.locator("h2", has_text="Snapchat").count() == 0
    # Tick the first setting with Space, then save with Enter.
    _tab_to(phone, "#tick-instagram\\.private_account")
    phone.keyboard.press("Space")
    _tab_to(phone, "form[method=post] button[type=submit]")
    phone.keyboard.press("Enter")
    phone.wait_for_url(re.compile(r".*saved=1"))
    assert "Your ticks are saved" in phone.locator("#status").inner_text()
    assert phone.locator("#tick-instagram\\.private_account").is_checked()
    assert phone.get_by_text("1 of 4 ticked").is_visible()


def test_prevention_pages_link_to_each_other_and_to_get_help(phone: Any) -> None:
    phone.goto("/checkup/before-you-accept?audience=adult")
    links = phone.get_by_role("navigation", name="Before it happens")
    assert links.get_by_role("link", name="Already being threatened? Get help now").is_visible()
    links.get_by_role("link", name="For families").click()
    phone.wait_for_url("**/checkup/family")
    phone.get_by_role("main").get_by_role("link", name="Español").click()
    assert phone.get_by_role("heading", name="Nuestro acuerdo familiar").is_visible()
    assert phone.locator("div.handout").get_attribute("lang") == "es"


def test_prevention_pages_pass_axe_at_390px(browser: Any, server: LiveServer) -> None:
    context = browser.new_context(base_url=server.url, bypass_csp=True, viewport=PHONE)
    try:
        pg = context.new_page()
        failures = axe_on_each(pg, PAGES, PHONE["width"])
        # The self-check's result, with crisis help first (in English: the pages above
        # chose Spanish and Portuguese, and the language is kept in a cookie).
        pg.goto("/selfcheck?lang=en")
        pg.locator("#threat-yes").check()
        pg.locator("#unsafe-yes").check()
        pg.get_by_role("button", name="Show what this means").click()
        heading = pg.get_by_role("heading", name="Your safety comes first")
        heading.wait_for(timeout=15_000)  # the result page, however busy the machine
        assert heading.is_visible()
        found = axe_violations(pg)
        if found:
            failures["/selfcheck (result)"] = found
        assert failures == {}, failures
    finally:
        context.close()


def _pages_in(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize(("path", "most_pages"), [
    ("/checkup?platform=instagram", 1),  # one app's checklist: one sheet
    ("/checkup/before-you-accept?audience=teen", 1),
    ("/checkup/school", 1),  # the lesson outline is one page in every language
    ("/checkup/school?lang=es", 1),
    ("/checkup/school?lang=pt", 1),
    ("/checkup/family?lang=pt", 2),  # the guide, then the agreement on its own sheet
])
def test_printed_pages_fit_on_paper_without_the_navigation(browser: Any, server: LiveServer,
                                                           path: str, most_pages: int,
                                                           paper: str) -> None:
    context = browser.new_context(base_url=server.url, viewport=PHONE)
    try:
        pg = context.new_page()
        pg.goto(path)
        pg.emulate_media(media="print")
        for hidden in ("nav.site", ".quick-exit", "footer", ".prevention-links",
                       "[data-print]"):
            assert not pg.locator(hidden).first.is_visible(), f"{hidden} prints on {path}"
        assert pg.locator("main h1").is_visible()
        pdf = pg.pdf(format=paper, print_background=False)
        assert pdf.startswith(b"%PDF")
        assert 1 <= _pages_in(pdf) <= most_pages, f"{path}: {_pages_in(pdf)} pages"
        # Nothing wider than the paper: A4 or Letter less the margins is about 680 px.
        pg.set_viewport_size({"width": 680, "height": 900})
        overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is wider than the paper"
    finally:
        context.close()
