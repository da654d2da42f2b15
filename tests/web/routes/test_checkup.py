"""Route tests for the privacy check-up, before you accept, and the family and school pages."""

from __future__ import annotations

import re

import pytest

from unsnare.evidence import Locker

PASS = "blue kettle morning"


def _ticked(html: str) -> list[str]:
    return re.findall(r'name="done" value="([\w.]+)" checked', html)


def _tick(client, token, done: list[str], **where: str):
    return client.post("/checkup", data={"csrf_token": token(client, "/checkup"), "done": done,
                                         "platform": where.get("platform", ""),
                                         "audience": where.get("audience", "")})


def test_checkup_lists_every_platform_and_links_to_get_help(client) -> None:
    page = client.get("/checkup")
    assert page.status_code == 200
    for name in ("Instagram", "Snapchat", "TikTok", "Facebook and Messenger", "Discord",
                 "WhatsApp", "Telegram", "X (Twitter)", "Tinder", "Bumble", "Hinge", "Grindr"):
        assert f">{name}</h2>" in page.text
    assert 'href="/help"' in page.text and 'href="/checkup/before-you-accept"' in page.text
    assert 'href="/static/checkup.css"' in page.text
    assert '<a href="/checkup" aria-current="page">Check-up</a>' in page.text


def test_teen_view_leaves_out_dating_apps_and_says_why(client) -> None:
    teen = client.get("/checkup?audience=teen").text
    assert ">Grindr</h2>" not in teen and ">Instagram</h2>" in teen
    only = client.get("/checkup?platform=grindr&audience=teen").text
    assert "Dating apps are for adults" in only


def test_ticks_are_saved_and_a_filtered_view_keeps_the_others(client, token) -> None:
    saved = _tick(client, token, ["instagram.private_account", "whatsapp.groups"])
    assert saved.status_code == 200 and "Your ticks are saved." in saved.text
    assert _ticked(saved.text) == ["instagram.private_account", "whatsapp.groups"]
    # Unticking everything on the WhatsApp-only page leaves Instagram's tick alone.
    _tick(client, token, [], platform="whatsapp")
    assert _ticked(client.get("/checkup").text) == ["instagram.private_account"]
    # A value that is not on the page is ignored, not stored.
    _tick(client, token, ["instagram.private_account", "made.up"], platform="instagram")
    assert _ticked(client.get("/checkup").text) == ["instagram.private_account"]


def test_ticks_go_into_the_open_case_and_come_back(client, token, tmp_path) -> None:
    _tick(client, token, ["discord.server_dms_off"])  # before the case exists
    client.post("/case/create", data={"csrf_token": token(client, "/case"), "passphrase": PASS,
                                      "passphrase_again": PASS, "title": "Sam's case"})
    saved = _tick(client, token, ["discord.server_dms_off", "x.find_by_phone_email"])
    assert "saved in your case" in saved.text
    client.post("/case/lock", data={"csrf_token": token(client, "/case")})
    path = tmp_path / "data" / "case.unsnare-locker"
    with Locker.open(path, PASS) as locker:
        case = locker.case(locker.cases()[0].id)
        assert case.checkup() == ["discord.server_dms_off", "x.find_by_phone_email"]
        assert any(e.subject == "checkup" for e in case.custody_log())


def test_ticks_come_back_from_the_case_in_a_new_browser(client_factory, token) -> None:
    with client_factory() as first:
        first.post("/case/create", data={"csrf_token": token(first, "/case"), "passphrase": PASS,
                                         "passphrase_again": PASS, "title": "Sam's case"})
        _tick(first, token, ["tiktok.private_account"])
    with client_factory() as second:
        assert _ticked(second.get("/checkup").text) == []
        second.post("/case/unlock", data={"csrf_token": token(second, "/case"),
                                          "passphrase": PASS})
        assert _ticked(second.get("/checkup").text) == ["tiktok.private_account"]


@pytest.mark.parametrize(("audience", "words"), [
    ("teen", "You do not owe anyone an answer"), ("adult", "Fake profiles are built"),
    ("parent", "You do not owe anyone an answer"),
])
def test_before_you_accept_in_teen_and_adult_words(client, audience: str, words: str) -> None:
    page = client.get(f"/checkup/before-you-accept?audience={audience}")
    assert page.status_code == 200 and words in page.text
    assert 'href="/help"' in page.text


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "Our family agreement"), ("es", "Nuestro acuerdo familiar"),
    ("pt", "Nosso acordo de família"), ("xx", "Our family agreement"),
])
def test_family_guide_in_three_languages(client, lang: str, words: str) -> None:
    page = client.get(f"/checkup/family?lang={lang}")
    assert page.status_code == 200 and words in page.text
    shown = lang if lang != "xx" else "en"
    assert f'<div lang="{shown}" class="handout">' in page.text
    assert 'hreflang="es"' in page.text and 'hreflang="pt"' in page.text


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "Warning signs for staff"), ("es", "Señales de alerta para el personal"),
    ("pt", "Sinais de alerta para a equipe"),
])
def test_school_lesson_in_three_languages_with_where_to_report(client, lang: str,
                                                               words: str) -> None:
    page = client.get(f"/checkup/school?lang={lang}")
    assert page.status_code == 200 and words in page.text
    assert "https://takeitdown.ncmec.org/" in page.text


def test_tick_without_the_form_token_is_refused(client) -> None:
    client.get("/checkup")
    refused = client.post("/checkup", data={"done": ["x.protect_posts"]})
    assert refused.status_code == 403
    assert _ticked(client.get("/checkup").text) == []


def test_family_page_words_follow_the_language(client) -> None:
    page = client.get("/checkup/school?lang=es").text
    assert "Pide ayuda ahora" in page and "Imprimir esta página" in page
    assert 'aria-label="Antes de que ocurra" lang="es"' in page


def test_the_apps_language_cookie_chooses_the_text(client) -> None:
    client.cookies.set("lang", "pt")
    page = client.get("/checkup/family").text
    assert "Nosso acordo de família" in page and "Imprimir esta página" in page
    # ?lang= wins over the cookie.
    assert "Our family agreement" in client.get("/checkup/family?lang=en").text


@pytest.mark.parametrize(("lang", "words"), [
    ("es", "Señales de un perfil falso"), ("pt", "Sinais de um perfil falso"),
])
def test_before_you_accept_in_spanish_and_portuguese(client, lang: str, words: str) -> None:
    page = client.get(f"/checkup/before-you-accept?audience=adult&lang={lang}").text
    assert words in page
    # Switching audience keeps the language.
    assert f'href="/checkup/before-you-accept?audience=teen&amp;lang={lang}"' in page


def test_selfcheck_explains_the_answers_and_links_both_ways(client, token) -> None:
    form = client.get("/selfcheck").text
    assert 'href="/checkup"' in form and "Your answers are not saved" in form
    assert 'checked' not in form  # nothing is answered for the person
    result = client.post("/selfcheck", data={"csrf_token": token(client, "/selfcheck"),
                                             "switch_app": "yes", "threat": "yes",
                                             "money_demand": "yes", "unsafe": "no"})
    assert result.status_code == 200 and result.headers["cache-control"] == "no-store"
    assert "This looks like sextortion" in result.text
    assert "They asked to move apps" in result.text
    assert 'href="/help"' in result.text and 'href="/checkup"' in result.text
    assert "Your safety comes first" not in result.text
    # The check-up links back to the self-check.
    assert 'href="/selfcheck"' in client.get("/checkup").text


def test_selfcheck_puts_crisis_help_first_when_unsafe(client, token) -> None:
    result = client.post("/selfcheck", data={"csrf_token": token(client, "/selfcheck"),
                                             "unsafe": "yes"})
    assert result.text.index("Your safety comes first") < result.text.index("What your answers show")


def test_selfcheck_without_the_form_token_is_refused(client) -> None:
    client.get("/selfcheck")
    assert client.post("/selfcheck", data={"threat": "yes"}).status_code == 403


def test_page_warns_about_entries_checked_over_a_year_ago(client, monkeypatch) -> None:
    import datetime
    import types

    from unsnare.web.routes import checkup

    later = types.SimpleNamespace(date=types.SimpleNamespace(
        today=lambda: datetime.date(2028, 1, 1)))
    monkeypatch.setattr(checkup, "dt", later)
    page = client.get("/checkup?platform=whatsapp").text
    assert page.count('class="notice warn"') == 5  # WhatsApp and its four settings
    assert "over a year ago" in page
