"""The hash-chained custody log names edits, deletions, reorderings and corruption."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsnare.evidence.custody import GENESIS, Action, CustodyEntry, check_chain, next_entry

ZONE = timezone(timedelta(hours=-5), "EST")


def chain(n: int = 4) -> list[CustodyEntry]:
    out: list[CustodyEntry] = []
    for i in range(n):
        out.append(next_entry(out[-1] if out else None, action=Action.ADD, actor="anna",
                              now=datetime(2026, 3, 3, 9, i, tzinfo=ZONE), subject=f"i{i}",
                              details={"sha256": f"{i:064x}"}))
    return out


def test_a_fresh_chain_links_and_verifies() -> None:
    entries = chain()
    assert entries[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))
    assert entries[0].at.endswith("-05:00") and entries[0].zone == "EST"
    assert check_chain(entries, head_seq=4, head_hash=entries[-1].hash) == []


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError):
        next_entry(None, action=Action.ADD, actor="a", now=datetime(2026, 1, 1))


def _edit(e: list[CustodyEntry | None]) -> None:
    old = e[1]
    assert old is not None
    e[1] = dataclasses.replace(old, details={"sha256": "0" * 64})


def _edit_and_rehash(e: list[CustodyEntry | None]) -> None:
    old = e[1]
    assert old is not None
    forged = dataclasses.replace(old, actor="someone else")
    e[1] = dataclasses.replace(forged, hash=forged.computed_hash())


def _delete(e: list[CustodyEntry | None]) -> None:
    del e[1]


def _delete_last(e: list[CustodyEntry | None]) -> None:
    del e[-1]


def _reorder(e: list[CustodyEntry | None]) -> None:
    e[1], e[2] = e[2], e[1]


def _corrupt(e: list[CustodyEntry | None]) -> None:
    e[2] = None


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (_edit, "custody entry #2 (add) was edited"),
        (_edit_and_rehash, "custody entry #3 does not follow entry #2"),
        (_delete, "custody entry #2 is missing: it was deleted"),
        (_delete_last, "custody entry #4 is missing: it was deleted"),
        (_reorder, "reordered: #3 is stored before #2"),
        (_corrupt, "position 3 cannot be read"),
    ],
)
def test_tampering_is_named(
    tamper: Callable[[list[CustodyEntry | None]], None], expected: str
) -> None:
    entries: list[CustodyEntry | None] = list(chain())
    head = entries[-1]
    assert head is not None
    tamper(entries)
    problems = check_chain(entries, head_seq=4, head_hash=head.hash)
    assert any(expected in p for p in problems), problems


def test_entry_round_trips_through_json() -> None:
    entry = chain(1)[0]
    assert CustodyEntry.from_dict(entry.to_dict()) == entry


@given(
    n=st.integers(min_value=2, max_value=8),
    op=st.sampled_from(["edit", "delete", "swap", "corrupt"]),
    data=st.data(),
)
@settings(max_examples=60, deadline=None)
def test_any_single_tampering_is_detected(n: int, op: str, data: st.DataObject) -> None:
    entries: list[CustodyEntry | None] = list(chain(n))
    head = entries[-1]
    assert head is not None
    i = data.draw(st.integers(min_value=0, max_value=n - 1))
    if op == "edit":
        old = entries[i]
        assert old is not None
        entries[i] = dataclasses.replace(old, actor=old.actor + "x")
    elif op == "delete":
        del entries[i]
    elif op == "swap":
        j = data.draw(st.integers(min_value=0, max_value=n - 1).filter(lambda j: j != i))
        entries[i], entries[j] = entries[j], entries[i]
    else:
        entries[i] = None
    assert check_chain(entries, head_seq=n, head_hash=head.hash)
