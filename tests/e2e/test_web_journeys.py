"""End-to-end journeys in real Chromium, plus an axe-core check of every page."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support.browser import (
    NEUTRAL,
    PHONE,
    LiveServer,
    axe_on_each,
    axe_violations,
    shot,
)
from support.paths import WEB_DATA

pytestmark = pytest.mark.browser

DATA = WEB_DATA
PAGES = ["/", "/help", "/check", "/protect", "/case", "/learn", "/learn/what-is-sextortion",
         "/safety", "/case/verify", "/no-such-page"]
NEUTRAL_HTML = "<!doctype html><title>Weather</title><h1>Weather</h1>"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One app for all journeys, on a free port with its own data dir."""
    with LiveServer(tmp_path_factory.mktemp("web-e2e"), max_upload_bytes=1024 * 1024) as live:
        yield live


@pytest.fixture
def page(browser: Any, server: LiveServer) -> Iterator[Any]:
    """A fresh browser context (its own cookies) with the CSP enforced."""
    context = browser.new_context(base_url=server.url, viewport={"width": 1024, "height": 800},
                                  accept_downloads=True)
    context.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body=NEUTRAL_HTML))
    pg = context.new_page()
    problems: list[str] = []
    # Nothing may be fetched from anywhere but the app (the neutral exit site aside).
    context.on("request", lambda r: None if r.url.startswith((server.url, NEUTRAL, "data:"))
               else problems.append(f"external request: {r.url}"))
    pg.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    yield pg
    context.close()
    assert problems == [], problems


def test_get_help_shows_crisis_help_first(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name="Get help now").first.click()
    page.get_by_label("Yes", exact=True).first.check()
    page.get_by_label("How old is the person being targeted?").fill("15")
    page.get_by_label("Which country are they in?").select_option("US")
    page.get_by_label("Money, gift cards or crypto").check()
    page.get_by_role("button", name="Show my next steps").click()
    page.wait_for_url("**/help/plan")
    first_heading = page.locator("main h2").first
    assert first_heading.inner_text() == "Your safety comes first"
    assert page.locator("#crisis").is_visible()
    assert "988" in page.locator("#crisis").inner_text()
    # Tick the first step and save; the status is announced.
    page.locator("input[name=done]").first.check()
    page.get_by_role("button", name="Save my progress").click()
    assert "saved" in page.locator("#status").inner_text()
    assert page.locator("input[name=done]").first.is_checked()
    shot(page, "journey-help-crisis-plan")
    assert axe_ok(page) and axe_ok(page, width=320)


def test_quick_exit_button_replaces_history(page: Any) -> None:
    page.goto("/")
    page.goto("/help")
    before = page.evaluate("history.length")
    page.get_by_role("link", name="Quick exit", exact=True).click()
    page.wait_for_url(NEUTRAL)
    assert page.evaluate("history.length") == before  # replaced, not added
    page.go_back()
    assert not page.url.endswith("/help")
    shot(page, "journey-quick-exit-button")


def test_quick_exit_by_pressing_shift_three_times(page: Any) -> None:
    page.goto("/")
    page.goto("/safety")
    before = page.evaluate("history.length")
    page.keyboard.press("Shift")
    assert page.locator("#exit-progress").inner_text() == "Press Shift 2 more times to leave"
    page.keyboard.press("Shift")
    assert page.locator("#exit-progress").inner_text() == "Press Shift 1 more time to leave"
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)
    assert page.evaluate("history.length") == before
    page.go_back()
    assert not page.url.endswith("/safety")


def type_like_a_person(page: Any, text: str, overlap: bool = False) -> None:
    """Type with a real Shift for each capital, fast (no delay), as a keyboard sends it.

    With `overlap`, Shift is let go only after the letter's key is released too,
    as fast typists do.
    """
    for ch in text:
        if ch.isupper() or ch in '!?"':
            page.keyboard.down("Shift")
            if overlap:
                page.keyboard.down(ch)
                page.keyboard.up("Shift")
                page.keyboard.up(ch)
            else:
                page.keyboard.press(ch)
                page.keyboard.up("Shift")
        else:
            page.keyboard.press(ch if ch != " " else "Space")


@pytest.mark.parametrize("overlap", [False, True])
def test_typing_capitals_fast_does_not_quick_exit(page: Any, overlap: bool) -> None:
    page.goto("/check")
    box = page.get_by_label("Messages or email")
    box.click()
    for text in ("He Said I", " Called Police, Ref No ABC"):
        type_like_a_person(page, text, overlap)
    page.wait_for_timeout(300)
    assert page.url.endswith("/check")
    assert box.input_value() == "He Said I Called Police, Ref No ABC"
    # Shift, a letter, then two lone Shifts: the letter started the count again.
    page.keyboard.press("Shift")
    page.keyboard.press("x")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.endswith("/check")
    assert "1 more time" in page.locator("#exit-progress").inner_text()
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)


def test_bad_upload_gets_a_clear_error(page: Any) -> None:
    page.goto("/check")
    page.get_by_label("Files").set_input_files(
        files=[{"name": "holiday.pdf", "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"}])
    page.get_by_role("button", name="Check this chat").click()
    alert = page.get_by_role("alert")
    assert "What to try" in alert.inner_text()
    assert "Traceback" not in page.content()
    shot(page, "journey-bad-upload")


def test_too_big_upload_gets_a_clear_error(page: Any) -> None:
    page.goto("/check")
    page.get_by_label("Files").set_input_files(
        files=[{"name": "huge.txt", "mimeType": "text/plain", "buffer": b"x" * (1536 * 1024)}])
    page.get_by_role("button", name="Check this chat").click()
    assert "too big" in page.get_by_role("alert").inner_text()


def test_upload_a_whatsapp_export_and_read_the_report(page: Any) -> None:
    pytest.importorskip("unsnare.analysis.engine")
    page.goto("/check")
    page.get_by_label("Files").set_input_files(str(DATA / "whatsapp_chat.txt"))
    page.get_by_role("button", name="Check this chat").click()
    page.wait_for_url("**/check/report/**")
    assert page.get_by_role("heading", name="What we found").is_visible()
    assert page.locator(".risk").inner_text()
    finding = page.locator("article.finding").first
    # Explicit wording stays hidden until asked for.
    assert not finding.locator(".message-text").is_visible()
    finding.get_by_text("Show the message").click()
    assert finding.locator(".message-text").is_visible()
    assert page.locator("table code").count() >= 1  # the offender's identifiers
    shot(page, "journey-whatsapp-report")
    assert axe_ok(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert axe_ok(page, width=320)


def _chat_screenshot() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (540, 320), "white")
    draw = ImageDraw.Draw(img)
    lines = ["Mia R  9:42 PM", "Pay me $500 or I send your", "photo to your family.", "",
             "You have 1 hour."]
    for i, line in enumerate(lines):
        draw.text((24, 24 + i * 40), line, fill="black")
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def test_case_add_screenshot_export_and_verify(page: Any, tmp_path: Path) -> None:
    page.goto("/case")
    if page.get_by_label("Passphrase again").count() == 0:
        pytest.fail("a case already exists in this test's data dir")
    page.get_by_label("Passphrase", exact=True).fill("blue kettle morning")
    page.get_by_label("Passphrase again").fill("blue kettle morning")
    page.get_by_role("button", name="Create my case").click()
    assert "Your case is ready" in page.locator("#status").inner_text()
    page.get_by_label("Files").set_input_files(
        files=[{"name": "screenshot-chat.png", "mimeType": "image/png", "buffer": _chat_screenshot()}])
    page.get_by_label("What is it?").select_option("screenshot")
    # Record, as the form is sent, whether its button was disabled (the page then leaves).
    page.evaluate("""() => { const f = document.querySelector('form[action="/case/files"]');
        f.addEventListener('submit', () => sessionStorage.setItem('disabled',
            String(f.querySelector('button').disabled))); }""")
    page.get_by_role("button", name="Add to my case").click()
    # A progress page (which reloads itself, no script needed) until the screenshot is read.
    page.wait_for_url(lambda url: "/working/" in url or "done=added" in url)
    assert page.evaluate("sessionStorage.getItem('disabled')") == "true"
    if "/working/" in page.url:
        assert page.locator("progress").count() == 1
    page.wait_for_url("**/case?done=added", timeout=60_000)
    assert "Added to your case" in page.locator("#status").inner_text()
    assert page.get_by_role("cell", name="screenshot-chat.png").count() == 1
    page.get_by_label("What happened?").select_option("report")
    page.get_by_label("Where (platform, police force or helpline)").fill("Instagram")
    page.get_by_label("Reference or case number").fill("IG-2026-0042")
    page.get_by_role("button", name="Save to my timeline").click()
    assert "IG-2026-0042" in page.locator("#timeline-title + ol").inner_text()
    shot(page, "journey-case")
    assert axe_ok(page) and axe_ok(page, width=320)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the sealed package").click()
    package = tmp_path / "package.zip"
    info.value.save_as(package)
    page.goto("/case/verify")
    page.get_by_label("Package (.zip)").set_input_files(str(package))
    page.get_by_role("button", name="Check the package").click()
    assert "is intact" in page.locator("#verify-result").inner_text()
    shot(page, "journey-case-verify")


def axe_ok(page: Any, width: int = 1024) -> bool:
    """Run axe on a copy of the page in a CSP-bypassing context (see browser.axe_violations)."""
    html_url = page.url
    context = page.context.browser.new_context(
        bypass_csp=True, storage_state=page.context.storage_state(),
        viewport={"width": width, "height": 800})
    try:
        other = context.new_page()
        other.goto(html_url)
        found = axe_violations(other)
        overflow = other.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{html_url} scrolls sideways at {width}px"
    finally:
        context.close()
    assert found == [], found
    return True


@pytest.mark.parametrize("width", [1024, 320])
def test_every_page_passes_axe(browser: Any, server: LiveServer, width: int) -> None:
    context = browser.new_context(base_url=server.url, bypass_csp=True,
                                  viewport={"width": width, "height": 800})
    try:
        failures = axe_on_each(context.new_page(), PAGES, width)
        assert failures == {}, failures
    finally:
        context.close()


def test_keyboard_reaches_quick_exit_with_visible_focus(page: Any) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "quick-exit":
            break
    else:
        pytest.fail("Quick exit is not reachable with Tab near the top of the page")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)


def test_core_flow_works_without_javascript(browser: Any, server: LiveServer) -> None:
    context = browser.new_context(base_url=server.url, java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto("/help")
        pg.get_by_label("How old is the person being targeted?").fill("17")
        pg.get_by_label("Which country are they in?").select_option("GB")
        pg.get_by_role("button", name="Show my next steps").click()
        pg.wait_for_url("**/help/plan")
        pg.locator("input[name=done]").nth(1).check()
        pg.get_by_role("button", name="Save my progress").click()
        assert pg.locator("input[name=done]").nth(1).is_checked()
        pg.goto("/check")
        pg.get_by_label("Messages or email").fill("Jay: pay me $100 or I post your photo")
        pg.get_by_role("button", name="Check this text").click()
        pg.locator("article.finding summary").first.click()  # <details> needs no script
        assert pg.locator(".message-text").first.is_visible()
        # Screenshots: the progress page reloads itself until the report is ready.
        from support.screens import chat_screenshot

        pg.goto("/check")
        pg.get_by_label("Files").set_input_files(files=[
            {"name": "chat.png", "mimeType": "image/png", "buffer": chat_screenshot()}])
        pg.get_by_role("button", name="Check this chat").click()
        pg.wait_for_url("**/check/report/**", timeout=60_000)
        assert "Demanding money" in pg.content()
    finally:
        context.close()


def test_an_open_case_locks_itself_and_leaves_the_screen(browser: Any, tmp_path: Path) -> None:
    # Long enough for the case to be made (Argon2) on a busy machine before it locks.
    with LiveServer(tmp_path / "idle", idle_lock_seconds=6) as live:
        context = browser.new_context(base_url=live.url)
        try:
            pg = context.new_page()
            pg.goto("/case")
            pg.get_by_label("Passphrase", exact=True).fill("blue kettle morning")
            pg.get_by_label("Passphrase again").fill("blue kettle morning")
            pg.get_by_role("button", name="Create my case").click()
            assert pg.get_by_role("heading", level=1).inner_text().startswith("My case:")
            # The page leaves by itself once idle; the server has locked the case.
            pg.wait_for_url("**/case?locked=idle", timeout=30_000)
            assert "locked because it was not used" in pg.content()
            assert pg.get_by_label("Passphrase", exact=True).is_visible()
        finally:
            context.close()




def above_the_fold(pg: Any, selector: str) -> bool:
    """True when the element is wholly inside the first screen, without scrolling."""
    box = pg.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_crisis_line_is_above_the_fold_on_a_phone(browser: Any, server: LiveServer) -> None:
    context = browser.new_context(base_url=server.url, viewport=PHONE, locale="en-US")
    try:
        pg = context.new_page()
        for path in ("/", "/help"):
            pg.goto(path)
            assert above_the_fold(pg, "#crisis-line"), path
            assert pg.locator("#crisis-line a[href='tel:988']").is_visible()
        # The self-harm question is left unanswered, as a scared person may leave it.
        assert pg.locator("input[name=unsafe]:checked").count() == 0
        pg.get_by_label("How old is the person being targeted?").fill("15")
        pg.get_by_label("Which country are they in?").select_option("US")
        pg.get_by_role("button", name="Show my next steps").click()
        pg.wait_for_url("**/help/plan")
        assert above_the_fold(pg, "#crisis-line")
        line = pg.locator("#crisis-line")
        assert line.locator("a[href='tel:988']").count() == 1
        assert line.locator("a[href='sms:988']").count() == 1
        shot(pg, "phone-plan-crisis-line")
    finally:
        context.close()
