"""Streaming conversation scoring: state in PostgreSQL, idempotent messages, new
findings, and one signed early warning per conversation delivered to the webhook."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from support.platform import OPERATOR, ORDINARY, SEXTORTION, Receiver, TestClient, batch
from unsnare.platform import keys, webhooks
from unsnare.platform.app import create_app
from unsnare.platform.settings import PlatformSettings

pytestmark = pytest.mark.postgres


def hooked(
    make_key: Callable[..., dict[str, str]], engine: Engine, receiver: Receiver,
    threshold: str | None = None,
) -> tuple[dict[str, str], str | None]:
    """A key's headers for a tenant whose webhook points at `receiver`, and its secret."""
    headers = make_key()
    with engine.begin() as conn:
        secret = keys.set_webhook(conn, "acme", receiver.url, OPERATOR, threshold=threshold)
    return headers, secret


def test_messages_stream_in_and_the_state_builds_up(
    client: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key()
    first = client.post("/v1/conversations/c1/messages", headers=headers,
                        json=batch(SEXTORTION[:3])).json()
    assert first["message_count"] == 3 and first["accepted"] == 3
    second = client.post("/v1/conversations/c1/messages", headers=headers,
                         json=batch(SEXTORTION[3:], start=3)).json()
    assert second["message_count"] == 7
    assert second["risk"]["level"] in ("high", "critical")
    assert second["stage"] in ("threat", "demand", "escalation")
    tactics = {f["tactic"] for f in second["new_findings"]}
    assert {"threat_to_expose", "payment_demand"} <= tactics
    # New findings are only those of this batch's messages (or newly seen ones).
    assert all(f["message_id"] in {f"m{i}" for i in range(7)} for f in second["new_findings"])
    state = client.get("/v1/conversations/c1", headers=headers).json()
    assert state["message_count"] == 7
    assert {f["tactic"] for f in state["findings"]} >= tactics


def test_a_retried_message_is_not_counted_twice(
    client: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key()
    body = batch(SEXTORTION[:4])
    once = client.post("/v1/conversations/c1/messages", headers=headers, json=body).json()
    again = client.post("/v1/conversations/c1/messages", headers=headers, json=body).json()
    assert again["message_count"] == once["message_count"] == 4
    assert again["accepted"] == 0 and again["duplicates"] == 4
    assert again["new_findings"] == []
    # A batch mixing old and new ids only takes the new ones, and a repeat inside one batch
    # counts once.
    mixed = {"messages": body["messages"][2:] + batch(SEXTORTION[4:5], start=4)["messages"] * 2}
    r = client.post("/v1/conversations/c1/messages", headers=headers, json=mixed).json()
    assert r["message_count"] == 5 and r["accepted"] == 1 and r["duplicates"] == 3


def test_concurrent_batches_of_one_conversation_lose_nothing(
    client: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key()

    def post(i: int) -> int:
        body = {"messages": [{"id": f"p{i}", "sender": "ana", "text": f"message number {i}"}]}
        return client.post("/v1/conversations/busy/messages", headers=headers,
                           json=body).status_code

    with ThreadPoolExecutor(4) as pool:
        assert set(pool.map(post, range(12))) == {200}
    assert client.get("/v1/conversations/busy", headers=headers).json()["message_count"] == 12


def test_an_ordinary_chat_raises_no_warning(
    client: TestClient, make_key: Callable[..., dict[str, str]], engine: Engine
) -> None:
    r = client.post("/v1/conversations/calm/messages", headers=make_key(),
                    json=batch(ORDINARY)).json()
    assert r["risk"]["level"] in ("none", "low") and r["alerted"] is None
    assert r["early_warning_queued"] is False
    assert webhooks.pending(engine) == 0


def test_crossing_the_threshold_queues_one_event_delivered_signed(
    client: TestClient, make_key: Callable[..., dict[str, str]], engine: Engine,
    receiver: Receiver,
) -> None:
    headers, secret = hooked(make_key, engine, receiver, threshold="medium")
    assert secret
    for i, line in enumerate(SEXTORTION):  # one message at a time, as they arrive
        r = client.post("/v1/conversations/c1/messages", headers=headers,
                        json=batch([line], start=i)).json()
        if r["early_warning_queued"]:
            crossed_at = i
    assert r["alerted"] == "medium"
    # The same conversation crossing higher levels later, or a retried batch, adds nothing.
    client.post("/v1/conversations/c1/messages", headers=headers, json=batch(SEXTORTION))
    assert webhooks.pending(engine) == 1
    assert webhooks.deliver_due(engine) == 1
    assert webhooks.deliver_due(engine) == 0
    [(sent, body)] = receiver.received
    assert webhooks.verify(secret, sent["Unsnare-Signature"], body)
    assert not webhooks.verify("another-secret", sent["Unsnare-Signature"], body)
    event = json.loads(body)
    assert event["conversation_id"] == "c1" and event["type"] == "early_warning"
    assert event["message_count"] == crossed_at + 1
    assert sent["Unsnare-Event-Id"].startswith("evt_")
    assert "skatepark" not in body.decode() and "gift cards" not in body.decode()


def test_a_failed_delivery_is_retried_with_backoff(
    client: TestClient, make_key: Callable[..., dict[str, str]], engine: Engine,
    receiver: Receiver,
) -> None:
    headers, _ = hooked(make_key, engine, receiver)
    client.post("/v1/conversations/c1/messages", headers=headers, json=batch(SEXTORTION))
    receiver.fail_next = 1
    assert webhooks.deliver_due(engine) == 0
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT attempts, last_error, next_attempt - now() AS wait "
                                   "FROM platform_outbox")).one()
    assert row.attempts == 1 and row.last_error == "HTTP 503"
    assert 0 < row.wait.total_seconds() <= 2
    assert webhooks.deliver_due(engine) == 0  # not due yet
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE platform_outbox SET next_attempt = now()"))
    assert webhooks.deliver_due(engine) == 1
    assert len(receiver.received) == 1
    assert [webhooks.backoff(n) for n in (1, 2, 3, 20)] == [2.0, 4.0, 8.0, 3600.0]


def test_two_workers_never_send_one_event_twice(
    client: TestClient, make_key: Callable[..., dict[str, str]], engine: Engine,
    receiver: Receiver,
) -> None:
    headers, _ = hooked(make_key, engine, receiver)
    for n in range(6):
        client.post(f"/v1/conversations/c{n}/messages", headers=headers, json=batch(SEXTORTION))

    def slow_post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
        time.sleep(0.05)
        return webhooks.post(url, body, headers, timeout)

    with ThreadPoolExecutor(3) as pool:
        done = list(pool.map(lambda _: webhooks.deliver_due(engine, send=slow_post), range(3)))
    assert sum(done) == 6
    ids = sorted(json.loads(b)["conversation_id"] for _, b in receiver.received)
    assert ids == [f"c{n}" for n in range(6)]


def test_serve_delivers_events_from_inside_the_process(
    settings: PlatformSettings, make_key: Callable[..., dict[str, str]], engine: Engine,
    receiver: Receiver,
) -> None:
    headers, _ = hooked(make_key, engine, receiver)
    fast = dataclasses.replace(settings, worker_interval=0.05)
    with TestClient(create_app(fast, worker=True)) as client:
        client.post("/v1/conversations/c1/messages", headers=headers, json=batch(SEXTORTION))
        deadline = time.monotonic() + 20
        while not receiver.received and time.monotonic() < deadline:
            time.sleep(0.05)
    assert [e["conversation_id"] for e in receiver.events()] == ["c1"]
