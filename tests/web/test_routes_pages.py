"""Route tests for the pages: get help, check, learn, protect, and the analysis API."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from support.paths import WEB_DATA

DATA = WEB_DATA


def test_home_puts_get_help_first(client) -> None:
    html = client.get("/").text
    order = [html.index(t) for t in (
        "Get help now</strong>", "Is this sextortion? Check a conversation", "Protect my images</strong>",
        "My case</strong>", "Learn</strong>")]
    assert order == sorted(order)
    assert "It is not your fault" in html


@pytest.mark.parametrize(
    "unsafe,crisis_first",
    [("yes", True), ("not_sure", True), ("no", False)],
)
def test_plan_shows_crisis_help_first_when_needed(client, token, unsafe, crisis_first) -> None:
    response = client.post("/help", data={
        "csrf_token": token(client, "/help"), "age": "15", "country": "US", "unsafe": unsafe,
        "demand": "money", "sent_images": "yes", "paid": "no", "platforms": ["Instagram"],
    })
    assert response.status_code == 200 and response.url.path == "/help/plan"
    html = response.text
    assert ("Your safety comes first" in html) is crisis_first
    assert ('value="crisis"' in html) is crisis_first
    assert "988" in html  # US services for a 15-year-old
    assert "not your fault" in html


@pytest.mark.parametrize("unsafe", ["yes", "no"])
def test_plan_lists_each_service_in_full_once(client, token, unsafe) -> None:
    from unsnare.web.routes.help import services

    html = client.post("/help", data={
        "csrf_token": token(client, "/help"), "age": "15", "country": "GB", "unsafe": unsafe,
        "demand": "money", "sent_images": "yes", "paid": "no", "platforms": ["Instagram"],
    }).text
    for s in services("GB", 15):
        # The summary only appears in a full entry; later mentions are short links back.
        assert html.count(s["description"]) == 1, s["name"]
        assert html.count(f'id="service-{s["id"]}"') == 1, s["name"]
    if unsafe == "yes":
        crisis_at = html.index('id="crisis-title"')
        # Childline in full in the crisis panel (after the one-line crisis number).
        assert html.index('– call <a href="tel:08001111">') > crisis_at
        assert html.index('– call <a href="tel:08001111">') < html.index("<h1>Your next steps</h1>")
        assert html.count('href="#service-gb_childline"') == 2  # crisis step and support step
        assert "See Childline in the crisis lines above" in html


def test_plan_ticks_are_saved(client, token) -> None:
    csrf = token(client, "/help")
    client.post("/help", data={"csrf_token": csrf, "age": "19", "country": "GB"})
    html = client.get("/help/plan").text
    ids = re.findall(r'name="done" value="([^"]+)"', html)
    assert len(ids) > 3
    saved = client.post("/help/plan", data={"csrf_token": csrf, "done": ids[:2]})
    assert "Your progress is saved." in saved.text
    checked = re.findall(r'value="([^"]+)" checked', saved.text)
    assert checked == ids[:2]


@pytest.mark.parametrize(
    "form,field",
    [({"age": "fifteen", "country": "US"}, "age"), ({"age": "15", "country": ""}, "country")],
)
def test_bad_triage_answers_get_a_clear_page(client, token, form, field) -> None:
    response = client.post("/help", data={"csrf_token": token(client, "/help"), **form})
    assert response.status_code == 400
    assert field in response.text and "What to try" in response.text


def test_plan_without_answers_goes_back_to_the_questions(client) -> None:
    response = client.get("/help/plan", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/help"


def _upload(client, token, name: str, data: bytes, **form: str):
    return client.post(
        "/check/upload", data={"csrf_token": token(client, "/check"), **form},
        files={"files": (name, data, "application/octet-stream")},
    )


def test_whatsapp_export_gives_a_plain_report(client, token) -> None:
    response = _upload(client, token, "WhatsApp Chat with Mia R.txt",
                       (DATA / "whatsapp_chat.txt").read_bytes())
    assert response.status_code == 200 and "/check/report/" in str(response.url)
    html = response.text
    assert "This looks like sextortion" in html
    assert "Your safety comes first" in html  # the chat talks of self-harm
    assert "<details>" in html and "<mark>" in html  # wording hidden, spans marked
    assert "quickcash2291" in html  # identifiers
    assert "(the export did not say; a guess)" in html  # the assumed zone is said, never implied
    assert "/help?report=" in html


def test_an_export_with_several_chats_lets_you_choose(client, token) -> None:
    def chat(name: str, cid: int, text: str) -> dict[str, object]:
        return {"name": name, "type": "personal_chat", "id": cid, "messages": [
            {"id": 1, "type": "message", "date": "2026-03-14T21:42:00",
             "date_unixtime": "1773524520", "from": name, "from_id": f"user{cid}", "text": text}]}

    export = {"about": "Telegram Desktop export", "chats": {"list": [
        chat("Mia R", 11, "pay me $300 or I send your photo to your family"),
        chat("Coach Dan", 12, "practice moved to 5pm")]}}
    response = _upload(client, token, "result.json", json.dumps(export).encode())
    assert "This export holds 2 conversations" in response.text
    links = re.findall(r'href="(/check/report/[^"]+)"', response.text)
    assert len(links) == 2
    assert all(client.get(link).status_code == 200 for link in links)


def test_the_report_feeds_the_plan(client, token) -> None:
    report = _upload(client, token, "chat.txt", (DATA / "whatsapp_chat.txt").read_bytes())
    report_id = str(report.url).rsplit("/", 1)[1]
    form = client.get(f"/help?report={report_id}").text
    assert f'value="{report_id}"' in form
    assert 'value="yes" checked' in form  # crisis carried over from the analysis
    plan = client.post("/help", data={"csrf_token": token(client, "/help"), "age": "16",
                                      "country": "US", "unsafe": "no", "report_id": report_id})
    assert "Your safety comes first" in plan.text  # the analysis's crisis flag is kept


@pytest.mark.parametrize(
    "text,expect",
    [
        ("Mia: pay me $300 or I send your photo to all your followers\nMe: please no",
         "sextortion"),
        ("Mum: dinner is at 7, bring bread please\nMe: ok see you then", "did not find clear signs"),
        ("From: Hacker <x@example.net>\nSubject: I recorded you\n\nI hacked your webcam and "
         "recorded you. Send $900 in bitcoin within 48 hours or I send the video to all your "
         "contacts.", "mass email scam"),
    ],
)
def test_pasted_text_is_checked(client, token, text, expect) -> None:
    response = client.post("/check/text", data={"csrf_token": token(client, "/check"), "text": text})
    assert response.status_code == 200
    assert expect in response.text


@pytest.mark.parametrize(
    "text,crisis_first",
    [
        ("Mia: pay me $300 or I send your pics to your family\n"
         "Mia: if you dont pay your life is over\nMe: please stop", True),
        ("Mia: pay me $300 or I send your pics to your family\nMe: please stop", False),
    ],
)
def test_report_opens_with_crisis_help_when_they_push_towards_self_harm(
    client, token, text, crisis_first
) -> None:
    response = client.post("/check/text", data={"csrf_token": token(client, "/check"), "text": text})
    html = response.text
    assert ("Your safety comes first" in html) is crisis_first
    if crisis_first:
        assert html.index("Your safety comes first") < html.index("What we found</h1>")


@pytest.mark.parametrize(
    "name,data,status,words",
    [
        ("holiday.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n", 400, "What to try"),
        ("empty.txt", b"", 400, "empty"),
    ],
)
def test_bad_uploads_get_clear_errors(client, token, name, data, status, words) -> None:
    response = _upload(client, token, name, data)
    assert response.status_code == status
    assert words in response.text and "Traceback" not in response.text
    assert "unsnare-upload-" not in response.text  # never the temporary copy's path
    assert "--format" not in response.text  # the form's "Format" list, not the CLI option


@pytest.mark.parametrize(
    "hint,expected",
    [
        ("check the file; if you know the format, add --format with one of: a, b",
         'check the file; if you know the format, choose it under "Format"'),
        ("check the export, or choose another --format (one of: a, b)",
         'check the export, or choose another under "Format"'),
        ("choose Snapchat's chat_history.json, or another --format",
         'choose Snapchat\'s chat_history.json, or choose another under "Format"'),
    ],
)
def test_upload_hints_speak_of_the_form(hint, expected) -> None:
    from unsnare.errors import ImportFormatError
    from unsnare.web.uploads import form_hints

    with pytest.raises(ImportFormatError) as caught, form_hints():
        raise ImportFormatError("not an export", file="chat.txt", hint=hint)
    assert caught.value.hint == expected and caught.value.file == "chat.txt"


@pytest.mark.slow
def test_screenshots_are_read_and_checked(client, token, finish_job) -> None:
    from PIL import Image, ImageDraw, ImageFont

    font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    font = ImageFont.truetype(font_path, 26) if Path(font_path).exists() else None
    img = Image.new("RGB", (720, 280), "white")
    draw = ImageDraw.Draw(img)
    for y, line in ((40, "Pay me $500 or I send your pics"), (160, "to your family. You have 1 hour")):
        draw.rounded_rectangle((20, y - 20, 600, y + 60), 20, fill="#e9e9eb")
        draw.text((40, y), line, fill="black", font=font)
    data = io.BytesIO()
    img.save(data, "PNG")
    working = client.post("/check/upload", data={"csrf_token": token(client, "/check")},
                          files=[("files", ("shot-1.png", data.getvalue(), "image/png"))])
    assert "Reading your screenshots" in working.text and "0 of 1 done" in working.text
    response = finish_job(client, working)
    assert response.status_code == 200 and "/check/report/" in str(response.url)
    assert "screenshot" in response.text and "Demanding money" in response.text


def test_empty_paste_is_explained(client, token) -> None:
    response = client.post("/check/text", data={"csrf_token": token(client, "/check"), "text": " "})
    assert response.status_code == 400 and "no text to check" in response.text


def test_unknown_report_is_not_found(client) -> None:
    assert client.get("/check/report/nope").status_code == 404


def test_a_long_conversation_is_paged(client, token) -> None:
    lines = [f"3/14/26, 9:{i % 60:02d} PM - Mia R: pay me $50 now or everyone sees your photo"
             for i in range(260)]
    response = _upload(client, token, "long.txt", "\n".join(lines).encode())
    assert "Page 1 of 3" in response.text
    page3 = client.get(str(response.url) + "?page_number=3")
    assert "Page 3 of 3" in page3.text


@pytest.mark.parametrize("audience", ["teen", "adult", "parent"])
def test_learn_lists_and_renders_guides(client, audience) -> None:
    index = client.get(f"/learn?audience={audience}").text
    links = re.findall(rf'href="(/learn/[^"?]+)\?audience={audience}"', index)
    assert links
    page = client.get(f"{links[0]}?audience={audience}")
    assert page.status_code == 200
    assert "<h1>" in page.text


def test_learn_escapes_raw_html_in_guides(client, monkeypatch) -> None:
    from unsnare.web import filters

    html = filters.markdown("# Hi\n\n<script>alert(1)</script>")
    assert "<script>" not in html


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Call 0800 1111, go to https://www.childline.org.uk/.",
         'Call 0800 1111, go to <a href="https://www.childline.org.uk/" rel="noreferrer">'
         'https://www.childline.org.uk/</a>.'),
        ("Go to https://giveusashout.org/ (24/7).",
         'Go to <a href="https://giveusashout.org/" rel="noreferrer">https://giveusashout.org/'
         "</a> (24/7)."),
        ("See https://example.org/a?b=1&c=2", 'See <a href="https://example.org/a?b=1&amp;c=2" '
         'rel="noreferrer">https://example.org/a?b=1&amp;c=2</a>'),
        ('<b>no</b> "javascript:alert(1)"', "&lt;b&gt;no&lt;/b&gt; &#34;javascript:alert(1)&#34;"),
    ],
)
def test_plan_step_addresses_become_links(text, expected) -> None:
    from unsnare.web import filters

    assert str(filters.links(text)) == expected


def test_unknown_guide_is_not_found(client) -> None:
    assert client.get("/learn/no-such-guide").status_code == 404


def _png() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (200, 160), "#88aacc")
    ImageDraw.Draw(img).ellipse((40, 30, 160, 130), fill="#224466")
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def test_protect_hashes_files_and_keeps_nothing(client, token, tmp_path) -> None:
    response = client.post(
        "/protect", data={"csrf_token": token(client, "/protect")},
        files=[("files", ("me.png", _png(), "image/png")), ("files", ("clip.mp4", b"\x00" * 64, "video/mp4"))],
    )
    assert response.status_code == 200
    html = response.text
    assert re.search(r"PDQ: <code class=\"hash\">[0-9a-f]{64}</code>", html)
    assert html.count("SHA-256:") == 2
    assert "Take It Down" in html and "StopNCII" in html
    assert html.index("Your fingerprints") < html.index("Stop the pictures being posted")  # first
    assert not any((tmp_path / "data").glob("**/*.png"))


def test_protect_says_when_a_file_is_not_a_picture(client, token) -> None:
    response = client.post("/protect", data={"csrf_token": token(client, "/protect")},
                           files={"files": ("notes.jpg", b"not an image", "image/jpeg")})
    assert response.status_code == 200 and "could not read this file" in response.text


def test_api_analyzes_structured_messages(client) -> None:
    body = {"messages": [
        {"sender": "offender1", "text": "Send $400 in bitcoin or I post your nudes to your family",
         "timestamp": "2026-03-14T21:42:00Z"},
        {"sender": "teen", "text": "please stop"},
    ]}
    response = client.post("/api/v1/analyze", json=body)
    assert response.status_code == 200
    report = response.json()
    assert report["risk"]["level"] in ("medium", "high", "critical")
    assert {f["message_id"] for f in report["findings"]} <= {"m0", "m1"}


@pytest.mark.parametrize(
    "body",
    [{}, {"text": "a", "messages": []},
     {"messages": [{"sender": "a", "text": "x", "timestamp": "2026-03-14T21:42:00"}]},
     {"messages": [{"id": "1", "sender": "a"}, {"id": "1", "sender": "b"}]}],
)
def test_api_refuses_bad_requests_with_json(client, body) -> None:
    response = client.post("/api/v1/analyze", json=body)
    assert response.status_code == 422
    assert "error" in response.json()


def test_api_needs_json_so_forms_from_other_sites_cannot_use_it(client) -> None:
    response = client.post("/api/v1/analyze", data={"text": "hello"})
    assert response.status_code == 422


@pytest.mark.parametrize(
    "language,wanted",
    [("en-US,en;q=0.9", ['href="tel:988"', 'href="sms:988"', 'href="tel:911"']),
     ("en-AU", ['href="tel:131114"', 'href="tel:000"']),  # Lifeline: any age
     ("en-GB", ['href="tel:116123"', 'href="tel:999"']),  # Samaritans: any age
     ("pt-BR", ['href="tel:188"']),
     ("fr", ['href="https://findahelpline.com/"'])],
)
def test_home_and_get_help_start_with_the_crisis_line(client, language, wanted) -> None:
    for path in ("/", "/help"):
        html = client.get(path, headers={"accept-language": language}).text
        main = html.split('<main id="main" tabindex="-1">')[1]
        first = main.split("<h1>")[0]
        assert 'class="crisis-line"' in first
        for piece in wanted:
            assert piece in first, (path, piece)


def test_the_self_harm_question_has_no_answer_chosen(client) -> None:
    html = client.get("/help").text
    question = html.split('name="unsafe"', 1)[1].split("</fieldset>")[0]
    assert "checked" not in question


def test_every_plan_starts_with_the_crisis_line_whatever_the_answers(client, token) -> None:
    client.post("/help", data={"csrf_token": token(client), "age": "15", "country": "GB",
                               "unsafe": "no", "demand": "money"})
    html = client.get("/help/plan", headers={"accept-language": "en-US"}).text
    first = html.split('<main id="main" tabindex="-1">')[1].split("<h1>")[0]
    # The plan's country wins over the browser's language.
    assert 'href="tel:08001111"' in first and "Childline" in first and 'href="tel:999"' in first


def test_make_my_plan_from_this_fills_in_the_form(client, token) -> None:
    report = _upload(client, token, "WhatsApp Chat with Mia R.txt",
                     (DATA / "whatsapp_chat.txt").read_bytes())
    link = re.search(r'href="(/help\?report=[^"]+)"', report.text).group(1)
    form = client.get(link).text
    assert 'name="demand" value="money" checked' in form
    assert 'name="sent_images" value="not_sure" checked' in form
    assert 'name="sent_images" value="no" checked' not in form
    assert 'name="platforms" value="WhatsApp" checked' in form
    assert 'name="unsafe" value="yes" checked' in form  # the chat talks of self-harm
    assert "they asked for money; they say they have a picture or video of you" in form


def test_a_pasted_threat_fills_in_money_and_pictures(client, token) -> None:
    report = client.post("/check/text", data={
        "csrf_token": token(client, "/check"),
        "text": "Jay: pay me $100 or I post your nudes to everyone. you have 1 hour"})
    link = re.search(r'href="(/help\?report=[^"]+)"', report.text).group(1)
    form = client.get(link).text
    assert 'name="demand" value="money" checked' in form
    assert 'name="sent_images" value="not_sure" checked' in form
    assert 'name="unsafe" value="yes"' in form and 'name="unsafe" value="yes" checked' not in form


GROOMING_CHAT = """jake_2011: hey ur really mature for 13 you know that
Ella: haha thanks
jake_2011: dont tell ur mum about me ok, she wouldnt understand us
jake_2011: ur so pretty, send me a pic of u in ur room
jake_2011: its our secret. i care about u more than anyone
jake_2011: lets meet up at the shopping centre saturday, dont bring anyone
jake_2011: if u dont come ill tell everyone at ur school what u said to me
"""


def test_grooming_is_named_and_gets_a_parents_plan_not_do_not_pay(client, token) -> None:
    report = client.post("/check/text", data={"csrf_token": token(client, "/check"),
                                              "text": GROOMING_CHAT})
    html = report.text
    # The threat to tell the school makes it urgent; it is still named as grooming.
    assert "looks like grooming, and it is urgent" in html
    assert "sextortion" not in html.split('id="risk-title"')[1].split("</section>")[0]
    assert "Do not pay" not in html
    link = re.search(r'href="(/help\?report=[^"&]+&amp;asker=parent)"', html).group(1)
    form = client.get(link.replace("&amp;", "&")).text
    assert 'name="asker" value="parent" checked' in form
    plan = client.post("/help", data={
        "csrf_token": token(client), "age": "13", "country": "GB", "asker": "parent",
        "meeting": "yes", "report_id": re.search(r"report=([^&]+)", link).group(1)}).text
    assert "What is happening: grooming" in plan and "Stay calm and listen" in plan
    assert "Don&#39;t confront the account" in plan and "CEOP" in plan
    assert "Don&#39;t pay" not in plan
    assert "not your child&#39;s fault" in plan


def test_a_failed_screenshot_job_shows_a_clear_error(client, token, finish_job) -> None:
    working = client.post("/check/upload", data={"csrf_token": token(client, "/check")},
                          files=[("files", ("broken.png", b"not a picture", "image/png"))])
    response = finish_job(client, working)
    assert response.status_code == 400 and "broken.png" in response.text
    assert "Traceback" not in response.text


def test_someone_elses_job_is_not_found(client, client_factory, token) -> None:
    working = client.post("/check/upload", data={"csrf_token": token(client, "/check")},
                          files=[("files", ("broken.png", b"not a picture", "image/png"))])
    with client_factory() as other:
        assert other.get(working.url.path).status_code == 404


def test_protect_hash_list_can_be_saved_into_the_case(client, token) -> None:
    from support.web import create_case as _create

    _create(client, token)
    made = client.post("/protect", data={"csrf_token": token(client, "/protect")},
                       files=[("files", ("me.png", _png(), "image/png"))])
    assert "Save this list to my case" in made.text and "<details>" in made.text
    saved = client.post("/protect/save", data={"csrf_token": token(client, "/protect")})
    assert "list of fingerprints is saved in your case" in saved.text
    assert "image-fingerprints-" in saved.text
    again = client.post("/protect/save", data={"csrf_token": token(client, "/protect")})
    assert again.status_code == 400 and "no list of fingerprints" in again.text


def test_plan_is_short_folded_and_every_number_is_a_link(client, token) -> None:
    client.post("/help", data={"csrf_token": token(client), "age": "15", "country": "GB",
                               "demand": "money", "unsafe": "no"})
    html = client.get("/help/plan").text
    main = html.split('<main id="main" tabindex="-1">')[1]
    assert main.count("<details open>") == 1  # the first step; the rest are folded
    assert main.lower().count("not your fault") == 1
    assert 'data-print hidden' in main
    # Every phone number in the plan is a tap-to-call or tap-to-text link.
    from unsnare.web.routes.help import services

    for s in services("GB", 15):
        # In a list of services the name is the link; in a step (a tick box) the address is.
        assert f'<a href="{s["url"]}" rel="noreferrer">' in main or s["name"] not in main, s["name"]
    more = main.split('class="services-more"')[1]
    names = re.findall(r"<strong>(.*?)</strong>", more)
    assert names and all(n.startswith("<a href=") for n in names)
    for number in re.findall(r"(?:call|text) ((?:\+?\d[\d -]*\d))", re.sub(r"<[^>]+>", "", main)):
        digits = re.sub(r"[^\d+]", "", number)
        assert f'tel:{digits}"' in main or f'sms:{digits}"' in main, number


def test_person_view_has_no_machine_words(client, token) -> None:
    check = client.get("/check").text
    assert "<summary>More options</summary>" in check and "discord package" not in check
    report = client.post("/check/text", data={"csrf_token": token(client, "/check"),
                                              "text": "Jay: pay me $100 or I post your pic"}).text
    assert "plaintext" not in report and "Pasted text" in report
    assert "Etc/UTC" not in report


@pytest.mark.parametrize("audience", ["teen", "adult", "parent"])
def test_guides_on_the_web_give_no_command_line_instructions(client, audience) -> None:
    from unsnare.response import guide

    for section in guide.list_sections(audience):
        html = client.get(f"/learn/{section.slug}?audience={audience}").text
        assert "unsnare help" not in html and "unsnare plan" not in html, section.slug
    teen = client.get("/learn/immediate-steps?audience=teen").text
    assert 'Use <a href="/help">Get help now</a> to get this as a' in teen or audience != "teen"


def test_a_parent_plan_for_sextortion_says_the_steps_speak_to_the_child(client, token) -> None:
    client.post("/help", data={"csrf_token": token(client), "age": "14", "country": "GB",
                               "demand": "money", "asker": "parent"})
    assert "These steps speak to the person being targeted" in client.get("/help/plan").text
