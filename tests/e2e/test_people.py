"""Three people use the app end to end on a phone (390 x 844), in real Chromium.

(a) a 15-year-old in the US asked for $500 with a countdown by a fake "girl";
(b) a parent in the UK whose 13-year-old was groomed on Snapchat;
(c) a caseworker in Australia building a police package for an adult client.
Plus the pages in Spanish. Every page they reach passes axe at 390 px.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support.browser import NEUTRAL, PHONE, LiveServer, axe_violations, shot
from support.paths import WEB_DATA
from support.screens import chat_screenshot

pytestmark = pytest.mark.browser

DATA = WEB_DATA
NEUTRAL_HTML = "<!doctype html><title>Weather</title><h1>Weather</h1>"

TEEN_CHAT = (
    "Jess: hey cutie, saw you on insta, i'm jess 16\n"
    "Jess: send me a pic, i'll send one back\n"
    "Jess: I have your pics now. Pay me $500 or I send them to all your followers\n"
    "Jess: you have 2 hours. send it to cashapp $jessmoney77\n"
)
GROOMING_CHAT = (
    "jake_2011: hey ur really mature for 13 you know that\n"
    "Ella: haha thanks\n"
    "jake_2011: dont tell ur mum about me ok, she wouldnt understand us\n"
    "jake_2011: ur so pretty, send me a pic of u in ur room\n"
    "jake_2011: its our secret. i care about u more than anyone\n"
    "jake_2011: lets meet up at the shopping centre saturday, dont bring anyone\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One app for the journeys."""
    with LiveServer(tmp_path_factory.mktemp("web-people")) as live:
        yield live


def phone(browser: Any, server: LiveServer, locale: str, zone: str) -> tuple[Any, Any, list[str]]:
    """A phone-sized context with this language and time zone, the CSP on."""
    context = browser.new_context(base_url=server.url, viewport=PHONE, locale=locale,
                                  timezone_id=zone, accept_downloads=True, has_touch=True)
    context.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body=NEUTRAL_HTML))
    problems: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((server.url, NEUTRAL, "data:"))
               else problems.append(f"external request: {r.url}"))
    pg = context.new_page()
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.on("console", lambda m: problems.append(m.text)
          if "Content Security Policy" in m.text else None)
    return context, pg, problems


def axe_clean(pg: Any) -> None:
    """axe on a copy of the current page (same cookies, CSP bypassed for axe itself)."""
    context = pg.context.browser.new_context(
        bypass_csp=True, storage_state=pg.context.storage_state(), viewport=PHONE)
    try:
        other = context.new_page()
        other.goto(pg.url)
        assert axe_violations(other) == [], pg.url
        assert other.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    finally:
        context.close()


def crisis_line_above_the_fold(pg: Any) -> str:
    """The crisis line's text, after checking it is wholly on the first screen."""
    box = pg.locator("#crisis-line").bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], pg.url
    return str(pg.locator("#crisis-line").inner_text())


def type_with_shift(pg: Any, text: str) -> None:
    """Type fast with a real Shift for each capital (quick exit must not fire)."""
    for ch in text:
        if ch.isupper() or ch in '!?"$':
            pg.keyboard.down("Shift")
            pg.keyboard.press(ch if ch != "$" else "Digit4")
            pg.keyboard.up("Shift")
        elif ch == "\n":
            pg.keyboard.press("Enter")
        else:
            pg.keyboard.press(ch if ch != " " else "Space")


def test_a_frightened_teen_in_the_us(browser: Any, server: LiveServer) -> None:
    context, pg, problems = phone(browser, server, "en-US", "America/Chicago")
    try:
        pg.goto("/")
        assert "988" in crisis_line_above_the_fold(pg)
        assert pg.locator("#crisis-line a[href='tel:988']").count() == 1
        axe_clean(pg)
        pg.get_by_role("link", name="Is this sextortion? Check a conversation").click()
        pg.wait_for_url("**/check")
        box = pg.get_by_label("Messages or email")
        box.click()
        type_with_shift(pg, "Me: He Said I Have 2 Hours. ")  # typed, not pasted: capitals
        assert pg.url.endswith("/check")  # still here: quick exit did not fire
        box.fill(box.input_value() + "\n" + TEEN_CHAT)
        pg.get_by_role("button", name="Check this text").click()
        pg.wait_for_url("**/check/report/**")
        assert "sextortion" in pg.locator(".risk").inner_text()
        axe_clean(pg)
        pg.get_by_role("link", name="Make my plan from this").click()
        pg.wait_for_url("**/help?report=**")
        assert pg.locator("input[name=demand][value=money]").is_checked()
        assert pg.locator("input[name=sent_images][value=not_sure]").is_checked()
        assert pg.locator("input[name=unsafe]:checked").count() == 0
        pg.get_by_label("How old is the person being targeted?").fill("15")
        assert pg.get_by_label("Which country are they in?").input_value() == "US"
        pg.get_by_role("button", name="Show my next steps").click()
        pg.wait_for_url("**/help/plan")
        assert "988" in crisis_line_above_the_fold(pg)
        assert pg.get_by_role("button", name="Print this plan").is_visible()
        # Short on a phone: the first step open, the rest folded.
        height = pg.evaluate("document.documentElement.scrollHeight")
        assert height < 4 * PHONE["height"], height
        shot(pg, "people-teen-plan")
        axe_clean(pg)
        # Leaving fast, three lone Shifts.
        for _ in range(3):
            pg.keyboard.press("Shift")
        pg.wait_for_url(NEUTRAL)
    finally:
        context.close()
    assert problems == [], problems


def test_a_parent_in_the_uk_after_grooming(browser: Any, server: LiveServer) -> None:
    context, pg, problems = phone(browser, server, "en-GB", "Europe/London")
    try:
        pg.goto("/check")
        pg.get_by_label("Messages or email").fill(GROOMING_CHAT)
        pg.get_by_role("button", name="Check this text").click()
        pg.wait_for_url("**/check/report/**")
        assert "grooming" in pg.locator(".risk").inner_text()
        assert "Do not pay" not in pg.content()
        axe_clean(pg)
        pg.get_by_role("link", name="Make a parent's plan from this").click()
        pg.wait_for_url("**/help?report=**")
        assert pg.locator("input[name=asker][value=parent]").is_checked()
        pg.get_by_label("How old is the person being targeted?").fill("13")
        pg.locator("input[name=meeting][value=yes]").check()
        pg.get_by_role("button", name="Show my next steps").click()
        pg.wait_for_url("**/help/plan")
        assert "Childline" in crisis_line_above_the_fold(pg)
        first = pg.locator("ol.plan > li").first
        assert "What is happening: grooming" in first.inner_text()
        for words in ("Stay calm and listen", "Don't confront the account", "Keep the evidence",
                      "Report a request to meet in person"):
            assert first.get_by_text(words).first.is_visible(), words
        assert "CEOP" in first.inner_text()
        assert "Don't pay" not in pg.content()
        shot(pg, "people-parent-plan")
        axe_clean(pg)
    finally:
        context.close()
    assert problems == [], problems


def test_a_caseworker_in_australia_builds_a_police_package(browser: Any, server: LiveServer,
                                                           tmp_path: Path) -> None:
    import pypdf

    context, pg, problems = phone(browser, server, "en-AU", "Australia/Sydney")
    try:
        pg.goto("/case")
        pg.get_by_label("Passphrase", exact=True).fill("red harbour lantern")
        pg.get_by_label("Passphrase again").fill("red harbour lantern")
        pg.get_by_role("button", name="Create my case").click()
        pg.wait_for_url("**/case?done=created")
        pg.get_by_text("Start another case").click()
        pg.get_by_label("Name for the new case").fill("Client Jordan")
        pg.get_by_role("button", name="Start the case").click()
        pg.wait_for_url("**/case?done=new")
        assert pg.get_by_role("heading", level=1).inner_text() == "My case: Client Jordan"
        # The export: the zone field holds the browser's zone, filled in by the page.
        zone = pg.locator("#case-tz")
        assert zone.input_value() == "Australia/Sydney"
        pg.locator("#case-files").set_input_files(str(DATA / "whatsapp_chat.txt"))
        pg.get_by_role("button", name="Add to my case").click()
        pg.wait_for_url("**/case?done=added")
        timeline = pg.locator("#timeline-title + ol").inner_text()
        assert "(UTC+11:00)" in timeline and "UTC+00:00" not in timeline
        # A screenshot: a progress page until it is read.
        pg.locator("#case-files").set_input_files(files=[
            {"name": "shot.png", "mimeType": "image/png", "buffer": chat_screenshot()}])
        pg.get_by_role("button", name="Add to my case").click()
        pg.wait_for_url("**/case?done=added", timeout=60_000)
        assert "$quickcash2291" in pg.locator("#case-ids-title + div").inner_text()
        pg.get_by_label("What happened?").select_option("report")
        pg.get_by_label("Where (platform, police force or helpline)").fill("ReportCyber")
        pg.get_by_label("Reference or case number").fill("CIRS-20261207-123")
        pg.get_by_label("When", exact=True).fill("2026-12-07T10:30")
        assert pg.get_by_label("Time zone of that time").input_value() == "Australia/Sydney"
        pg.get_by_role("button", name="Save to my timeline").click()
        pg.wait_for_url("**/case?done=event")
        assert "CIRS-20261207-123" in pg.locator("#timeline-title + ol").inner_text()
        shot(pg, "people-caseworker-case")
        axe_clean(pg)
        pg.get_by_label("Password for the package").fill("harbour lantern 2026")
        with pg.expect_download() as info:
            pg.get_by_role("button", name="Download the sealed package").click()
        package = tmp_path / "package.zip"
        info.value.save_as(package)
        import pyzipper

        with pyzipper.AESZipFile(package) as zf:
            zf.setpassword(b"harbour lantern 2026")
            pdf = zf.read("report.pdf")
        text = " ".join(" ".join(p.extract_text() for p in
                                 pypdf.PdfReader(io.BytesIO(pdf)).pages).split())
        assert "(UTC+11:00)" in text and "CIRS-20261207-123" in text
        assert "Highest risk in this case: critical" in text and "$quickcash2291" in text
        assert zipfile.ZipFile(package).infolist()[0].compress_type == 99  # AES
        # An adult in Australia: the plan offers ReportCyber.
        pg.goto("/help")
        pg.get_by_label("Someone helping (a friend, teacher or caseworker)").check()
        pg.get_by_label("How old is the person being targeted?").fill("34")
        pg.get_by_role("button", name="Show my next steps").click()
        pg.wait_for_url("**/help/plan")
        assert "Lifeline" in crisis_line_above_the_fold(pg)
        assert pg.get_by_text("ReportCyber").count() >= 1
        axe_clean(pg)
    finally:
        context.close()
    assert problems == [], problems


def test_the_pages_in_spanish(browser: Any, server: LiveServer) -> None:
    context, pg, problems = phone(browser, server, "es-MX", "America/Mexico_City")
    try:
        pg.goto("/")
        assert pg.locator("html").get_attribute("lang") == "es"  # from the browser's language
        assert "No estás solo" in pg.locator("h1").inner_text()
        assert "800 911 2000" in crisis_line_above_the_fold(pg)  # Línea de la Vida, Mexico
        axe_clean(pg)
        pg.get_by_role("link", name="Ayuda ahora").first.click()
        pg.wait_for_url("**/help")
        assert pg.get_by_role("button", name="Ver mis próximos pasos").is_visible()
        axe_clean(pg)
        pg.get_by_label("¿Qué edad tiene la persona afectada?").fill("16")
        pg.get_by_role("button", name="Ver mis próximos pasos").click()
        pg.wait_for_url("**/help/plan")
        assert "No pagues y no mandes nada más" in pg.locator("ol.plan").inner_text()
        assert pg.get_by_role("button", name="Imprimir este plan").is_visible()
        axe_clean(pg)
        pg.goto("/check")
        pg.get_by_label("Mensajes o correo").fill(
            "Jess: Págame $500 o mando tus fotos a toda tu familia. Tienes 1 hora")
        pg.get_by_role("button", name="Revisar este texto").click()
        pg.wait_for_url("**/check/report/**")
        assert pg.get_by_role("heading", name="Lo que encontramos").is_visible()
        axe_clean(pg)
        pg.goto("/case")
        # Create or open, depending on whether an earlier journey made the case already.
        assert pg.get_by_label("Frase de contraseña", exact=True).is_visible()
        axe_clean(pg)
        pg.get_by_role("link", name="Português").click()
        pg.wait_for_url("**/case?lang=pt")
        assert pg.locator("html").get_attribute("lang") == "pt"
        assert pg.get_by_label("Frase-senha", exact=True).is_visible()
        pg.goto("/")  # the choice is remembered
        assert pg.locator("html").get_attribute("lang") == "pt"
    finally:
        context.close()
    assert problems == [], problems
