"""jsonload.text_of: a JSON field as text, exactly as json.dumps would show a non-string."""

from __future__ import annotations

import json

import pytest

from unsnare.importers.jsonload import text_of


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("", ""),
        ("Max Ivanov", "Max Ivanov"),
        (0, "0"),
        (42, "42"),
        (-7, "-7"),
        (10**30, "1" + "0" * 30),
        (True, "true"),
        (False, "false"),
        (1.5, "1.5"),
        ([1, "a"], '[1, "a"]'),
        ({"k": "ü"}, '{"k": "ü"}'),
    ],
)
def test_text_of(value: object, expected: str) -> None:
    assert text_of(value) == expected
    if value is not None and not isinstance(value, str):
        assert text_of(value) == json.dumps(value, ensure_ascii=False)
