"""Fixtures for the platform service: a fresh migrated PostgreSQL database per test,
keys made the way an operator makes them, and a loopback webhook receiver."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy.engine import Engine

from support.platform import OPERATOR, Receiver, TestClient, ensure_tenant, migrated_database
from unsnare.platform import keys
from unsnare.platform.app import create_app
from unsnare.platform.db import make_engine
from unsnare.platform.settings import PlatformSettings


@pytest.fixture
def database_url(postgres_url: str) -> Iterator[str]:
    """A new, migrated database on the shared server, dropped afterwards."""
    with migrated_database(postgres_url) as url:
        yield url


@pytest.fixture
def settings(database_url: str) -> PlatformSettings:
    return PlatformSettings(database_url, window=40, pool_size=4, deliver_in_process=False)


@pytest.fixture
def engine(settings: PlatformSettings) -> Iterator[Engine]:
    made = make_engine(settings)
    yield made
    made.dispose()


@pytest.fixture
def client(settings: PlatformSettings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, worker=False), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def web(settings: PlatformSettings) -> Iterator[TestClient]:
    """A client over HTTPS, as a reviewer's browser is (the session cookie is Secure)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        made = TestClient(create_app(settings, worker=False), base_url="https://testserver",
                          raise_server_exceptions=False)
    with made as c:
        yield c


@pytest.fixture
def make_key(engine: Engine) -> Callable[..., dict[str, str]]:
    """Bearer headers for a new key (the tenant is made on first use)."""

    def make(tenant: str = "acme", scopes: str = "analyze,hash:lookup,hash:write,admin",
             rate: int = 600) -> dict[str, str]:
        with engine.begin() as conn:
            ensure_tenant(conn, tenant)
            _, token = keys.create_key(conn, tenant, [scopes], OPERATOR, rate_per_minute=rate)
        return {"Authorization": f"Bearer {token}"}

    return make


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()
