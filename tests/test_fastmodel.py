"""The quick model constructor gives the very values the dataclass constructor gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from support.components import require
from unsnare import fastmodel
from unsnare.models import Attachment, Message, MessageKind, Reaction, Source, SystemEvent

_WHEN = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
ROWS = [
    (Source, ("ab" * 32, "_chat.txt", 12, None)),
    (Source, ("0" * 64, "result.json", None, "$.messages[3]")),
    (
        Message,
        ("L1", "Alex", _WHEN, "hey 😊", Source("x", "f", 1), MessageKind.MESSAGE,
         None, (), None, None, None, False, None, False, ()),
    ),
    (
        Message,
        ("L9", None, None, "", Source("x", "f", 9), MessageKind.SYSTEM, SystemEvent.DELETED,
         (Attachment("a.jpg", "image/jpeg", True),), "L1", "q", "Sam", True, _WHEN, True,
         (Reaction("❤️", "Sam"),)),
    ),
]


@pytest.fixture(params=["compiled", "python"])
def use_compiled(request: pytest.FixtureRequest) -> bool:
    """Each test with the compiled helper and again with the plain constructor."""
    if request.param == "compiled":
        require(fastmodel.compiled(), "unsnare._fastmodel (pip install -e . builds it)")
    return bool(request.param == "compiled")


@pytest.mark.parametrize(("cls", "values"), ROWS)
def test_builder_equals_constructor(cls: type, values: tuple[object, ...], use_compiled: bool) -> None:
    made = fastmodel.builder(cls, use_compiled=use_compiled)(*values)
    expected = cls(*values)
    assert type(made) is cls
    assert made == expected
    # Still frozen (CPython raises TypeError, not FrozenInstanceError, for slotted ones).
    with pytest.raises((AttributeError, TypeError)):
        made.line = 0  # type: ignore[attr-defined]


def test_compiled_builder_needs_every_field(use_compiled: bool) -> None:
    if use_compiled:
        with pytest.raises(TypeError):
            fastmodel.builder(Source)("x", "f")


def test_classes_with_post_init_keep_their_constructor() -> None:
    @dataclass(frozen=True, slots=True)
    class Checked:
        n: int

        def __post_init__(self) -> None:
            if self.n < 0:
                raise ValueError("negative")

    assert fastmodel.builder(Checked) is Checked
