"""Hash banks shared by several service processes on one database: what one adds or
removes, every other sees at its next lookup."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from support.platform import TestClient
from unsnare.platform.app import create_app
from unsnare.platform.settings import PlatformSettings

pytestmark = pytest.mark.postgres
PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"
NEAR = PDQ[:-1] + "3"  # one bit away
OTHER = "0" * 64


@pytest.fixture
def second(settings: PlatformSettings) -> Iterator[TestClient]:
    """Another service process (its own indexes) on the same database."""
    with TestClient(create_app(settings, worker=False), raise_server_exceptions=False) as c:
        yield c


def test_adds_and_removals_are_seen_by_every_process(
    client: TestClient, second: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key()
    assert client.post("/v1/banks", headers=headers, json={"name": "known"}).status_code == 201
    # The second process builds its index now, before the add.
    assert second.post("/v1/lookup", headers=headers, json={"pdq": [NEAR]}).json()["matched"] \
        is False
    added = client.post("/v1/banks/known/hashes", headers=headers,
                        json={"hashes": [{"value": PDQ, "labels": ["case-7"]}]}).json()
    assert added["added"] == 1
    found = second.post("/v1/lookup", headers=headers, json={"pdq": [NEAR]}).json()
    assert found["matched"] is True
    [match] = found["matches"]
    assert match["bank"] == "known" and match["distance"] == 1 and match["labels"] == ["case-7"]
    # Removed through the second process: the first (which indexed it) stops matching.
    assert client.post("/v1/lookup", headers=headers, json={"pdq": [PDQ]}).json()["matched"]
    assert second.post("/v1/banks/known/hashes/remove", headers=headers,
                       json={"values": [PDQ]}).json() == {"removed": 1}
    assert client.post("/v1/lookup", headers=headers, json={"pdq": [PDQ]}).json()["matched"] \
        is False


def test_banks_made_elsewhere_are_listed_and_allowlists_suppress(
    client: TestClient, second: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key()
    client.post("/v1/banks", headers=headers, json={"name": "known"})
    client.post("/v1/banks/known/hashes", headers=headers,
                json={"hashes": [{"value": PDQ}, {"value": OTHER}]})
    second.post("/v1/lookup", headers=headers, json={"pdq": [PDQ]})
    client.post("/v1/banks", headers=headers, json={"name": "cleared", "kind": "allowlist"})
    client.post("/v1/banks/cleared/hashes", headers=headers, json={"hashes": [{"value": PDQ}]})
    listed = second.get("/v1/banks", headers=headers).json()["banks"]
    assert [(b["name"], b["kind"], b["pdq"]) for b in listed] == [
        ("cleared", "allowlist", 1), ("known", "blocklist", 2)]
    result = second.post("/v1/lookup", headers=headers, json={"pdq": [PDQ]}).json()
    assert result["matched"] is False
    assert [m["bank"] for m in result["suppressed"]] == ["known"]
    assert [m["bank"] for m in result["allowlisted"]] == ["cleared"]


def test_md5_and_bad_hashes(client: TestClient, make_key: Callable[..., dict[str, str]]) -> None:
    headers = make_key()
    client.post("/v1/banks", headers=headers, json={"name": "known"})
    md5 = "d41d8cd98f00b204e9800998ecf8427e"
    assert client.post("/v1/banks/known/hashes", headers=headers,
                       json={"hashes": [{"value": md5}]}).json()["added"] == 1
    assert client.post("/v1/lookup", headers=headers, json={"md5": md5}).json()["matched"]
    r = client.post("/v1/banks/known/hashes", headers=headers,
                    json={"hashes": [{"value": "not-a-hash"}]})
    assert r.status_code == 400 and r.json()["where"] == "field 'hashes[0].value'"
    assert client.post("/v1/banks", headers=headers, json={"name": "known"}).status_code == 409


def test_an_hma_client_can_use_the_hma_routes(
    client: TestClient, second: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key()
    r = client.post("/hma/c/banks", headers=headers, json={"name": "SEXTORTION_KNOWN"})
    assert r.status_code == 201
    assert r.json() == {"name": "SEXTORTION_KNOWN", "matching_enabled_ratio": 1.0}
    assert second.get("/hma/c/banks", headers=headers).json() == [
        {"name": "SEXTORTION_KNOWN", "matching_enabled_ratio": 1.0}]
    added = client.post("/hma/c/bank/SEXTORTION_KNOWN/signal", headers=headers,
                        json={"pdq": PDQ}).json()
    assert added["signals"] == {"pdq": PDQ} and isinstance(added["id"], int)
    query = {"signal": NEAR, "signal_type": "pdq"}
    assert second.get("/hma/m/lookup", headers=headers, params=query).json() == [
        "SEXTORTION_KNOWN"]
    assert second.get("/hma/m/raw_lookup", headers=headers, params=query).json() == {
        "matches": [added["id"]]}
    assert second.get("/hma/m/raw_lookup", headers=headers,
                      params={**query, "include_distance": "true"}).json() == {
        "matches": [{"content_id": added["id"], "distance": "1"}]}
    assert second.delete(f"/hma/c/bank/SEXTORTION_KNOWN/content/{added['id']}",
                         headers=headers).json() == {"deleted": 1}
    assert client.get("/hma/m/lookup", headers=headers, params=query).json() == []
    bad = client.get("/hma/m/lookup", headers=headers, params={"signal": PDQ,
                                                               "signal_type": "tmk"})
    assert bad.status_code == 400 and set(bad.json()) == {"error", "where", "hint"}
    # The HMA routes answer for the key's tenant only, like the others.
    other = make_key("globex")
    assert client.get("/hma/c/banks", headers=other).json() == []
    assert client.get("/hma/m/lookup", headers=other, params=query).json() == []
