"""The signal-type table: one entry per kind of hash a bank holds, in the shared
registry type, so validation, guessing and threatexchange names agree."""

from __future__ import annotations

import pytest

from unsnare.errors import DuplicateNameError
from unsnare.hashing.banks import SignalType, guess_signal_type, normalise_hash
from unsnare.hashing.formats import TE_TYPES
from unsnare.hashing.signals import SignalTypeInfo, SignalTypeRegistry, builtin_signal_types


def test_every_stored_signal_type_is_registered() -> None:
    assert [t.name for t in builtin_signal_types()] == [s.value for s in SignalType]


@pytest.mark.parametrize(
    ("value", "kind"),
    [("a" * 64, SignalType.PDQ), ("B" * 32, SignalType.MD5), ("a" * 40, None), ("z" * 32, None)],
)
def test_a_hash_type_is_guessed_from_its_length(value: str, kind: SignalType | None) -> None:
    assert guess_signal_type(value) == kind
    if kind is not None:
        assert normalise_hash(kind, value) == value.lower()


def test_threatexchange_names_map_to_ours() -> None:
    assert TE_TYPES == {
        "pdq": SignalType.PDQ, "video_md5": SignalType.MD5,
        "photo_md5": SignalType.MD5, "md5": SignalType.MD5,
    }  # fmt: skip


def test_a_second_signal_type_with_a_taken_name_is_refused() -> None:
    registry = SignalTypeRegistry()
    registry.register(SignalTypeInfo("pdq", 64, "PDQ"))
    with pytest.raises(DuplicateNameError, match="a signal type named 'pdq'"):
        registry.register(SignalTypeInfo("pdq", 64, "PDQ again"))
