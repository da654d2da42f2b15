"""Keys and tenants: 401 for unknown or revoked keys, 403 without the scope, 429 past
the rate with Retry-After, keys stored hashed, nothing of another tenant ever shown."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from support.platform import OPERATOR, SEXTORTION, TestClient, batch
from unsnare.platform import keys

pytestmark = pytest.mark.postgres
PDQ = "f" * 64


def _shape(body: dict[str, object]) -> None:
    assert set(body) == {"error", "where", "hint"}
    assert body["error"]


@pytest.mark.parametrize(
    "header",
    [None, "Bearer nonsense", "Bearer usk_aaaaaaaaaaaa_" + "A" * 43, "Basic abc"],
)
def test_missing_or_unknown_key_is_401(client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    r = client.get("/v1/banks", headers=headers)
    assert r.status_code == 401
    assert r.headers["WWW-Authenticate"] == "Bearer"
    _shape(r.json())


def test_revoked_key_is_401(client: TestClient, engine: Engine,
                            make_key: Callable[..., dict[str, str]]) -> None:
    headers = make_key()
    assert client.get("/v1/banks", headers=headers).status_code == 200
    with engine.connect() as conn:
        key_id = keys.list_keys(conn, "acme")[0].id
    with engine.begin() as conn:
        keys.revoke_key(conn, key_id, OPERATOR)
    r = client.get("/v1/banks", headers=headers)
    assert r.status_code == 401
    assert "revoked" in r.json()["error"]


@pytest.mark.parametrize(
    ("scopes", "method", "path", "body"),
    [
        ("hash:lookup", "post", "/v1/conversations/c1/messages", batch(SEXTORTION[:1])),
        ("analyze", "post", "/v1/lookup", {"pdq": [PDQ]}),
        ("analyze", "get", "/v1/banks", None),
        ("hash:lookup", "post", "/v1/banks", {"name": "b"}),
        ("hash:lookup", "post", "/v1/banks/b/hashes", {"hashes": [{"value": PDQ}]}),
        ("analyze,hash:write", "get", "/v1/audit", None),
    ],
)
def test_missing_scope_is_403(client: TestClient, make_key: Callable[..., dict[str, str]],
                              scopes: str, method: str, path: str,
                              body: dict[str, object] | None) -> None:
    r = client.request(method.upper(), path, headers=make_key(scopes=scopes), json=body)
    assert r.status_code == 403
    _shape(r.json())


def test_rate_limit_answers_429_with_retry_after(
    client: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key(rate=3)
    codes = [client.get("/v1/banks", headers=headers).status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200], codes
    r = client.get("/v1/banks", headers=headers)
    assert r.status_code == 429, (codes, r.text)
    assert 1 <= int(r.headers["Retry-After"]) <= 60
    _shape(r.json())
    # Another key of the same tenant has its own allowance.
    assert client.get("/v1/banks", headers=make_key(rate=3)).status_code == 200


def test_only_the_hash_of_a_token_is_stored(engine: Engine) -> None:
    with engine.begin() as conn:
        keys.create_tenant(conn, "acme", OPERATOR)
        _, token = keys.create_key(conn, "acme", ["analyze"], OPERATOR)
        dump = " ".join(str(v) for row in conn.execute(sa.text("SELECT * FROM platform_api_keys"))
                        for v in row)
    secret = token.rsplit("_", 1)[1]
    assert secret not in dump and token not in dump


def test_unknown_scope_and_bad_tenant_name_are_refused(engine: Engine) -> None:
    from unsnare.errors import UsageError

    with engine.begin() as conn:
        with pytest.raises(UsageError, match="unknown scope"):
            keys.parse_scopes(["analyse"])
        with pytest.raises(UsageError, match="cannot be used"):
            keys.create_tenant(conn, "Acme Inc", OPERATOR)


def test_no_answer_carries_another_tenants_data(
    client: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    acme, globex = make_key("acme"), make_key("globex")
    assert client.post("/v1/conversations/shared-id/messages", headers=acme,
                       json=batch(SEXTORTION)).status_code == 200
    assert client.post("/v1/banks", headers=acme, json={"name": "known"}).status_code == 201
    assert client.post("/v1/banks/known/hashes", headers=acme,
                       json={"hashes": [{"value": PDQ}]}).json()["added"] == 1
    # The same conversation id at another tenant is another conversation.
    r = client.get("/v1/conversations/shared-id", headers=globex)
    assert r.status_code == 404
    r = client.post("/v1/conversations/shared-id/messages", headers=globex,
                    json=batch([("x", "hello there")]))
    assert r.json()["message_count"] == 1 and r.json()["risk"]["level"] == "none"
    assert client.get("/v1/banks", headers=globex).json() == {"banks": []}
    assert client.post("/v1/lookup", headers=globex, json={"pdq": [PDQ]}).json()["matched"] is False
    assert client.post("/v1/banks/known/hashes", headers=globex,
                       json={"hashes": [{"value": PDQ}]}).status_code == 404
    assert client.post("/v1/lookup", headers=globex,
                       json={"pdq": [PDQ], "banks": ["known"]}).status_code == 404
    seen = client.get("/v1/audit", headers=globex).json()["entries"]
    assert seen and all(e["tenant"] == "globex" for e in seen)
    # And acme still sees its own.
    assert client.post("/v1/lookup", headers=acme, json={"pdq": [PDQ]}).json()["matched"]
    assert client.get("/v1/conversations/shared-id", headers=acme).json()["message_count"] == 7


def test_every_write_is_audited_and_the_log_is_append_only(
    client: TestClient, engine: Engine, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key()
    client.post("/v1/conversations/c1/messages", headers=headers, json=batch(SEXTORTION[:2]))
    client.post("/v1/banks", headers=headers, json={"name": "known"})
    client.post("/v1/banks/known/hashes", headers=headers, json={"hashes": [{"value": PDQ}]})
    client.post("/v1/banks/known/hashes/remove", headers=headers, json={"values": [PDQ]})
    entries = client.get("/v1/audit", headers=headers).json()["entries"]
    actions = [e["action"] for e in reversed(entries)]
    assert actions == ["tenant.create", "key.create", "conversation.messages", "bank.create",
                       "bank.add", "bank.remove"]
    assert entries[0]["key_id"] and entries[0]["actor"].startswith("key:")
    assert entries[-1]["actor"] == "cli:test-operator"
    # No message text in the log.
    assert "skatepark" not in str(entries)
    for statement in ("UPDATE platform_audit_log SET actor = 'x'", "DELETE FROM platform_audit_log",
                      "TRUNCATE platform_audit_log"):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(sa.text(statement))
