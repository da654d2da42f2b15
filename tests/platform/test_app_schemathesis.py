"""Schemathesis against the checked-in OpenAPI document, with an admin key: no answer is
a 500, and every error is in the `{"error","where","hint"}` shape."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import sqlalchemy as sa
from hypothesis import HealthCheck, settings

from support.platform import OPERATOR, TestClient, migrated_database
from unsnare.platform import keys
from unsnare.platform.app import create_app
from unsnare.platform.settings import PlatformSettings

pytestmark = pytest.mark.postgres
OPENAPI = Path(__file__).resolve().parents[2] / "docs" / "platform-openapi.json"
schema = schemathesis.openapi.from_dict(json.loads(OPENAPI.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def api(postgres_url: str) -> Iterator[tuple[TestClient, dict[str, str]]]:  # noqa: F811
    """One migrated database, app and admin key for the whole module."""
    with migrated_database(postgres_url, "platform_st_") as url:
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            keys.create_tenant(conn, "acme", OPERATOR)
            _, token = keys.create_key(conn, "acme", ["admin"], OPERATOR,
                                       rate_per_minute=1_000_000)
        engine.dispose()
        app = create_app(PlatformSettings(url, window=10, pool_size=2), worker=False)
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client, {"Authorization": f"Bearer {token}"}


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_500_and_one_error_shape(case: Any, api: tuple[TestClient, dict[str, str]]) -> None:
    client, headers = api
    kwargs = case.as_transport_kwargs()
    r = client.request(
        kwargs["method"], case.formatted_path, params=kwargs.get("params"),
        headers={**(kwargs.get("headers") or {}), **headers},
        json=kwargs.get("json"), content=kwargs.get("data") if "json" not in kwargs else None,
    )
    assert r.status_code < 500, r.text
    if r.status_code >= 400:
        assert set(r.json()) == {"error", "where", "hint"}, r.text
