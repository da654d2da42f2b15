"""ChatStream.collect: the whole conversation, with its messages left out of the
cycle collector's walks when unsnare._fastread is built (they are frozen values)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from support.components import require
from unsnare.importers import base
from unsnare.importers.base import ChatState, ChatStream
from unsnare.models import Attachment, Message, MessageKind, Reaction, Source


def _need_compiled() -> None:
    require(base._fastread is not None, "unsnare._fastread (pip install -e . builds it)")


def _message(i: int, **extra: object) -> Message:
    fields: dict[str, object] = {
        "id": f"m{i}",
        "sender": "alex",
        "timestamp": datetime(2024, 1, 2, 3, 4, i % 60, tzinfo=UTC),
        "text": f"hi {i}",
        "source": Source("ab" * 32, "chat.json", path=f"$.messages[{i}]"),
    }
    fields.update(extra)
    return Message(**fields)  # type: ignore[arg-type]


def _stream(produce: list[object]) -> ChatStream:
    def run(state: ChatState) -> Iterator[Message]:
        state.participant("alex")
        yield from produce  # type: ignore[misc]

    return ChatStream(id="c1", platform="test", format="test", produce=run)


def _parts(m: Message) -> list[object]:
    return [m, m.source, m.attachments, *m.attachments, m.reactions, *m.reactions]


def test_messages_and_their_parts_are_left_out_of_the_collector() -> None:
    _need_compiled()
    made = [
        _message(0),
        _message(1, attachments=(Attachment("a.jpg", "image/jpeg", True, "cd" * 32, 12),)),
        _message(2, reactions=(Reaction("👍", "alex"), Reaction("❤️"))),
        _message(3, kind=MessageKind.SYSTEM, deleted=True, source=None),
    ]
    assert all(gc.is_tracked(m) for m in made)
    conv = _stream(list(made)).collect()
    assert conv.messages == tuple(made)
    assert not gc.is_tracked(conv.messages)
    assert not any(gc.is_tracked(p) for m in conv.messages for p in _parts(m))
    gc.collect()
    # What they hold stays alive through them.
    assert [m.text for m in conv.messages] == ["hi 0", "hi 1", "hi 2", "hi 3"]
    assert conv.messages[1].attachments[0].sha256 == "cd" * 32
    assert conv.messages[2].reactions[1] == Reaction("❤️")


def test_a_message_holding_an_unknown_part_stays_tracked() -> None:
    # Only values of the model's own frozen classes are untracked.
    _need_compiled()
    odd = _message(1, attachments=(["not an attachment"],))
    conv = _stream([_message(0), odd]).collect()
    assert not gc.is_tracked(conv.messages[0])
    assert gc.is_tracked(conv.messages[1]) and gc.is_tracked(conv.messages[1].attachments)


class _OtherMessage(Message):
    __slots__ = ()


def test_a_tuple_holding_anything_but_messages_stays_tracked() -> None:
    _need_compiled()
    other = _OtherMessage("x", None, None, "", None)
    conv = _stream([_message(0), other]).collect()
    assert gc.is_tracked(conv.messages) and gc.is_tracked(conv.messages[0])


def test_the_count_is_kept_when_reading_stops_at_an_error() -> None:
    def run(state: ChatState) -> Iterator[Message]:
        yield _message(0)
        yield _message(1)
        raise ValueError("line 3 is broken")

    stream = ChatStream(id="c1", platform="test", format="test", produce=run)
    was = gc.isenabled()
    with pytest.raises(ValueError, match="line 3"):
        stream.collect()
    assert stream.state.message_count == 2
    assert gc.isenabled() == was


def test_without_the_compiled_helper_the_tuple_is_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = [_message(0), _message(1)]
    monkeypatch.setattr(base, "_fastread", None)
    conv = _stream(list(made)).collect()
    assert conv.messages == tuple(made) and gc.is_tracked(conv.messages)


def test_a_message_holding_a_mutable_value_stays_tracked() -> None:
    # Any slot, at any depth: a list or dict could lead back to the message, and
    # an untracked message in a cycle would never be freed.
    _need_compiled()
    in_text = _message(1, text=["a list"])
    in_source = _message(2, source=Source("ab" * 32, "chat.json", path=["a"]))  # type: ignore[arg-type]
    conv = _stream([_message(0), in_text, in_source]).collect()
    assert not gc.is_tracked(conv.messages[0])
    assert gc.is_tracked(conv.messages[1]) and gc.is_tracked(conv.messages[2])
    assert gc.is_tracked(conv.messages[2].source)
    assert gc.is_tracked(conv.messages)


class _Marker:
    pass


def test_a_cycle_through_a_message_is_still_freed() -> None:
    _need_compiled()
    marker = _Marker()
    back: list[object] = [marker]
    looped = _message(1, text=back)
    back.append(looped)
    conv = _stream([looped]).collect()
    gone = weakref.ref(marker)
    del conv, looped, back, marker
    gc.collect()
    assert gone() is None
