"""The batch endpoint: messages of many conversations in one request score each
conversation exactly as posting them one conversation at a time does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from support.platform import ORDINARY, SEXTORTION, TestClient, batch

pytestmark = pytest.mark.postgres


def _mixed(prefix: str) -> list[dict[str, Any]]:
    """SEXTORTION and ORDINARY interleaved, as a platform's stream would mix them."""
    out: list[dict[str, Any]] = []
    for i, (sender, text) in enumerate(SEXTORTION):
        out.append({"conversation_id": f"{prefix}-threat", "id": f"m{i}", "sender": sender,
                    "text": text})
        if i < len(ORDINARY):
            s, t = ORDINARY[i]
            out.append({"conversation_id": f"{prefix}-plain", "id": f"m{i}", "sender": s,
                        "text": t})
    return out


def _state(client: TestClient, headers: dict[str, str], cid: str) -> dict[str, Any]:
    state = client.get(f"/v1/conversations/{cid}", headers=headers).json()
    state.pop("conversation_id")
    return state


def test_a_batch_scores_each_conversation_as_single_posts_do(
    client: TestClient, make_key: Callable[..., dict[str, str]], engine: Engine
) -> None:
    headers = make_key()
    r = client.post("/v1/messages", headers=headers, json={"messages": _mixed("b")})
    assert r.status_code == 200, r.text
    answers = r.json()["conversations"]
    assert [a["conversation_id"] for a in answers] == ["b-threat", "b-plain"]
    assert [a["accepted"] for a in answers] == [len(SEXTORTION), len(ORDINARY)]
    assert answers[0]["early_warning_queued"] is True
    client.post("/v1/conversations/s-threat/messages", headers=headers, json=batch(SEXTORTION))
    client.post("/v1/conversations/s-plain/messages", headers=headers, json=batch(ORDINARY))
    assert _state(client, headers, "b-threat") == _state(client, headers, "s-threat")
    assert _state(client, headers, "b-plain") == _state(client, headers, "s-plain")
    # Sent again (a retry): nothing is counted twice, no second event is queued.
    again = client.post("/v1/messages", headers=headers, json={"messages": _mixed("b")}).json()
    assert [(a["accepted"], a["duplicates"]) for a in again["conversations"]] == [
        (0, len(SEXTORTION)), (0, len(ORDINARY))]
    with engine.connect() as conn:
        events = conn.execute(sa.text(
            "SELECT count(*) FROM platform_outbox WHERE conversation = 'b-threat'")).scalar()
        audited = conn.execute(sa.text(
            "SELECT count(*) FROM platform_audit_log WHERE action = 'conversation.messages' "
            "AND target IN ('b-threat', 'b-plain')")).scalar()
    assert events == 1
    assert audited == 2  # one entry per conversation of the first batch


def test_a_bad_message_in_a_batch_is_named_by_its_place(
    client: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key()
    messages = _mixed("e")
    messages[2]["text"] = "bad\x00text"
    r = client.post("/v1/messages", headers=headers, json={"messages": messages})
    assert r.status_code == 400
    assert r.json()["where"] == "field 'messages[2].text'"
    # Nothing of the refused batch was stored.
    assert client.get("/v1/conversations/e-threat", headers=headers).status_code == 404


def test_the_batch_endpoint_needs_the_analyze_scope(
    client: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    r = client.post("/v1/messages", headers=make_key(scopes="hash:lookup"),
                    json={"messages": _mixed("x")})
    assert r.status_code == 403


def test_a_batch_lookup_answers_each_image_in_order(
    client: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key()
    pdq = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"
    client.post("/v1/banks", headers=headers, json={"name": "known"})
    client.post("/v1/banks/known/hashes", headers=headers, json={"hashes": [{"value": pdq}]})
    items = [{"pdq": [pdq]}, {"pdq": ["0" * 64]}, {"pdq": [pdq[:-1] + "3"]}]
    r = client.post("/v1/lookup/batch", headers=headers, json={"items": items})
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["matched"] for x in results] == [True, False, True]
    assert results[2]["matches"][0]["distance"] == 1
    r = client.post("/v1/lookup/batch", headers=headers, json={"items": [items[0], {}]})
    assert r.status_code == 400
    assert r.json()["where"] == "field 'items[1].pdq'"
