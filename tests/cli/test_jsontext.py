"""The CLI's indented JSON text is byte for byte what json.dumps(indent=2) writes."""

from __future__ import annotations

import enum
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unsnare.cli.jsontext import dumps_indented


class Colour(enum.StrEnum):
    RED = "red"


class Size(enum.IntEnum):
    BIG = 3


def reference(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


@pytest.mark.parametrize(
    "data",
    [
        {},
        [],
        None,
        "a \"quoted\" line\nwith ünïcode 😊 and \u2028",
        0,
        -7,
        10**30,
        1.5,
        1e-7,
        float("nan"),
        float("inf"),
        -float("inf"),
        True,
        {"a": [], "b": {}, "c": [1, [2, [3, {}]]], "d": (1, "x")},
        {7: "int key", 2.5: "float key", True: "bool key", False: "no", None: "none key"},
        {"when": datetime(2024, 5, 1, 12, 30, tzinfo=UTC), "path": Path("a/b")},
        {"enum": Colour.RED, "int enum": Size.BIG, Colour.RED: 1},
    ],
)
def test_same_text_as_json_dumps(data: Any) -> None:
    assert dumps_indented(data) == reference(data)


def test_keys_json_cannot_write_are_refused_alike() -> None:
    with pytest.raises(TypeError):
        reference({(1, 2): 1})
    with pytest.raises(TypeError):
        dumps_indented({(1, 2): 1})


_leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_json = st.recursive(
    _leaves,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=4),
    max_leaves=30,
)


@given(_json)
def test_any_json_value_is_written_the_same(data: Any) -> None:
    assert dumps_indented(data) == reference(data)
