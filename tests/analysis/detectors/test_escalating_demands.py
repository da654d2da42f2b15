"""escalating_demands: more demanded after the person gave in."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.escalating_demands import EscalatingDemandsDetector
from unsnare.analysis.text import Folder
from unsnare.analysis.view import build_view
from unsnare.models import Conversation, Message, Source

D = EscalatingDemandsDetector()


def _conv(*lines: tuple[str, str]) -> Conversation:
    t = datetime(2026, 3, 1, tzinfo=UTC)
    msgs = tuple(
        Message(f"m{i}", s, t, text, Source("0" * 64, "t", line=i))
        for i, (s, text) in enumerate(lines)
    )
    return Conversation("c", "text", "text", (), msgs)


@pytest.mark.parametrize(
    ("lines", "message_id"),
    [
        ((("o", "send $200 now"), ("v", "i sent it"), ("o", "send more or i post it")), "m2"),
        ((("o", "pay $100"), ("o", "no. now it's $400")), "m1"),
        ((("o", "send me a pic"), ("v", "i sent it"), ("o", "now i want 5 more pics")), "m2"),
    ],
)
def test_escalation_is_found_in_order(lines: tuple[tuple[str, str], ...], message_id: str) -> None:
    findings = D.detect(build_view(_conv(*lines), Folder(), False))
    assert [f.message_id for f in findings] == [message_id]


def test_an_outright_demand_for_more_money_is_escalation() -> None:
    assert top_score(run_detector(D, "i got it but now i want another $300")) >= 0.5


@pytest.mark.parametrize("text", [*HARD_NEGATIVES, "can i have more fries", "send me more memes"])
def test_ordinary_more_is_not_escalation(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4


def test_rising_amounts_in_the_lines_of_one_unattributed_text_are_not_escalation() -> None:
    # A long pasted text is read line by line with no author: a spam email's
    # "you want to earn $10 ... then $500" is not a demand raised.
    conv = _conv(
        (None, "you want to earn 10 USD a day?"),  # type: ignore[arg-type]
        (None, "users pay nothing and earn 500 USD a week"),  # type: ignore[arg-type]
    )
    assert D.detect(build_view(conv, Folder(), False)) == []
