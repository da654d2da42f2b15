"""The language switch and the message catalogues (web/locales/*.yaml)."""

from __future__ import annotations

import html
import re
import string
from pathlib import Path

import pytest

from unsnare.web import i18n

TEMPLATES = Path(i18n.__file__).parent / "templates"
USED = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_]+)["']""")


def placeholders(text: str) -> set[str]:
    """The {names} a message expects."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_used_in_a_template_is_in_english() -> None:
    english = i18n.catalogue("en")
    missing = {
        (path.name, key)
        for path in TEMPLATES.glob("*.html")
        for key in USED.findall(path.read_text(encoding="utf-8"))
        # A key ending in "_" is a prefix the template completes (help.demand_ ~ value).
        if not (key in english or key.endswith("_") and any(k.startswith(key) for k in english))
    }
    assert missing == set()


@pytest.mark.parametrize("lang", [code for code in i18n.LANGUAGES if code != "en"])
def test_every_language_has_every_message_with_the_same_placeholders(lang: str) -> None:
    english, other = i18n.catalogue("en"), i18n.catalogue(lang)
    assert sorted(set(english) - set(other)) == []
    assert sorted(set(other) - set(english)) == []
    wrong = [k for k in english if placeholders(english[k]) != placeholders(other[k])]
    assert wrong == []


def test_t_escapes_text_and_keeps_markup_values() -> None:
    from markupsafe import Markup

    t = i18n.translator("en")
    out = t("base.danger", link=Markup('<a href="/help">get help</a>'))
    assert str(out).endswith('<a href="/help">get help</a>.')
    assert "&lt;b&gt;" in str(t("help.said_where", where="<b>x</b>"))
    assert t("no.such_message") == "no.such_message"


@pytest.mark.parametrize(
    ("lang", "words"),
    [("es", "No estás solo"), ("pt", "Você não está sozinho"), ("en", "You are not alone")],
)
def test_the_language_is_chosen_by_query_then_remembered(client, lang: str, words: str) -> None:
    first = client.get(f"/?lang={lang}")
    assert f'<html lang="{lang}"' in first.text and words in first.text
    assert client.get("/help").text.startswith(f'<!doctype html>\n<html lang="{lang}"')


def test_the_browser_language_is_used_until_one_is_chosen(client) -> None:
    html = client.get("/", headers={"accept-language": "pt-BR,pt;q=0.9"}).text
    assert '<html lang="pt"' in html and 'href="tel:188"' in html  # CVV, Brazil
    assert '<html lang="en"' in client.get("/?lang=en", headers={"accept-language": "pt-BR"}).text


def test_every_page_links_to_each_language(client) -> None:
    html = client.get("/help").text
    for code in i18n.LANGUAGES:
        assert f'href="/help?lang={code}" hreflang="{code}"' in html


def _built_sentences() -> set[str]:
    """Every title, text and note the plan builder writes, over many kinds of answers."""
    from unsnare.response.plan import build_plan
    from unsnare.response.triage import Triage

    out: set[str] = set()
    for age in (14, 30):
        for country in ("US", "GB", "AU", "BR", "MX", "ES", "ZZ", "other"):
            for answers in ({"demand": "money", "paid": True, "unsafe": True},
                            {"demand": "images"}, {"demand": "acts"}, {"demand": "money"},
                            {"scheme": "mass_email_sextortion"},
                            {"scheme": "grooming", "asker": "parent", "meeting": True},
                            {"scheme": "grooming", "asker": "parent"},
                            {"scheme": "grooming", "meeting": True},
                            {"scheme": "grooming"}, {"notes": ("outing_threat",)}):
                plan = build_plan(Triage(age=age, country=country, **answers))
                out.update(plan.notes)
                for step in plan.walk():
                    out.update((step.title, step.text))
    return out


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_every_plan_translation_is_of_a_sentence_the_plan_still_writes(lang: str) -> None:
    words = i18n.plan_words(lang)
    assert len(words) > 50
    built = _built_sentences()
    used = set(words) & built
    for key, pattern, translation in i18n.plan_patterns(lang):
        found = [m for m in map(pattern.match, sorted(built)) if m]
        assert found, f"no sentence the plan writes fits {key!r}"
        assert placeholders(translation) == placeholders(key), key
        used.add(key)
        # A number or name that is a key of its own ("190 (police)") counts as used.
        used.update(value for m in found for value in m.groupdict().values())
    assert sorted(set(words) - used) == []


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_a_sentence_naming_a_number_keeps_it_exactly(lang: str) -> None:
    english = "Call 911 now. You will not be in trouble for calling."
    said = i18n.plan_sentence(english, lang)
    assert "911" in said and said != english
    police = "You can also report to your local police. In an emergency call 190 (police)."
    assert "190 (pol" in i18n.plan_sentence(police, lang)
    assert "(police)" not in i18n.plan_sentence(police, lang)
    assert i18n.plan_sentence("A sentence nobody wrote.", lang) == "A sentence nobody wrote."


_NUMBER = re.compile(r"\d[\d ]*\d|\d")


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_every_service_has_a_summary_in_each_language(lang: str) -> None:
    from unsnare.response.directory import default_directory

    services = {s.id: s for s in default_directory().services}
    words = i18n.service_words(lang)
    assert sorted(set(services) - set(words)) == [], "services with no summary"
    assert sorted(set(words) - set(services)) == [], "summaries of services that are gone"
    for sid, own in words.items():
        english = services[sid]
        assert own["summary"].strip() and own["summary"] != english.summary, sid
        # Numbers (a phone number, an age, 24/7) are kept exactly.
        assert set(_NUMBER.findall(english.summary)) <= set(_NUMBER.findall(own["summary"])), sid
        assert set(own) <= {"summary", "hours", "text"}, sid
        for field in ("hours", "text"):
            if field in own:
                assert getattr(english, field), f"{sid}.{field} has no English to translate"
                assert set(_NUMBER.findall(str(getattr(english, field)))) <= set(
                    _NUMBER.findall(own[field])), f"{sid}.{field}"


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_every_platform_guide_is_translated(lang: str) -> None:
    from unsnare.response.platforms import default_platforms

    guides = {g.id: g for g in default_platforms().guides}
    words = i18n.platform_words(lang)
    assert sorted(set(guides) ^ set(words)) == []
    for gid, guide in guides.items():
        said = i18n.platform_text(gid, lang)
        assert said and "Report" not in said, gid
        # The same lead as the English guide (report first), in this language.
        english_lead = i18n.catalogue("en")["plan.report_first"]
        assert guide.text().startswith(english_lead) == guide.report_first, gid
        assert said.startswith(i18n.catalogue(lang)["plan.report_first"]) == guide.report_first


def test_the_english_contact_line_matches_the_plan_builder() -> None:
    from unsnare.response.directory import default_directory
    from unsnare.response.steps import contact_line

    for service in default_directory().services:
        assert i18n.contact_line(service.to_dict(), "en") == contact_line(service), service.id


def test_the_plan_shows_in_spanish(client, token) -> None:
    client.get("/?lang=es")
    client.post("/help", data={"csrf_token": token(client), "age": "15", "country": "MX",
                               "demand": "money"})
    html = client.get("/help/plan").text
    assert "No pagues y no mandes nada más" in html and "Guarda las pruebas antes de bloquear" in html
    assert "Don&#39;t pay" not in html


def _plan_page(client, token, lang: str, answers: dict[str, str]) -> str:
    client.get(f"/?lang={lang}")
    client.post("/help", data={"csrf_token": token(client), **answers})
    page = client.get("/help/plan").text
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _english_sentences(**answers: object) -> set[str]:
    """What the plan builder writes for these answers, less services' and apps' own names."""
    from unsnare.response.directory import default_directory
    from unsnare.response.plan import build_plan
    from unsnare.response.platforms import default_platforms
    from unsnare.response.triage import Triage

    names = {s.name for s in default_directory().services}
    names.update(g.name for g in default_platforms().guides)
    plan = build_plan(Triage(**answers))  # type: ignore[arg-type]
    out = set(plan.notes)
    for step in plan.walk():
        out.update((step.title, step.text))
    return {s for s in out if s and s not in names}


_ENGLISH_PHRASES = ("You will not be in trouble for calling", "In an emergency call",
                    "Report before you block", "three dots", "Choose the option",
                    "Report to ", "go to https", "Call 988", "If a meeting is close",
                    "Free, confidential", "at any hour")


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_a_us_teen_plan_has_no_english_sentences(client, token, lang: str) -> None:
    text = _plan_page(client, token, lang, {
        "age": "15", "country": "US", "demand": "money", "paid": "yes", "unsafe": "yes",
        "sent_images": "yes", "platforms": "Instagram", "other_platform": "Wizz"})
    left = [s for s in _english_sentences(
        age=15, country="US", demand="money", paid=True, unsafe=True, sent_images=True,
        platforms=("Instagram", "Wizz")) if s in text]
    assert left == []
    assert [p for p in _ENGLISH_PHRASES if p in text] == []
    # Service summaries in the page's language; names, numbers and addresses exact.
    summary = i18n.service_words(lang)["us_ncmec_cybertipline"]["summary"]
    assert summary in text and "NCMEC CyberTipline" in text
    assert "1-800-843-5678 (1-800-THE-LOST)" in text and "https://report.cybertip.org/" in text
    assert ("Llama al 911 ahora" if lang == "es" else "Ligue para 911 agora") in text
    assert i18n.service_words(lang)["us_988"]["summary"] in text


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_a_gb_parent_plan_has_no_english_sentences(client, token, lang: str) -> None:
    text = _plan_page(client, token, lang, {
        "age": "13", "country": "GB", "asker": "parent", "meeting": "yes", "demand": "none"})
    left = [s for s in _english_sentences(age=13, country="GB", asker="parent", meeting=True,
                                          demand="none") if s in text]
    assert left == []
    assert [p for p in _ENGLISH_PHRASES if p in text] == []
    assert "CEOP Safety Centre (National Crime Agency)" in text and "999" in text
    assert i18n.service_words(lang)["gb_ceop"]["summary"] in text


def test_an_english_plan_is_unchanged(client, token) -> None:
    text = _plan_page(client, token, "en", {"age": "15", "country": "US", "demand": "money"})
    assert "The US national place to report" in text and "In an emergency call" in text


@pytest.mark.parametrize(("lang", "words"), [("es", "Qué hacer ahora mismo"),
                                            ("pt", "O que fazer agora")])
@pytest.mark.parametrize("audience", ["teen", "adult", "parent"])
def test_a_translated_guide_is_shown_in_its_language(client, lang, words, audience) -> None:
    html = client.get(f"/learn/immediate-steps?audience={audience}&lang={lang}").text
    assert words in html and f'<article class="guide" lang="{lang}">' in html
    assert "en inglés" not in html.split("<article")[0] and "em inglês" not in html.split(
        "<article")[0]


@pytest.mark.parametrize("lang", ["es", "pt"])
@pytest.mark.parametrize("audience", ["teen", "adult", "parent"])
def test_every_guide_is_translated_and_the_list_no_longer_says_english(client, lang,
                                                                       audience) -> None:
    index = client.get(f"/learn?audience={audience}&lang={lang}").text
    assert "(English)" not in index and "en inglés" not in index and "em inglês" not in index
    for slug in re.findall(rf'href="/learn/([^"?]+)\?audience={audience}"', index):
        html = client.get(f"/learn/{slug}?audience={audience}&lang={lang}").text
        assert f'<article class="guide" lang="{lang}">' in html, slug


def test_an_untranslated_guide_is_shown_in_english_and_says_so(client, monkeypatch) -> None:
    from unsnare.response import guide

    english = guide.get_section
    monkeypatch.setattr(guide, "get_section", lambda slug, audience="adult", lang="en":
                        english(slug, audience, "en") if slug == "tactics"
                        else english(slug, audience, lang))
    index = client.get("/learn?audience=adult&lang=es").text
    assert "Por ahora algunas guías están en inglés." in index and "(English)" in index
    html = client.get("/learn/tactics?audience=adult&lang=es").text
    assert '<article class="guide" lang="en">' in html
    assert "Por ahora esta guía está en inglés." in html


def test_every_english_guide_file_has_a_spanish_and_a_portuguese_one() -> None:
    from importlib import resources

    folder = resources.files("unsnare.response").joinpath("content")
    names = {p.name for p in folder.iterdir()}
    english = [n for n in names if n.endswith(".md") and n.split(".")[-2] not in i18n.LANGUAGES]
    assert english
    for name in english:
        for lang in ("es", "pt"):
            assert name[:-3] + f".{lang}.md" in names, f"{name} has no {lang} translation"


def test_every_translated_guide_matches_an_english_file() -> None:
    from importlib import resources

    folder = resources.files("unsnare.response").joinpath("content")
    names = {p.name for p in folder.iterdir()}
    for name in names:
        parts = name.split(".")
        if len(parts) >= 3 and parts[-2] in i18n.LANGUAGES:
            assert ".".join(parts[:-2]) + ".md" in names, name


def test_the_language_links_keep_the_page_and_its_query(client) -> None:
    html = client.get("/learn?audience=parent").text
    assert 'href="/learn?audience=parent&amp;lang=es" hreflang="es"' in html


@pytest.mark.parametrize(("lang", "police"), [("es", "190 (policía)"), ("pt", "190 (polícia)"),
                                              ("en", "190 (police)")])
def test_the_crisis_line_says_the_emergency_number_in_the_page_language(lang, police) -> None:
    from unsnare.web import crisis

    line = crisis.line_for("BR", None, lang)
    assert line.emergency == police and line.phone == "188"


# --- Finding explanations (web/locales/findings.<lang>.yaml) ------------------------------


def _rule_explanations() -> set[str]:
    """Every explanation a built-in rule or detector can write (rules gathered, not listed)."""
    import importlib
    import pkgutil

    from unsnare.analysis import detectors
    from unsnare.analysis.base import PatternDetector, Rule
    from unsnare.analysis.detectors.escalating_demands import _EXPLAIN
    from unsnare.analysis.registry import DetectorRegistry

    registry = DetectorRegistry()
    detectors.register_builtins(registry)
    out = {_EXPLAIN}
    for detector in registry:
        if isinstance(detector, PatternDetector):
            out.update(rule.explanation for rule in detector.rules)
    # Rules kept in a module (such as _multilingual.py) even if no detector uses them yet.
    for info in pkgutil.iter_modules(detectors.__path__):
        module = importlib.import_module(f"{detectors.__name__}.{info.name}")
        for value in vars(module).values():
            found = value if isinstance(value, tuple) else (value,)
            out.update(r.explanation for r in found if isinstance(r, Rule))
    return out


def _learned_explanations(score: float = 0.73) -> set[str]:
    """The learned layer's sentence for every tactic, alone and with the message before it."""
    from unsnare.analysis.learned.detector import READS_LIKE, READS_OVERALL

    return {
        f"This message reads like {reads}{context} "
        f"(learned model, score {score:.2f}; no rule matched the wording)."
        for reads in READS_LIKE.values()
        for context in ("", " together with the message before it")
    } | {
        f"A rule saw a warning sign here, and the whole message reads like {READS_OVERALL} "
        f"(learned model, overall score {score:.2f})."
    }


def test_the_gathered_explanations_cover_every_detector_file() -> None:
    rules = _rule_explanations()
    assert len(rules) > 50
    # One known sentence from the multilingual table and one set in detector code.
    assert "They demand money in Bitcoin or another cryptocurrency. Do not pay." in rules
    assert any(s.startswith("They asked for more after you gave in") for s in rules)


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_every_finding_explanation_has_a_translation(lang: str) -> None:
    missing = [s for s in sorted(_rule_explanations() | _learned_explanations())
               if i18n.finding_sentence(s, lang) == s]
    assert missing == []


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_every_finding_translation_is_of_a_sentence_the_analysis_still_writes(lang: str) -> None:
    from unsnare.analysis.learned.detector import READS_LIKE, READS_OVERALL

    words = i18n.finding_words(lang)
    templated = {key for key, _, _ in i18n.finding_patterns(lang)}
    reads = {*READS_LIKE.values(), READS_OVERALL}
    stale = set(words) - _rule_explanations() - templated - reads
    assert sorted(stale) == []
    wrong = [k for k in templated if placeholders(k) != placeholders(words[k])]
    assert wrong == []
    assert all(words[k].strip() and words[k] != k for k in words)


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_the_learned_sentence_keeps_its_score_and_translates_the_tactic(lang: str) -> None:
    text = ("This message reads like a demand for money together with the message before it "
            "(learned model, score 0.81; no rule matched the wording).")
    out = i18n.finding_sentence(text, lang)
    assert "0.81" in out and i18n.finding_words(lang)["a demand for money"] in out
    assert "together with" not in out and "reads like" not in out


def test_an_unknown_explanation_stays_english() -> None:
    text = "A newer detector's sentence we have not translated."
    assert i18n.finding_sentence(text, "es") == text
    odd = ("This message reads like a new kind of trick (learned model, score 0.70; "
           "no rule matched the wording).")
    assert i18n.finding_sentence(odd, "pt") == odd  # never half-translated
    assert i18n.finding_sentence("They are asking you for money.", "en") == (
        "They are asking you for money.")


_THREAT = ("I have your pictures. Pay $300 in bitcoin or I will send your pictures to all "
           "your followers and your family. You have 2 hours.")


def _report_page(client, token, lang: str) -> str:
    client.get(f"/check?lang={lang}")
    response = client.post("/check/text", data={"csrf_token": token(client, "/check"),
                                                "text": _THREAT})
    assert response.status_code == 200 and "/check/report/" in str(response.url)
    return html.unescape(response.text)


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_a_report_shows_explanations_in_the_page_language(client, token, lang: str) -> None:
    english = _report_page(client, token, "en")
    shown = [s for s in _rule_explanations() | _learned_explanations() if s in english]
    assert shown  # the invented threat is explained
    text = _report_page(client, token, lang)
    assert [s for s in shown if s in text] == []
    assert all(i18n.finding_sentence(s, lang) in text for s in shown)


def test_an_english_report_is_unchanged(client, token) -> None:
    text = _report_page(client, token, "en")
    shown = [s for s in _rule_explanations() if s in text]
    assert "They say they will send your pictures or chats to people you know. That is " \
        "blackmail." in shown
    assert [s for s in shown for lang in ("es", "pt") if i18n.finding_sentence(s, lang) in text] == []
