"""The service reads each new message against the conversation's kept state: the
findings it reports equal a reading of the whole conversation, without the
history being read again."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from support.platform import SEXTORTION, batch
from unsnare.analysis import Analyzer
from unsnare.models import Conversation, Message, Participant, Source
from unsnare.platform.app import create_app
from unsnare.platform.db import conversations
from unsnare.platform.settings import PlatformSettings

pytestmark = pytest.mark.postgres


def _whole(lines: list[tuple[str, str]]) -> Conversation:
    senders = list(dict.fromkeys(s for s, _ in lines))
    return Conversation("c", "platform-api", "stream", tuple(Participant(s, s) for s in senders),
                        tuple(Message(f"m{i}", s, None, t, Source("", "stream"))
                              for i, (s, t) in enumerate(lines)))


def _keys(findings: list[dict[str, object]]) -> set[tuple[object, ...]]:
    return {(f["message_id"], f["tactic"], f["detector"], f["start"], f["end"], f["score"])
            for f in findings}


def test_one_message_at_a_time_gives_the_findings_of_the_whole_conversation(
    client: TestClient, make_key: Callable[..., dict[str, str]]
) -> None:
    headers = make_key()
    lines = SEXTORTION * 3
    reported = []
    for i, line in enumerate(lines):
        answer = client.post("/v1/conversations/c/messages", headers=headers,
                             json=batch([line], start=i)).json()
        reported.extend(answer["new_findings"])
    whole = Analyzer().analyze(_whole(lines))
    expected = _keys([f.to_dict() for f in whole.findings])
    assert _keys(reported) >= expected
    state = client.get("/v1/conversations/c", headers=headers).json()
    assert _keys(state["findings"]) >= expected
    assert state["risk"]["level"] == str(whole.risk.level)
    scorer = client.app.state.services.scorer  # type: ignore[attr-defined]
    # The history is read again only while the language guess firms up.
    assert scorer.rebuilds <= 3


def test_a_conversation_stored_without_a_state_is_read_once_in_full(
    client: TestClient, make_key: Callable[..., dict[str, str]], engine: Engine
) -> None:
    headers = make_key()
    client.post("/v1/conversations/old/messages", headers=headers, json=batch(SEXTORTION[:4]))
    with engine.begin() as conn:  # as if stored before states were kept
        conn.execute(sa.update(conversations).values(analysis=None))
    answer = client.post("/v1/conversations/old/messages", headers=headers,
                         json=batch(SEXTORTION[4:], start=4)).json()
    assert answer["message_count"] == len(SEXTORTION)
    whole = Analyzer().analyze(_whole(SEXTORTION))
    state = client.get("/v1/conversations/old", headers=headers).json()
    assert _keys(state["findings"]) >= _keys([f.to_dict() for f in whole.findings])
    with engine.begin() as conn:
        assert conn.execute(sa.select(conversations.c.analysis)).scalar_one() is not None


def test_two_processes_taking_turns_read_as_one_does(
    settings: PlatformSettings, make_key: Callable[..., dict[str, str]]
) -> None:
    # Each process keeps the states it wrote (`_KeptStates`); when the other process
    # took the last batch, the stored state is read instead. Both ways, the same answers.
    headers = make_key()
    lines = SEXTORTION * 2
    with (TestClient(create_app(settings, worker=False)) as one,
          TestClient(create_app(settings, worker=False)) as other):
        answers: dict[str, list[dict[str, object]]] = {"alone": [], "turns": []}
        for i, line in enumerate(lines):
            body = batch([line], start=i)
            answers["alone"].append(one.post("/v1/conversations/alone/messages",
                                             headers=headers, json=body).json())
            turn = (one, other)[(i // 2) % 2]
            answers["turns"].append(turn.post("/v1/conversations/turns/messages",
                                              headers=headers, json=body).json())
        for a, b in zip(answers["alone"], answers["turns"], strict=True):
            a.pop("conversation_id"), b.pop("conversation_id")
            assert a == b
        stored = [one.get(f"/v1/conversations/{c}", headers=headers).json()
                  for c in ("alone", "turns")]
    assert stored[0]["findings"] == stored[1]["findings"]
