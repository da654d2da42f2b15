"""The review queue: items from early warnings and hash matches, their order, what a
reviewer sees, decisions and roles, the allowlist, tenant isolation and the audit log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from support.platform import SEXTORTION, TestClient, batch
from support.review import csrf_of, log_in, make_reviewer

pytestmark = pytest.mark.postgres
Headers = dict[str, str]
BLOCKED = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
NEAR = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f3"  # 2 bits off
CRISIS_LINE = ("sam", "i can't take this anymore, i want to kill myself")


@pytest.fixture
def acme(make_key: Callable[..., Headers]) -> Headers:
    return make_key("acme", "analyze,hash:lookup,hash:write,review,report")


def _flag(client: TestClient, key: Headers, conversation: str,
          lines: list[tuple[str, str]] = SEXTORTION) -> None:
    answer = client.post(f"/v1/conversations/{conversation}/messages",
                         json=batch(lines, prefix=conversation), headers=key)
    assert answer.status_code == 200, answer.text
    assert answer.json()["early_warning_queued"]


def _blocklist(client: TestClient, key: Headers) -> None:
    assert client.post("/v1/banks", json={"name": "known"}, headers=key).status_code == 201
    assert client.post("/v1/banks/known/hashes", json={"hashes": [{"value": BLOCKED}]},
                       headers=key).status_code == 200


def _queue(client: TestClient, key: Headers, **params: Any) -> list[dict[str, Any]]:
    answer = client.get("/v1/review/items", params=params, headers=key)
    assert answer.status_code == 200, answer.text
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


def _audit(engine: Engine, tenant: str) -> list[tuple[str, str, str]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(
            "SELECT actor, action, target FROM platform_audit_log WHERE tenant = :t "
            "ORDER BY id"), {"t": tenant})]


def test_the_queue_puts_crisis_then_minors_then_risk_then_age_first(
    client: TestClient, acme: Headers
) -> None:
    _flag(client, acme, "plain")
    _flag(client, acme, "crisis", [*SEXTORTION, CRISIS_LINE])
    _flag(client, acme, "young")
    assert client.post("/v1/review/conversations/young", json={"minor": True},
                       headers=acme).status_code == 200
    _blocklist(client, acme)
    found = client.post("/v1/review/hash-matches", json={"pdq": [NEAR]}, headers=acme).json()
    assert found["matched"] and found["review_item"] is not None
    order = [(i["kind"], i["conversation_id"], i["crisis"], i["minor"])
             for i in _queue(client, acme)]
    assert order[:2] == [("conversation", "crisis", True, False),
                         ("conversation", "young", False, True)]
    # Then by risk score: a blocklist match (score ~1) before an ordinary flagged chat.
    assert [o[:2] for o in order[2:]] == [("hash_match", None), ("conversation", "plain")]
    # Asking again makes no second item for the same early warning.
    assert len(_queue(client, acme)) == 4


def test_an_item_shows_what_matters_with_explicit_wording_hidden_until_asked(
    client: TestClient, acme: Headers, engine: Engine
) -> None:
    _flag(client, acme, "c1", [("kai", "what's up"), ("sam", "nm"), ("kai", "cool"),
                               *SEXTORTION])
    item_id = _queue(client, acme)[0]["id"]
    item = client.get(f"/v1/review/items/{item_id}", headers=acme).json()
    shown = {m["id"] for m in item["messages"]}
    assert item["findings"] and shown < {f"c1{i}" for i in range(10)}
    assert "c10" not in shown  # the small talk no finding points at is left out
    hidden = [m for m in item["messages"] if m["hidden"]]
    assert hidden and all(m["text"] is None and m["explicit"] for m in hidden)
    assert item["explicit_hidden"] == len(hidden)
    assert not any(a == "review.reveal" for _, a, _ in _audit(engine, "acme"))
    revealed = client.get(f"/v1/review/items/{item_id}", params={"reveal": "true"},
                          headers=acme).json()
    assert all(m["text"] for m in revealed["messages"]) and revealed["revealed"]
    assert ("review.reveal", f"review:{item_id}") in [(a, t) for _, a, t in
                                                      _audit(engine, "acme")]


def test_a_hash_item_names_hash_distance_and_bank_never_an_image(
    client: TestClient, acme: Headers
) -> None:
    _blocklist(client, acme)
    item_id = client.post("/v1/review/hash-matches", json={"pdq": [NEAR]},
                          headers=acme).json()["review_item"]
    item = client.get(f"/v1/review/items/{item_id}", headers=acme).json()
    (match,) = item["hashes"]["matches"]
    assert (match["bank"], match["value"], match["distance"]) == ("known", BLOCKED, 2)
    assert item["hashes"]["queried"] == {"pdq": [NEAR], "md5": []}
    assert item["messages"] == [] and "image" not in item


def test_dismissing_with_the_allowlist_stops_later_lookups_reporting_the_hash(
    client: TestClient, acme: Headers, engine: Engine
) -> None:
    _blocklist(client, acme)
    item_id = client.post("/v1/review/hash-matches", json={"pdq": [NEAR]},
                          headers=acme).json()["review_item"]
    decided = client.post(f"/v1/review/items/{item_id}/decision",
                          json={"decision": "dismiss", "allowlist": True,
                                "note": "a meme, not abuse", "reviewer": "jo@acme"},
                          headers=acme)
    assert decided.status_code == 200, decided.text
    assert decided.json() == {"id": item_id, "status": "dismissed", "allowlisted": 1,
                              "decided_by": decided.json()["decided_by"]}
    lookup = client.post("/v1/lookup", json={"pdq": [NEAR]}, headers=acme).json()
    assert lookup["matched"] is False and lookup["allowlisted"]
    again = client.post("/v1/review/hash-matches", json={"pdq": [NEAR]}, headers=acme).json()
    assert again["review_item"] is None
    banks = {b["name"]: b for b in client.get("/v1/banks", headers=acme).json()["banks"]}
    assert banks["review-allowlist"]["kind"] == "allowlist"
    actions = [a for _, a, _ in _audit(engine, "acme")]
    assert actions.count("review.dismiss") == 1 and "bank.add" in actions
    with engine.connect() as conn:
        detail = conn.execute(sa.text("SELECT detail FROM platform_audit_log WHERE action = "
                                      "'review.dismiss'")).scalar_one()
    assert '"reviewer": "jo@acme"' in detail and '"allowlisted": 1' in detail


def test_the_allowlist_is_only_for_dismissed_hash_matches(
    client: TestClient, acme: Headers
) -> None:
    _flag(client, acme, "c1")
    item_id = _queue(client, acme)[0]["id"]
    answer = client.post(f"/v1/review/items/{item_id}/decision",
                         json={"decision": "dismiss", "allowlist": True}, headers=acme)
    assert answer.status_code == 400 and answer.json()["where"] == "field 'allowlist'"


def test_only_leads_escalate_and_decide_escalated_items(
    client: TestClient, acme: Headers, make_key: Callable[..., Headers]
) -> None:
    lead = make_key("acme", "review,admin")
    _flag(client, acme, "c1")
    item_id = _queue(client, acme)[0]["id"]
    url = f"/v1/review/items/{item_id}/decision"
    refused = client.post(url, json={"decision": "escalate"}, headers=acme)
    assert refused.status_code == 403
    assert client.post(url, json={"decision": "escalate"}, headers=lead).status_code == 200
    assert client.post(url, json={"decision": "confirm"}, headers=acme).status_code == 403
    assert client.post(url, json={"decision": "confirm"}, headers=lead).status_code == 200
    assert client.post(url, json={"decision": "dismiss"}, headers=lead).status_code == 409
    assert _queue(client, acme) == []
    assert [i["status"] for i in _queue(client, acme, status="confirmed")] == ["confirmed"]


def test_a_key_without_the_review_scope_is_refused(
    client: TestClient, make_key: Callable[..., Headers]
) -> None:
    only = make_key("acme", "analyze")
    assert client.get("/v1/review/items", headers=only).status_code == 403


def test_two_tenants_never_see_each_others_items(
    client: TestClient, web: TestClient, acme: Headers, make_key: Callable[..., Headers],
    engine: Engine,
) -> None:
    other = make_key("globex", "analyze,hash:lookup,hash:write,review,report,admin")
    _flag(client, acme, "acme-chat")
    _flag(client, other, "globex-chat")
    mine = _queue(client, acme)
    theirs = _queue(client, other)
    assert [i["conversation_id"] for i in mine] == ["acme-chat"]
    assert [i["conversation_id"] for i in theirs] == ["globex-chat"]
    foreign = theirs[0]["id"]
    assert client.get(f"/v1/review/items/{foreign}", headers=acme).status_code == 404
    assert client.post(f"/v1/review/items/{foreign}/decision", json={"decision": "confirm"},
                       headers=acme).status_code == 404
    # A reviewer of acme in the browser: the queue and the item pages alike.
    secret = make_reviewer(engine, "acme", "rosa")
    assert log_in(web, "rosa", secret) == 303
    page = web.get("/review")
    assert "acme-chat" in page.text and "globex-chat" not in page.text
    assert web.get(f"/review/items/{foreign}").status_code == 404
    answer = web.post(f"/review/items/{foreign}/decision",
                      data={"decision": "confirm", "csrf_token": csrf_of(page.text)})
    assert answer.status_code == 404
    assert _queue(client, other)[0]["status"] == "open"


def test_a_reviewer_decides_in_the_browser_with_csrf_and_roles(
    client: TestClient, web: TestClient, acme: Headers, engine: Engine
) -> None:
    _flag(client, acme, "c1")
    _flag(client, acme, "c2")
    first, second = (i["id"] for i in _queue(client, acme))
    secret = make_reviewer(engine, "acme", "rosa")
    assert log_in(web, "rosa", secret) == 303
    page = web.get(f"/review/items/{first}")
    assert page.status_code == 200 and "Explicit wording hidden" in page.text
    assert 'value="escalate"' not in page.text  # not offered to a reviewer
    token = csrf_of(page.text)
    url = f"/review/items/{first}/decision"
    assert web.post(url, data={"decision": "confirm"}).status_code == 403
    assert web.post(url, data={"decision": "confirm", "csrf_token": "forged"}
                    ).status_code == 403
    assert web.post(f"/review/items/{first}/reveal", data={}).status_code == 403
    assert web.post(url, data={"decision": "escalate", "csrf_token": token}
                    ).status_code == 403
    shown = web.post(f"/review/items/{first}/reveal", data={"csrf_token": token})
    assert shown.status_code == 200 and "Explicit wording hidden" not in shown.text
    done = web.post(url, data={"decision": "confirm", "csrf_token": token},
                    follow_redirects=False)
    assert done.status_code == 303
    trail = [(who, a) for who, a, t in _audit(engine, "acme") if t == f"review:{first}"]
    assert trail == [("reviewer:rosa", "review.reveal"), ("reviewer:rosa", "review.confirm")]
    # A lead can escalate.
    lead_secret = make_reviewer(engine, "acme", "lee", role="lead")
    web.cookies.clear()
    assert log_in(web, "lee", lead_secret) == 303
    page = web.get(f"/review/items/{second}")
    assert 'value="escalate"' in page.text
    assert web.post(f"/review/items/{second}/decision",
                    data={"decision": "escalate", "csrf_token": csrf_of(page.text)},
                    follow_redirects=False).status_code == 303
    assert [i["status"] for i in _queue(client, acme)] == ["escalated"]


def test_a_crisis_written_after_the_item_was_made_moves_it_to_the_top(
    client: TestClient, acme: Headers
) -> None:
    _flag(client, acme, "first")
    _flag(client, acme, "second")
    assert [i["conversation_id"] for i in _queue(client, acme)] == ["first", "second"]
    later = client.post("/v1/conversations/second/messages",
                        json=batch([CRISIS_LINE], prefix="later"), headers=acme)
    assert later.status_code == 200
    order = [(i["conversation_id"], i["crisis"]) for i in _queue(client, acme)]
    assert order == [("second", True), ("first", False)]
