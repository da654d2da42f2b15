"""`db.unnest`: lists reach PostgreSQL as array text, and every value comes back as sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from unsnare.platform.db import unnest

pytestmark = pytest.mark.postgres

TEXTS = [
    "", "plain", "two words", 'a "quoted" word', "back\\slash", "\\", '"', "{braces}",
    "a,comma", "NULL", "null", " leading and trailing ", "tab\tand\nnew line",
    "ünïcödé – ✓ 😀", "{\"json\":[1,2,{\"k\":\"v\\\\\"}]}", None,
]


@pytest.mark.parametrize("text", TEXTS)
def test_texts_come_back_as_sent(engine: Engine, text: str | None) -> None:
    rows = unnest("given", ord=sa.Integer, text=sa.Text, who=sa.String)
    query = sa.select(rows.c.ord, rows.c.text, rows.c.who).order_by(rows.c.ord)
    with engine.connect() as conn:
        got = conn.execute(query, {"given_ord": [1, 2], "given_text": [text, "x"],
                                   "given_who": ["n", text]}).all()
    assert [tuple(r) for r in got] == [(1, text, "n"), (2, "x", text)]


def test_numbers_and_times_come_back_as_sent(engine: Engine) -> None:
    when = [datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
            datetime(2026, 6, 1, 12, 0, tzinfo=timezone(timedelta(hours=-5))), None]
    scores = [0.1, 1e-05, -2.5]
    big = [2**40, -1, None]
    rows = unnest("given", ord=sa.Integer, at=sa.DateTime(timezone=True), score=sa.Float,
                  n=sa.BigInteger)
    query = sa.select(rows.c.ord, rows.c.at, rows.c.score, rows.c.n).order_by(rows.c.ord)
    with engine.connect() as conn:
        got = conn.execute(query, {"given_ord": [0, 1, 2], "given_at": when,
                                   "given_score": scores, "given_n": big}).all()
    assert [r.at for r in got] == when
    assert [r.score for r in got] == scores
    assert [r.n for r in got] == big


def test_an_empty_list_gives_no_rows(engine: Engine) -> None:
    rows = unnest("given", text=sa.Text)
    with engine.connect() as conn:
        assert conn.execute(sa.select(rows.c.text), {"given_text": []}).all() == []
