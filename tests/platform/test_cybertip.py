"""The NCMEC CyberTipline report builder: built from a conversation, never sent."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

from support.platform import ORDINARY, SEXTORTION, TestClient, batch

pytestmark = pytest.mark.postgres
ASK = {
    "reporter": {"firstName": "Robin", "lastName": "Reviewer", "email": "tns@example.org"},
    "service": "Example Chat",
    "reported_sender": "kai",
    "reported_account_id": "user-4411",
    "file_hashes": ["d41d8cd98f00b204e9800998ecf8427e"],
}


def test_a_report_is_built_from_the_conversation(
    client: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key(scopes="analyze,report,admin")
    client.post("/v1/conversations/c1/messages", headers=headers,
                json=batch(ORDINARY + SEXTORTION))
    r = client.post("/v1/conversations/c1/cybertip", headers=headers, json=ASK)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["sent"] is False
    report = body["report"]
    summary = report["incidentSummary"]
    assert summary["incidentType"] == "Online Enticement of Children for Sexual Act"
    assert "sextortion" in summary["reportAnnotations"]
    suspect = report["personOrUserReported"]
    assert (suspect["espIdentifier"], suspect["espService"], suspect["screenName"]) == (
        "user-4411", "Example Chat", "kai")
    content = report["internetDetails"][0]["content"]
    assert "gift cards" in content  # the threat is in the excerpt ...
    assert "football practice" not in content  # ... the unrelated chat is not
    assert "d41d8cd98f00b204e9800998ecf8427e" in report["additionalInfo"]
    root = ET.fromstring(body["xml"])
    assert root.tag == "report"
    assert root.findtext("incidentSummary/incidentType") == summary["incidentType"]
    assert root.findtext("internetDetails/chatImIncident/chatClient") == "Example Chat"
    assert root.findtext("reporter/reportingPerson/email") == "tns@example.org"
    actions = [e["action"] for e in client.get("/v1/audit", headers=headers).json()["entries"]]
    assert actions[0] == "report.cybertip"


def test_reports_need_the_scope_and_a_valid_reporter(
    client: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key(scopes="analyze")
    client.post("/v1/conversations/c1/messages", headers=headers, json=batch(SEXTORTION))
    assert client.post("/v1/conversations/c1/cybertip", headers=headers,
                       json=ASK).status_code == 403
    reporting = make_key(scopes="report")
    bad = {**ASK, "reporter": {**ASK["reporter"], "email": "not-an-address"}}
    r = client.post("/v1/conversations/c1/cybertip", headers=reporting, json=bad)
    assert r.status_code == 422 and "email" in r.json()["where"]
    assert client.post("/v1/conversations/other/cybertip", headers=reporting,
                       json=ASK).status_code == 404
