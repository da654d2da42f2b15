"""The hash API, mounted on a bare FastAPI app with Unsnare's error mapping."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from fastapi import FastAPI

from support.pictures import encode, make_picture
from unsnare.settings import Settings
from unsnare.web import apitoken, errors
from unsnare.web.api_hashing import router

with warnings.catch_warnings():
    # Starlette warns at import that it prefers `httpx2`; the client works the same.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

PDQ = "a5" * 32


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    app = FastAPI()
    settings = Settings(data_dir=tmp_path / "data")
    app.state.settings = settings
    app.include_router(router)
    errors.install(app)
    token = apitoken.ensure_token(settings)
    return TestClient(app, headers={"Authorization": f"Bearer {token}"})


def upload(data: bytes, name: str = "photo.png") -> dict[str, tuple[str, bytes, str]]:
    return {"file": (name, data, "application/octet-stream")}


def test_hash_an_image_stores_nothing(client: TestClient, tmp_path: Path) -> None:
    data = encode(make_picture(3, (160, 120)), "PNG")
    r = client.post("/api/v1/hashes", files=upload(data), params={"dihedral": "true"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert len(body["pdq"]) == 64 and body["media_type"] == "image/png"
    assert body["dihedral"]["original"] == body["pdq"] and len(body["dihedral"]) == 8
    # Only the API token's hash is in the data folder: the image left nothing.
    assert [p.name for p in (tmp_path / "data").iterdir()] == [apitoken.TOKEN_FILE]


def test_bank_lifecycle_and_live_lookups(client: TestClient) -> None:
    r = client.post("/api/v1/banks", json={"name": "reports", "max_distance": 20})
    assert r.status_code == 201, r.text
    assert client.post("/api/v1/banks", json={"name": "reports"}).status_code == 409
    assert client.post("/api/v1/lookup", json={"pdq": [PDQ]}).json()["matched"] is False
    r = client.post(
        "/api/v1/banks/reports/hashes",
        json={
            "hashes": [{"hash": PDQ, "source": "case 4", "labels": ["ncii"]}, {"hash": "cd" * 16}]
        },
    )
    assert r.json()["added"] == 2
    found = client.post("/api/v1/lookup", json={"pdq": ["a4" + "a5" * 31]}).json()
    assert found["matched"] and found["matches"][0]["distance"] == 1
    assert found["matches"][0]["labels"] == ["ncii"]
    assert client.post("/api/v1/lookup", json={"md5": "CD" * 16}).json()["matched"]
    status = client.get("/api/v1/banks/reports").json()
    assert (status["pdq"], status["md5"], status["max_distance"]) == (1, 1, 20)
    assert client.delete(f"/api/v1/banks/reports/hashes/{PDQ}").json() == {"removed": 1}
    assert not client.post("/api/v1/lookup", json={"pdq": [PDQ]}).json()["matched"]
    assert [b["name"] for b in client.get("/api/v1/banks").json()] == ["reports"]


def test_lookup_image_and_allowlist(client: TestClient) -> None:
    data = encode(make_picture(6, (160, 120)), "JPEG")
    pdq = client.post("/api/v1/hashes", files=upload(data, "x.jpg")).json()["pdq"]
    client.post("/api/v1/banks", json={"name": "reports"})
    client.post("/api/v1/banks/reports/hashes", json={"hashes": [{"hash": pdq}]})
    r = client.post(
        "/api/v1/lookup/image", files=upload(data, "x.jpg"), params={"dihedral": "true"}
    )
    assert r.json()["matched"] and r.json()["hashes"]["pdq"] == pdq
    client.post("/api/v1/banks", json={"name": "known", "kind": "allowlist"})
    client.post("/api/v1/banks/known/hashes", json={"hashes": [{"hash": pdq}]})
    body = client.post("/api/v1/lookup/image", files=upload(data, "x.jpg")).json()
    assert not body["matched"] and body["suppressed"] and body["allowlisted"]


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "status"),
    [
        ("post", "/api/v1/hashes", {"files": {"file": ("a.png", b"nope", "image/png")}}, 422),
        ("post", "/api/v1/lookup", {"json": {}}, 400),
        ("post", "/api/v1/lookup", {"json": {"pdq": ["xyz"]}}, 422),
        ("get", "/api/v1/banks/missing", {}, 404),
        ("post", "/api/v1/banks", {"json": {"name": "Bad Name"}}, 400),
        ("post", "/api/v1/banks/missing/hashes", {"json": {"hashes": [{"hash": PDQ}]}}, 404),
        ("delete", "/api/v1/banks/missing/hashes/zzz", {}, 422),
    ],
)
def test_errors_are_json_with_a_hint(
    client: TestClient, method: str, url: str, kwargs: dict, status: int
) -> None:
    r = getattr(client, method)(url, **kwargs)
    assert r.status_code == status, r.text
    assert "error" in r.json()


def test_openapi_documents_the_routes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/v1/hashes",
        "/api/v1/lookup",
        "/api/v1/lookup/image",
        "/api/v1/banks",
        "/api/v1/banks/{name}",
        "/api/v1/banks/{name}/hashes",
        "/api/v1/banks/{name}/hashes/{value}",
    ):
        assert path in spec["paths"]
    assert "MatchResultOut" in spec["components"]["schemas"]
