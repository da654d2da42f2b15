"""The service as an operator runs it: migrations, the CLI, refusing SQLite, health,
metrics, logs without message text, and the checked-in OpenAPI document."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from typer.testing import CliRunner

from support.platform import SEXTORTION, TestClient, batch
from unsnare.cli.main import _register_commands, app
from unsnare.errors import UnsnareError
from unsnare.platform.app import create_app, openapi_document
from unsnare.platform.db import metadata
from unsnare.platform.migrate import head
from unsnare.platform.settings import PlatformSettings

OPENAPI = Path(__file__).resolve().parents[2] / "docs" / "platform-openapi.json"


def _cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    _register_commands()
    result = CliRunner().invoke(app, list(args), env=env or {})
    # `unsnare.cli.main.run` turns our errors into their exit code and explanation.
    if isinstance(result.exception, UnsnareError):
        return result.exception.exit_code, result.output + result.exception.explain()
    return result.exit_code, result.output


def test_the_checked_in_openapi_document_is_current() -> None:
    expected = json.dumps(openapi_document(), indent=2, sort_keys=True) + "\n"
    assert OPENAPI.read_text(encoding="utf-8") == expected, (
        "Run: unsnare platform openapi -o docs/platform-openapi.json"
    )


@pytest.mark.parametrize("url", ["", "sqlite:///x.db", "mysql://x@y/z"])
def test_serve_refuses_anything_but_postgresql(url: str) -> None:
    code, out = _cli("platform", "serve", "--database-url", url,
                     env={"UNSNARE_PLATFORM_DATABASE_URL": ""})
    assert code == 2
    assert "PostgreSQL" in out


@pytest.mark.postgres
def test_migrations_make_exactly_the_tables_the_code_uses(database_url: str) -> None:
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn)
        diff = compare_metadata(context, metadata)
    engine.dispose()
    ours = [d for d in diff if "platform_" in repr(d) and "platform_alembic_version" not in repr(d)]
    assert ours == []


@pytest.mark.postgres
def test_cli_migrates_and_manages_tenants_and_keys(database_url: str) -> None:
    env = {"UNSNARE_PLATFORM_DATABASE_URL": database_url}
    assert _cli("platform", "migrate", env=env) == (0, f"The database is at revision {head()}.\n")
    code, out = _cli("platform", "tenant", "create", "acme", env=env)
    assert code == 0
    code, out = _cli("platform", "key", "create", "--tenant", "acme", "--scope",
                     "analyze,hash:lookup", "--json", env=env)
    assert code == 0, out
    made = json.loads(out)
    assert made["scopes"] == ["analyze", "hash:lookup"] and made["token"].startswith("usk_")
    code, out = _cli("platform", "key", "list", env=env)
    assert made["id"] in out and made["token"] not in out and "active" in out
    assert _cli("platform", "key", "revoke", made["id"], env=env)[0] == 0
    assert "revoked" in _cli("platform", "key", "list", env=env)[1]
    code, out = _cli("platform", "key", "create", "--tenant", "nobody", "--scope", "analyze",
                     env=env)
    assert code != 0 and "no tenant named 'nobody'" in out


@pytest.mark.postgres
def test_health_readiness_and_metrics(client: TestClient,
                                      make_key: Callable[..., dict[str, str]]) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}
    client.post("/v1/conversations/c1/messages", headers=make_key(), json=batch(SEXTORTION))
    text = client.get("/metrics").text
    assert "unsnare_messages_scored_total 7.0" in text
    assert 'unsnare_requests_total{method="POST",route="/v1/conversations/{conversation_id}/' \
           'messages",status="200"} 1.0' in text
    assert "unsnare_webhook_queue_depth" in text
    assert "unsnare_request_seconds_bucket" in text


def test_readyz_says_when_the_database_is_unreachable() -> None:
    settings = PlatformSettings("postgresql+pg8000://nobody@127.0.0.1:1/none")
    with TestClient(create_app(settings, worker=False)) as client:
        r = client.get("/readyz")
    assert r.status_code == 503 and "cannot be reached" in r.json()["error"]
    assert client.get("/healthz").status_code == 200


@pytest.mark.postgres
def test_logs_are_json_without_message_text_or_keys(
    client: TestClient, make_key: Callable[..., dict[str, str]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    headers = make_key()
    with caplog.at_level(logging.INFO, logger="unsnare.platform"):
        client.post("/v1/conversations/c1/messages", headers=headers, json=batch(SEXTORTION))
    lines = [json.loads(r.getMessage()) for r in caplog.records
             if r.name == "unsnare.platform.access"]
    assert lines and lines[-1]["status"] == 200 and lines[-1]["tenant"] == "acme"
    everything = caplog.text
    assert "skatepark" not in everything
    assert headers["Authorization"].split()[1] not in everything


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("post", "/v1/conversations/c1/messages", {"messages": []}, 422),
        ("post", "/v1/conversations/c1/messages", {"messages": [{"id": "a"}]}, 422),
        ("post", "/v1/conversations/c1/messages", [1, 2], 422),
        ("post", "/v1/lookup", {"pdq": ["zz"]}, 400),
        ("post", "/v1/lookup", {}, 400),
        ("post", "/v1/banks", {"name": "Bad Name"}, 400),
        ("get", "/v1/nowhere", None, 404),
        ("post", "/v1/conversations/c1/messages", {"messages": [{"id": "a", "text": "a\u0000b"}]},
         400),
        ("post", "/v1/conversations/c%00/messages", {"messages": [{"id": "a", "text": "x"}]},
         400),
        ("post", "/v1/banks", '{"name": "b", "description": "\\ud800"}', 422),
        ("get", "/v1/conversations/unknown", None, 404),
        ("post", "/v1/conversations/c1/messages",
         {"messages": [{"id": "a", "text": "hi", "sent_at": "2026-01-01T10:00:00"}]}, 400),
    ],
)
def test_errors_have_one_shape(client: TestClient, make_key: Callable[..., dict[str, str]],
                               method: str, path: str, body: object, status: int) -> None:
    headers = make_key()
    if isinstance(body, str):  # raw JSON, such as a lone surrogate escape
        r = client.request(method.upper(), path, content=body,
                           headers={**headers, "Content-Type": "application/json"})
    else:
        r = client.request(method.upper(), path, headers=headers, json=body)
    assert r.status_code == status
    assert set(r.json()) == {"error", "where", "hint"}
