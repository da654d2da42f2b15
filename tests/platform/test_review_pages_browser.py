"""The reviewers' pages in real Chromium: log in with password and TOTP code, open the
queue and an item, reveal the wording, decide; no serious axe-core violations."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from sqlalchemy.engine import Engine

from support.browser import axe_violations, free_port
from support.platform import SEXTORTION, TestClient, batch
from support.review import PASSWORD, make_reviewer
from unsnare.platform import totp
from unsnare.platform.app import create_app
from unsnare.platform.settings import PlatformSettings

pytestmark = [pytest.mark.postgres, pytest.mark.browser]


@pytest.fixture
def live(settings: PlatformSettings) -> Iterator[str]:
    """The service on a free loopback port (Chromium treats 127.0.0.1 as a secure origin,
    so the `__Host-` Secure cookie works without TLS here)."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, worker=False),
                                           host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the service did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_a_reviewer_logs_in_reveals_and_confirms_in_chromium(
    browser: Any, live: str, client: TestClient, make_key: Any, engine: Engine,  # noqa: F811
) -> None:
    key = make_key("acme", "analyze,review")
    client.post("/v1/conversations/c1/messages", json=batch(SEXTORTION), headers=key)
    secret = make_reviewer(engine, "acme", "rosa")
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(f"{live}/review")
        assert page.url.endswith("/review/login")
        assert axe_violations(page) == []
        page.fill("#username", "rosa")
        page.fill("#password", PASSWORD)
        page.fill("#code", totp.code_at(secret, time.time()))
        page.click("button[type=submit]")
        page.wait_for_url(f"{live}/review")
        assert "Waiting for review" in page.content()
        assert axe_violations(page) == []
        page.click("a[href^='/review/items/']")
        assert "Explicit wording hidden" in page.content()
        assert axe_violations(page) == []
        page.click("text=Show the explicit wording")
        assert "without your shirt" in page.content()
        page.check("input[value=confirm]")
        page.click("text=Record the decision")
        page.wait_for_url(f"{live}/review")
        assert "Nothing is waiting." in page.content()
    finally:
        context.close()
    assert [i["status"] for i in client.get("/v1/review/items", params={
        "status": "confirmed"}, headers=key).json()["items"]] == ["confirmed"]
