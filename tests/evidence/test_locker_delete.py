"""Deleting a case from a locker: gone for good, the other cases untouched."""

from __future__ import annotations

import pytest

from unsnare.errors import UsageError
from unsnare.evidence.locker import Locker


def test_a_deleted_case_is_gone_and_the_others_stay(tmp_path) -> None:
    path = tmp_path / "l.unsnare-locker"
    locker = Locker.create(path, "blue kettle morning")
    keep = locker.new_case("Client A")
    gone = locker.new_case("Client B")
    gone.add_note("to be erased")
    keep.add_note("stays")
    locker.delete_case(gone.id)
    assert [c.title for c in locker.cases()] == ["Client A"]
    locker.close()
    again = Locker.open(path, "blue kettle morning")
    assert [c.id for c in again.cases()] == [keep.id]
    assert [n.text for n in again.case(keep.id).notes()] == ["stays"]
    assert again.case(keep.id).verify(record=False).ok
    with pytest.raises(UsageError):
        again.delete_case(gone.id)
    again.close()
