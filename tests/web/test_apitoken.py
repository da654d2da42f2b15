"""The local API's token, the Host check on every bind, and oversized requests refused."""

from __future__ import annotations

import stat

import pytest

from support.web import BASE, TestClient, api_token, make_client
from unsnare.cli.web import _show_api_token
from unsnare.settings import Settings
from unsnare.web import apitoken

PDQ = "a5" * 32
CALLS = [
    ("get", "/api/v1/banks", None),
    ("post", "/api/v1/banks", {"name": "reports"}),
    ("post", "/api/v1/lookup", {"pdq": [PDQ]}),
    ("post", "/api/v1/analyze", {"text": "send money or else"}),
    ("delete", f"/api/v1/banks/reports/hashes/{PDQ}", None),
]


def _bare(client: TestClient, headers: dict[str, str] | None = None) -> TestClient:
    """A client on the same app that sends only `headers` (no token by default)."""
    return TestClient(client.app, base_url=BASE, raise_server_exceptions=False,
                      headers=headers or {})


@pytest.mark.parametrize(("method", "path", "body"), CALLS)
@pytest.mark.parametrize("auth", [None, "Bearer wrong-token", "Basic dXNlcjpwYXNz", "Bearer "])
def test_every_api_call_needs_the_token(client, method, path, body, auth) -> None:
    other = _bare(client, {"Authorization": auth} if auth else None)
    response = other.request(method, path, json=body)
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["hint"]


def test_a_blocked_hash_cannot_be_removed_without_the_token(client) -> None:
    client.post("/api/v1/banks", json={"name": "reports"})
    client.post("/api/v1/banks/reports/hashes", json={"hashes": [{"hash": PDQ}]})
    assert _bare(client).delete(f"/api/v1/banks/reports/hashes/{PDQ}").status_code == 401
    assert client.post("/api/v1/lookup", json={"pdq": [PDQ]}).json()["matched"]


def test_the_right_token_works_and_pages_need_none(client) -> None:
    assert client.get("/api/v1/banks").status_code == 200
    assert _bare(client).get("/").status_code == 200
    # The OpenAPI document is public (it holds no data) and names the scheme.
    schema = _bare(client).get("/api/v1/openapi.json").json()
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert schema["paths"]["/api/v1/lookup"]["post"]["security"] == [{"HTTPBearer": []}]


def test_token_is_made_once_and_only_its_hash_is_kept(tmp_path, capsys) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    _show_api_token(settings, new=False)
    first = capsys.readouterr().out
    token = first.split("keep it safe): ")[1].split()[0]
    path = apitoken.token_path(settings)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert token not in path.read_text()
    assert apitoken.token_matches(settings, token)
    assert not apitoken.token_matches(settings, token[:-1])
    _show_api_token(settings, new=False)
    assert token not in capsys.readouterr().out  # shown only the first time
    _show_api_token(settings, new=True)
    replaced = capsys.readouterr().out.split("keep it safe): ")[1].split()[0]
    assert apitoken.token_matches(settings, replaced)
    assert not apitoken.token_matches(settings, token)


def test_a_new_token_locks_out_the_old_one(tmp_path) -> None:
    with make_client(tmp_path) as client:
        old = api_token(client.app.state.settings)
        new = apitoken.new_token(client.app.state.settings)
        assert _bare(client, {"Authorization": f"Bearer {old}"}).get(
            "/api/v1/banks").status_code == 401
        assert _bare(client, {"Authorization": f"Bearer {new}"}).get(
            "/api/v1/banks").status_code == 200


@pytest.mark.parametrize("bind", ["0.0.0.0", "192.168.1.20", "127.0.0.1"])
def test_host_check_stays_on_for_every_bind(tmp_path, bind) -> None:
    with make_client(tmp_path, host=bind) as client:
        for name in ("rebind.evil.example", "evil.example:8765", "unsnare.local"):
            response = client.get("/api/v1/banks", headers={"host": name})
            assert response.status_code == 421, name
        for name in ("127.0.0.1:8765", "localhost", "[::1]:8765"):
            assert client.get("/api/v1/banks", headers={"host": name}).status_code == 200
        lan = client.get("/api/v1/banks", headers={"host": "192.168.1.20:8765"})
        assert lan.status_code == (421 if bind == "127.0.0.1" else 200)
        other_ip = client.get("/", headers={"host": "10.0.0.7"})
        # Bound everywhere, other devices come by IP address (never by a name).
        assert other_ip.status_code == (200 if bind == "0.0.0.0" else 421)


def test_ten_thousand_banks_are_refused(client) -> None:
    names = [f"bank{i}" for i in range(10_000)]
    response = client.post("/api/v1/lookup", json={"pdq": [PDQ], "banks": names})
    assert response.status_code == 422
    assert "banks" in response.json()["where"]
    query = "&".join(f"banks=b{i}" for i in range(1_000))  # a URL holds no more
    response = client.post(f"/api/v1/lookup/image?{query}", files={"file": ("x.png", b"x")})
    assert response.status_code == 422


@pytest.mark.parametrize(
    "body",
    [{"hashes": [{"hash": PDQ, "labels": ["x"] * 1000}]},
     {"hashes": [{"hash": "a" * 100_000}]},
     {"name": "n" * 10_000}],
)
def test_oversized_fields_are_refused(client, body) -> None:
    path = "/api/v1/banks" if "name" in body else "/api/v1/banks/reports/hashes"
    assert client.post(path, json=body).status_code == 422


def test_a_json_body_over_the_api_limit_is_refused(client_factory) -> None:
    with client_factory(max_json_bytes=4096) as client:
        body = {"text": "x" * 10_000}
        response = client.post("/api/v1/analyze", json=body)
        assert response.status_code == 413
        assert "too big" in response.json()["error"]
