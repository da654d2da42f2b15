"""Fixtures for the web app: an app on a temporary data dir, a test client, and one
headless Chromium per module for the browser-marked tests."""

from __future__ import annotations

import importlib.util
import os
import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from support.browser import CHROMIUM, CHROMIUM_ARGS
from support.components import require
from unsnare.settings import Settings
from unsnare.web import apitoken
from unsnare.web.app import create_app

with warnings.catch_warnings():
    # Starlette warns at import that it prefers `httpx2`; the client works the same.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

BASE = "http://127.0.0.1"


# The API token of each data folder, made once like `unsnare serve` does.
_API_TOKENS: dict[Path, str] = {}


def api_token(settings: Settings) -> str:
    """The API token for these settings' data folder (made on first use)."""
    made = apitoken.ensure_token(settings)
    if made is not None:
        _API_TOKENS[settings.data_dir] = made
    return _API_TOKENS.get(settings.data_dir) or _API_TOKENS.setdefault(
        settings.data_dir, apitoken.new_token(settings)
    )


def make_client(tmp_path: Path, **overrides: object) -> TestClient:
    """A client for an app whose data lives in `tmp_path`; it sends the API token."""
    settings = Settings(data_dir=tmp_path / "data", **overrides)  # type: ignore[arg-type]
    headers = {"Authorization": f"Bearer {api_token(settings)}"}
    return TestClient(create_app(settings), base_url=BASE, raise_server_exceptions=False,
                      headers=headers)


@pytest.fixture
def client_factory(tmp_path: Path) -> Callable[..., TestClient]:
    """Make more clients (other settings, or a second browser) on the same temp dir."""
    return lambda **overrides: make_client(tmp_path, **overrides)


@pytest.fixture
def token() -> Callable[[TestClient, str], str]:
    """The CSRF token helper, as a fixture."""
    return csrf


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """A fresh app and client per test."""
    with make_client(tmp_path) as c:
        yield c


def csrf(client: TestClient, path: str = "/help") -> str:
    """The CSRF token from a page's forms (also sets the session cookie)."""
    html = client.get(path).text
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


@pytest.fixture
def finish_job() -> Callable[..., object]:
    """The helper below, as a fixture."""
    return follow_job


def follow_job(client: TestClient, response):  # type: ignore[no-untyped-def]
    """Follow a /working/<id> progress page until the job is done; the final response."""
    import time

    deadline = time.monotonic() + 120
    # The progress page reloads itself until the job ends in a redirect or an error page.
    while response.url.path.startswith("/working/") and 'http-equiv="refresh"' in response.text:
        assert time.monotonic() < deadline, "the background job did not finish"
        time.sleep(0.2)
        response = client.get(response.url.path)
    return response


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per test module (only the browser-marked tests ask for it)."""
    require(os.path.exists(CHROMIUM), "Chromium (/usr/bin/chromium)")
    require(importlib.util.find_spec("playwright") is not None, "the playwright package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


# The passphrase of the case the web tests make.
PASS = "blue kettle morning"


def create_case(client, token, passphrase: str = PASS, again: str | None = None):  # type: ignore[no-untyped-def]
    """Start "My case" through the form, as a person would."""
    return client.post("/case/create", data={
        "csrf_token": token(client, "/case"), "passphrase": passphrase,
        "passphrase_again": passphrase if again is None else again, "title": "Sam's case",
    })
