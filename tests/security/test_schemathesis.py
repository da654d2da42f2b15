"""Schemathesis over the app's own OpenAPI document (issue 16): no generated request gets a 500.

The app is built with `create_app(settings)` and called in-process (ASGI), so
nothing goes over a network. Every call carries the API token and a browser
session's cookie, and forms carry that session's CSRF token, so the generated
data reaches the route code instead of stopping at the token or CSRF checks.
Answers under /api/ must also fit the schema the document gives for them.
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.python.asgi import shutdown_lifespans
from schemathesis.specs.openapi.checks import response_schema_conformance

from support.web import BASE, api_token
from unsnare.settings import Settings
from unsnare.web.app import create_app
from unsnare.web.sessions import SESSION_COOKIE

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's note at import that it prefers `httpx2`
    from starlette.testclient import TestClient

# Enough to try every operation with valid and invalid data, few enough that the
# whole run stays well under a minute on a shared 2-core machine. Derandomized:
# the same cases every run, so a failure here is never a fluke of the draw.
EXAMPLES_PER_OPERATION = 10
OPENAPI_URL = "/api/v1/openapi.json"
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
# The app answers only to its own names (the DNS-rebinding guard).
HOST = {"Host": "127.0.0.1"}
# Every other form keeps the CSRF token Schemathesis made up, so the token check
# itself is fuzzed too (that is how a non-ASCII token was found to give a 500).
_FORM_CALLS = itertools.count()


@dataclass(frozen=True)
class Running:
    """The app under test and what every generated call sends along."""

    app: Any
    token: str
    session_id: str
    csrf_token: str


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """One app on a temporary data folder, with a browser session already opened on it."""
    settings_ = Settings(data_dir=tmp_path_factory.mktemp("schemathesis") / "data")
    app = create_app(settings_)
    token = api_token(settings_)
    client = TestClient(app, base_url=BASE)  # no lifespan: Schemathesis runs the app's own
    html = client.get("/help").text
    session_id = client.cookies[SESSION_COOKIE]
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on /help"
    yield Running(app, token, session_id, found.group(1))
    shutdown_lifespans()  # Schemathesis started the app's lifespan; end it here, not at exit


def _document() -> dict[str, Any]:
    # The document does not depend on the data folder and create_app does no I/O,
    # so it is read at collection from an app that never starts. (Schemathesis'
    # loader from a fixture does not work with pytest 9: it reads `node._nodeid`.)
    return create_app(Settings(data_dir=Path("/nonexistent/unsnare"))).openapi()


schema = schemathesis.openapi.from_dict(_document())


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_generated_request_gets_a_server_error(case: Any, running: Running) -> None:
    """No request Schemathesis makes gets a 500; API answers fit their documented schema."""
    if case.media_type in FORMS and isinstance(case.body, dict) and next(_FORM_CALLS) % 2:
        case.body = {**case.body, "csrf_token": running.csrf_token}
    checks = [not_a_server_error]
    if case.path.startswith("/api/"):
        checks.append(response_schema_conformance)
    case.call_and_validate(
        app=running.app,
        base_url=BASE,
        headers={**HOST, "Authorization": f"Bearer {running.token}"},
        cookies={SESSION_COOKIE: running.session_id},
        checks=checks,
    )


def test_the_fuzzed_document_is_the_one_the_app_serves(running: Running) -> None:
    """What was fuzzed is what the app publishes, and it holds the API and the pages."""
    served = TestClient(running.app, base_url=BASE).get(OPENAPI_URL).json()
    assert served == schema.raw_schema
    paths = set(served["paths"])
    assert {"/api/v1/lookup", "/api/v1/banks/{name}/hashes/{value}", "/check/upload"} <= paths
    assert "HTTPBearer" in served["components"]["securitySchemes"]


@pytest.mark.parametrize("given", ["\u00b5|U", "\U0010ffff", "caf\u00e9", "\u2028", "\x00"])
@pytest.mark.parametrize("path", ["/check/text", "/case/lock", "/check/upload"])
def test_a_csrf_token_with_any_characters_is_refused_not_a_500(
    running: Running, path: str, given: str
) -> None:
    """Found by Schemathesis: compare_digest raised TypeError on a non-ASCII token."""
    client = TestClient(running.app, base_url=BASE, raise_server_exceptions=False)
    client.cookies.set(SESSION_COOKIE, running.session_id)
    if path == "/check/upload":
        response = client.post(path, data={"csrf_token": given},
                               files={"files": ("chat.txt", b"hello", "text/plain")})
    else:
        response = client.post(path, data={"csrf_token": given, "text": "hello"})
    assert response.status_code == 403
    assert "did not come from this page" in response.text


def test_a_csrf_token_that_is_not_utf8_is_refused_not_a_500(running: Running) -> None:
    """The same check with bytes that are not UTF-8 at all."""
    client = TestClient(running.app, base_url=BASE, raise_server_exceptions=False)
    client.cookies.set(SESSION_COOKIE, running.session_id)
    response = client.post("/check/text", content=b"text=hi&csrf_token=%C3%28%FF",
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 403
