"""Route tests for My case: create, unlock, idle lock, evidence, plan, package."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

from support.paths import WEB_DATA
from support.web import PASS
from support.web import create_case as _create


def test_create_open_lock_and_unlock(client, token, tmp_path) -> None:
    assert "Start a case" in client.get("/case").text
    created = _create(client, token)
    assert created.status_code == 200
    assert "Your case is ready" in created.text and "My case: Sam&#39;s case" in created.text
    assert created.headers["cache-control"] == "no-store"
    assert (tmp_path / "data" / "case.unsnare-locker").exists()
    cookie = created.request.headers.get("cookie", "")
    assert PASS not in cookie  # only a random session id travels
    locked = client.post("/case/lock", data={"csrf_token": token(client, "/case")})
    assert "Open your case" in locked.text
    opened = client.post("/case/unlock", data={"csrf_token": token(client, "/case"), "passphrase": PASS})
    assert "Your case is open" in opened.text


@pytest.mark.parametrize(
    "passphrase,again,words",
    [("short", None, "too short"), (PASS, "something else", "not the same")],
)
def test_create_refuses_bad_passphrases(client, token, passphrase, again, words) -> None:
    response = _create(client, token, passphrase, again)
    assert response.status_code == 400 and words in response.text


def test_wrong_passphrase_is_a_clear_403(client, token) -> None:
    _create(client, token)
    client.post("/case/lock", data={"csrf_token": token(client, "/case")})
    response = client.post("/case/unlock", data={"csrf_token": token(client, "/case"), "passphrase": "not it at all"})
    assert response.status_code == 403
    assert "Traceback" not in response.text


def test_case_locks_itself_after_idle_time(client_factory, token) -> None:
    with client_factory(idle_lock_seconds=0) as client:
        _create(client, token)
        # Any later request comes after more than 0 s of idleness: the case is locked.
        page = client.get("/case")
        assert "Open your case" in page.text
        assert "locked because it was not used" in page.text
        notes = client.post("/case/notes", data={"csrf_token": token(client, "/case"), "text": "x"})
        assert notes.status_code == 409 and "Your case is locked" in notes.text


def test_open_case_page_asks_the_browser_to_leave_when_idle(client, token) -> None:
    html = _create(client, token).text
    assert 'data-idle-lock="600"' in html


def test_evidence_notes_and_events_appear_on_the_case(client, token) -> None:
    _create(client, token)
    csrf = token(client, "/case")
    added = client.post("/case/files", data={"csrf_token": csrf, "kind": "export",
                                             "tz": "America/New_York"},
                        files={"files": ("chat.txt", (
                            WEB_DATA / "whatsapp_chat.txt"
                        ).read_bytes(), "text/plain")})
    assert "Added to your case" in added.text
    assert "chat.txt" in added.text and re.search(r"[0-9a-f]{64}", added.text)
    assert "quickcash2291" in added.text  # identifiers from the analysed export
    note = client.post("/case/notes", data={"csrf_token": csrf, "text": "Told my aunt on Sunday."})
    assert "Told my aunt on Sunday." in note.text
    event = client.post("/case/events", data={
        "csrf_token": csrf, "kind": "payment", "text": "Paid once before I knew",
        "at": "2026-03-14T21:55", "zone": "Europe/London", "amount": "50",
        "currency": "USD gift card", "counterpart": "$quickcash2291"})
    assert "Saved to your timeline" in event.text and "USD gift card" in event.text
    report = client.post("/case/events", data={
        "csrf_token": csrf, "kind": "report", "platform": "Instagram", "reference": "IG-77"})
    assert "Reference number: <strong>IG-77</strong>" in report.text


@pytest.mark.parametrize(
    "form,field",
    [({"kind": "payment", "at": "yesterday"}, "at"), ({"kind": "report", "at": "2026-03-01T10:00", "zone": "Mars/Base"}, "zone"),
     ({"kind": "party"}, "kind")],
)
def test_bad_event_fields_are_named(client, token, form, field) -> None:
    _create(client, token)
    response = client.post("/case/events", data={"csrf_token": token(client, "/case"), **form})
    assert response.status_code == 400 and field in response.text


def test_plan_ticks_are_saved_in_the_case(client, token) -> None:
    _create(client, token)
    csrf = token(client, "/case")
    client.post("/help", data={"csrf_token": csrf, "age": "15", "country": "GB"})
    ids = re.findall(r'name="done" value="([^"]+)"', client.get("/help/plan").text)
    saved = client.post("/help/plan", data={"csrf_token": csrf, "done": ids[:1]})
    assert "saved in your case" in saved.text
    client.post("/case/lock", data={"csrf_token": csrf})
    client.post("/case/unlock", data={"csrf_token": token(client, "/case"), "passphrase": PASS})
    again = client.get("/help/plan").text
    assert re.findall(r'value="([^"]+)" checked', again) == ids[:1]


def test_export_and_verify_the_sealed_package(client, token) -> None:
    _create(client, token)
    csrf = token(client, "/case")
    client.post("/case/notes", data={"csrf_token": csrf, "text": "First note"})
    package = client.post("/case/export", data={"csrf_token": csrf})
    assert package.status_code == 200
    assert package.headers["content-type"] == "application/zip"
    assert "attachment" in package.headers["content-disposition"]
    key = re.search(r'id="signer">.*?<code class="hash">([0-9a-f ]{39})</code>',
                    client.get("/case").text, re.S)
    assert key, "the case page shows the signing key"
    ok = client.post("/case/verify", data={"csrf_token": csrf, "expect_key": key.group(1)},
                     files={"package_file": ("evidence.zip", package.content, "application/zip")})
    assert "evidence.zip is intact" in ok.text
    assert f"Signed by the key <code class=\"hash\">{key.group(1)}</code>" in ok.text
    other = client.post("/case/verify", data={"csrf_token": csrf, "expect_key": "0" * 32},
                        files={"package_file": ("evidence.zip", package.content, "x")})
    assert "or was not signed by the key you expected" in other.text
    assert "not signed by the key you expected" in other.text
    # Change one byte of one file inside: verification must say so.
    src = zipfile.ZipFile(io.BytesIO(package.content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != "manifest.json" and data and not info.is_dir():
                data = data[:-1] + bytes([data[-1] ^ 1])
            dst.writestr(info.filename, data)
    bad = client.post("/case/verify", data={"csrf_token": csrf},
                      files={"package_file": ("evidence.zip", out.getvalue(), "application/zip")})
    assert "has been changed or damaged" in bad.text
    not_zip = client.post("/case/verify", data={"csrf_token": csrf},
                          files={"package_file": ("evidence.zip", b"not a zip", "application/zip")})
    assert "evidence.zip" in not_zip.text and "unsnare-verify-" not in not_zip.text


def test_export_needs_an_open_case(client, token) -> None:
    response = client.post("/case/export", data={"csrf_token": token(client, "/case")})
    assert response.status_code == 409 and "Your case is locked" in response.text


def test_a_plan_made_before_the_case_is_kept_in_it(client, token) -> None:
    csrf = token(client, "/help")
    client.post("/help", data={"csrf_token": csrf, "age": "15", "country": "GB"})
    _create(client, token)
    client.post("/case/lock", data={"csrf_token": token(client, "/case")})
    assert client.get("/help/plan", follow_redirects=False).status_code == 303  # forgotten
    client.post("/case/unlock", data={"csrf_token": token(client, "/case"), "passphrase": PASS})
    assert client.get("/help/plan").status_code == 200  # back from the case


def test_a_checked_chat_can_go_straight_into_the_case(client, token) -> None:

    _create(client, token)
    form = client.get("/check").text
    assert 'name="save_to_case" value="1" checked' in form
    client.post("/check/upload", data={"csrf_token": token(client, "/check"), "save_to_case": "1"},
                files={"files": ("WhatsApp Chat.txt",
                                 (WEB_DATA / "whatsapp_chat.txt").read_bytes(),
                                 "text/plain")})
    assert "WhatsApp Chat.txt" in client.get("/case").text


@pytest.mark.parametrize("how", ["upload", "paste"])
def test_a_report_made_before_the_case_can_be_saved_into_it(client, token, how) -> None:

    chat = (WEB_DATA / "whatsapp_chat.txt").read_bytes()
    if how == "upload":
        report = client.post("/check/upload", data={"csrf_token": token(client, "/check")},
                             files={"files": ("WhatsApp Chat.txt", chat, "text/plain")})
        name = "WhatsApp Chat.txt"
    else:
        report = client.post("/check/text", data={"csrf_token": token(client, "/check"),
                                                  "text": "Mia: pay me $300 or your family sees it"})
        name = "pasted-text.txt"
    assert "Keep this as evidence" in report.text and "kept locked (encrypted)" in report.text
    report_path = report.url.path
    _create(client, token)
    again = client.get(report_path)
    assert "Save this to my case" in again.text
    csrf = token(client, "/check")
    saved = client.post(f"{report_path}/save", data={"csrf_token": csrf})
    assert "Added to your case" in saved.text and name in saved.text
    twice = client.post(f"{report_path}/save", data={"csrf_token": csrf})
    assert twice.status_code == 400 and "already in your case" in twice.text


def test_a_long_timeline_is_paged(client, token, monkeypatch) -> None:
    from unsnare.web.routes import case as case_routes

    monkeypatch.setattr(case_routes, "TIMELINE_PAGE", 2)
    _create(client, token)
    csrf = token(client, "/case")
    for n in range(3):
        client.post("/case/events", data={"csrf_token": csrf, "kind": "block", "text": f"Blocked {n}"})
    first = client.get("/case").text
    assert "Timeline (3)" in first and "Page 1 of 2" in first
    second = client.get("/case?timeline_page=2").text
    assert "Page 2 of 2" in second and second.count("Blocked ") == 1


def test_unlocking_in_a_second_browser_waits_for_an_add_in_the_first(
    client, token, monkeypatch
) -> None:
    import threading
    import time

    from support.web import BASE, TestClient
    from unsnare.evidence.case import Case

    _create(client, token)
    started = threading.Event()
    real_add = Case.add_file

    def slow_add(self, *args, **kw):
        started.set()
        time.sleep(1.0)  # the second browser unlocks while this add runs
        return real_add(self, *args, **kw)

    monkeypatch.setattr(Case, "add_file", slow_add)
    csrf = token(client, "/case")
    answers = []
    adding = threading.Thread(target=lambda: answers.append(client.post(
        "/case/files", data={"csrf_token": csrf, "kind": "file"},
        files={"files": ("receipt-4471.txt", b"paid 300 to quickcash", "text/plain")})))
    adding.start()
    assert started.wait(30)
    # Another browser on the same app: its own cookie jar, so its own session.
    with TestClient(client.app, base_url=BASE, raise_server_exceptions=False) as second:
        opened = second.post("/case/unlock", data={"csrf_token": token(second, "/case"),
                                                    "passphrase": PASS})
        adding.join(30)
        assert "Your case is open" in opened.text
        # The add finished and was saved before the first browser's case was closed.
        assert answers and answers[0].status_code == 200, answers
        assert "receipt-4471.txt" in second.get("/case").text
    assert "Open your case" in client.get("/case").text  # the first browser is locked now


def test_an_idle_lock_does_not_cut_off_an_add() -> None:
    import threading

    from unsnare.web.sessions import SessionStore

    class Clock:
        now = 0.0

        def __call__(self) -> float:
            return self.now

    class Locker:
        closed = False

        def close(self) -> None:
            self.closed = True

    clock = Clock()
    store = SessionStore(idle_lock_seconds=10, clock=clock)
    session, _ = store.touch(None)
    session.locker = locker = Locker()
    holding, done = threading.Event(), threading.Event()

    def add() -> None:  # an add running in a worker thread
        with session.busy:
            holding.set()
            done.wait(30)

    worker = threading.Thread(target=add)
    worker.start()
    assert holding.wait(30)
    clock.now = 100.0
    store.touch(None)  # another request comes in while the add runs
    assert not locker.closed and session.locker is locker
    done.set()
    worker.join(30)
    store.touch(None)
    assert locker.closed  # once the add is done, the idle case is closed


def test_verify_checks_a_time_stamp_reply(client, token, tmp_path) -> None:
    from support.tsa import Tsa
    from support.tsa import pem as _pem

    _create(client, token)
    csrf = token(client, "/case")
    package = client.post("/case/export", data={"csrf_token": csrf}).content
    tsa = Tsa(tmp_path / "tsa")
    reply = tsa.reply(zipfile.ZipFile(io.BytesIO(package)).read("timestamp/manifest.tsq"))
    checked = client.post("/case/verify", data={"csrf_token": csrf}, files={
        "package_file": ("evidence.zip", package, "application/zip"),
        "tsr_file": ("manifest.tsr", reply, "application/timestamp-reply"),
        "tsa_cert_file": ("tsa.pem", _pem(tsa.ca), "application/x-pem-file")})
    assert "evidence.zip is intact" in checked.text
    assert "Time-stamped" in checked.text and "CN=Test TSA" in checked.text
    wrong = client.post("/case/verify", data={"csrf_token": csrf}, files={
        "package_file": ("evidence.zip", package, "application/zip"),
        "tsr_file": ("manifest.tsr", b"junk", "application/timestamp-reply")})
    assert "not a readable RFC 3161 time-stamp reply" in wrong.text


CHAT = WEB_DATA / "whatsapp_chat.txt"


def pdf_text(package: bytes) -> str:
    """The text of report.pdf inside a package."""
    import pypdf

    pdf = zipfile.ZipFile(io.BytesIO(package)).read("report.pdf")
    return " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_zone_named_on_the_check_page_goes_into_the_case_and_the_pdf(client, token) -> None:
    report = client.post("/check/upload", data={"csrf_token": token(client, "/check"),
                                                "tz": "Australia/Sydney"},
                         files={"files": ("WhatsApp Chat.txt", CHAT.read_bytes(), "text/plain")})
    assert "times in Australia/Sydney (the export did not say; as you told us)" in report.text
    _create(client, token)
    client.post(f"{report.url.path}/save", data={"csrf_token": token(client, "/check")})
    case = client.get("/case").text
    timeline = case.split('id="timeline-title"')[1].split("</section>")[0]
    assert "14 Mar 2026, 21:42 (UTC+11:00)" in timeline and "UTC+00:00" not in timeline
    package = client.post("/case/export", data={"csrf_token": token(client, "/case")})
    text = " ".join(pdf_text(package.content).split())
    threats = text.split("Timeline of threats and demands")[1].split("What was reported")[0]
    assert "2026-03-14 21:42:00 (UTC+11:00)" in threats and "UTC+00:00" not in threats
    assert "time zone Australia/Sydney (the export does not state it; given by the person" in text
    timeline = json.loads(zipfile.ZipFile(io.BytesIO(package.content)).read("manifest.json"))[
        "timeline"]
    assert {e["zone_source"] for e in timeline if e["kind"] == "threat"} == {"given"}


def test_adding_an_export_asks_for_its_zone_and_marks_unknown_ones(client, token) -> None:
    _create(client, token)
    csrf = token(client, "/case")
    form = client.get("/case").text
    assert 'name="tz" list="zone-names"' in form and "Australia/Sydney" in form
    chat = {"files": ("chat.txt", CHAT.read_bytes(), "text/plain")}
    asked = client.post("/case/files", data={"csrf_token": csrf, "kind": "auto"}, files=chat)
    assert asked.status_code == 400 and "which time zone" in asked.text
    wrong = client.post("/case/files", data={"csrf_token": csrf, "tz": "Mars/Base"}, files=chat)
    assert wrong.status_code == 400 and "Mars/Base" in wrong.text
    added = client.post("/case/files", data={"csrf_token": csrf, "tz": "unknown"}, files=chat)
    assert "(time zone guessed)" in added.text
    text = " ".join(pdf_text(client.post("/case/export", data={"csrf_token": csrf}).content).split())
    assert "zone assumed" in text and "ASSUMED: neither the export nor the person" in text
    # Screenshots and other files need no zone.
    pic = client.post("/case/files", data={"csrf_token": csrf, "kind": "file"},
                      files={"files": ("notes.txt", b"hello", "text/plain")})
    assert pic.status_code == 200


@pytest.mark.parametrize("how", ["case", "check"])
def test_a_screenshot_with_a_money_demand_reaches_who_they_are_timeline_and_pdf(
        client, token, finish_job, how) -> None:
    from support.screens import chat_screenshot

    _create(client, token)
    shot = {"files": ("chat.png", chat_screenshot(), "image/png")}
    if how == "case":
        working = client.post("/case/files", data={"csrf_token": token(client, "/case"),
                                                   "kind": "screenshot"}, files=shot)
        assert working.url.path.startswith("/working/") and "<progress" in working.text
        page = finish_job(client, working).text
        assert "Added to your case" in page
    else:
        report = finish_job(client, client.post(
            "/check/upload", data={"csrf_token": token(client, "/check"), "save_to_case": "1"},
            files=shot))
        assert "/check/report/" in str(report.url)
        page = client.get("/case").text
    who = page.split('id="case-ids-title"')[1].split("</section>")[0]
    assert "$quickcash2291" in who
    timeline = page.split('id="timeline-title"')[1].split("</section>")[0]
    assert "Demand" in timeline and "Threat" in timeline
    assert "ocr box" not in timeline  # box coordinates stay in the package
    text = " ".join(pdf_text(client.post("/case/export",
                                         data={"csrf_token": token(client, "/case")}).content).split())
    assert "Risk: none" not in text and "Risk: critical" in text
    assert "$quickcash2291" in text and "Highest risk in this case: critical" in text


def test_a_password_package_is_aes_zip_and_the_page_says_what_opens_it(client, token) -> None:
    _create(client, token)
    csrf = token(client, "/case")
    assert "7-Zip" in client.get("/case").text
    package = client.post("/case/export", data={"csrf_token": csrf,
                                                "password": "long enough password"}).content
    infos = zipfile.ZipFile(io.BytesIO(package)).infolist()
    # WinZip AES (compression method 99): what 7-Zip, Keka and WinZip read.
    assert infos and all(i.flag_bits & 0x1 and i.compress_type == 99 for i in infos)


def test_a_caseworker_starts_a_second_case_and_switches(client, token) -> None:
    _create(client, token)
    csrf = token(client, "/case")
    client.post("/case/notes", data={"csrf_token": csrf, "text": "Client one note"})
    second = client.post("/case/new", data={"csrf_token": csrf, "title": "Client two"})
    assert "My case: Client two" in second.text and "Your cases (2)" in second.text
    assert "Client one note" not in second.text
    first_id = re.search(r'name="case_id" value="([^"]+)">\s*<button type="submit" class="link">'
                         r"Open Sam", second.text).group(1)
    back = client.post("/case/switch", data={"csrf_token": csrf, "case_id": first_id})
    assert "My case: Sam&#39;s case" in back.text and "Client one note" in back.text
    bad = client.post("/case/switch", data={"csrf_token": csrf, "case_id": "nope"})
    assert bad.status_code == 400 and "not in your locker" in bad.text


def test_deleting_needs_confirmation_and_is_for_good(client, token, tmp_path) -> None:
    _create(client, token)
    csrf = token(client, "/case")
    client.post("/case/new", data={"csrf_token": csrf, "title": "Client two"})
    page = client.get("/case").text
    open_id = re.search(r'action="/case/delete">\s*<input type="hidden" name="csrf_token" '
                        r'value="[^"]+">\s*<input type="hidden" name="case_id" value="([^"]+)"',
                        page).group(1)
    refused = client.post("/case/delete", data={"csrf_token": csrf, "case_id": open_id})
    assert refused.status_code == 400 and "Nothing was deleted" in refused.text
    deleted = client.post("/case/delete", data={"csrf_token": csrf, "case_id": open_id,
                                                "confirm": "yes"})
    assert "deleted for good" in deleted.text and "Your cases (1)" in deleted.text
    assert "Client two" not in deleted.text
    erased = client.post("/case/delete-everything", data={"csrf_token": csrf, "confirm": "yes"})
    assert "Everything was deleted" in erased.text and "Start a case" in erased.text
    assert list((tmp_path / "data").glob("case.unsnare-locker*")) == []
