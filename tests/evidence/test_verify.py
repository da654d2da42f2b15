"""`verify` names every edit, deletion, reordering and corruption, and the intact
rest stays readable."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from support.fakes import PASSPHRASE, png
from unsnare.evidence import Case, Locker, crypto, verify_locker


def _case(locker: Locker, chat_file: Path) -> Case:
    case = locker.new_case("case")
    case.add_export(chat_file)
    case.add_file(data=png(), name="profile.png")
    case.add_note("seen on Monday")
    return case


def _blob_of(case: Case, name: str) -> str:
    item = next(i for i in case.items() if i.name == name)
    return str(case.records.get(item.id)["blob"])


def _flip_blob(case: Case) -> str:
    key = _blob_of(case, "profile.png")
    raw = bytearray(case.locker.store.get(case.id, "blob", key) or b"")
    raw[30] ^= 0xFF
    case.locker.store.replace(case.id, "blob", key, bytes(raw))
    return "(profile.png): its stored copy is corrupted"


def _replace_blob(case: Case) -> str:
    key = _blob_of(case, "profile.png")
    case.put("blob", key, b"r" + png((9, 9, 9)), replace=True)  # re-sealed, different picture
    return "(profile.png): its stored copy no longer matches the SHA-256"


def _delete_blob(case: Case) -> str:
    case.locker.store.delete(case.id, "blob", _blob_of(case, "profile.png"))
    return "(profile.png): its stored copy is missing (deleted)"


def _delete_item(case: Case) -> str:
    item = next(i for i in case.items() if i.name == "profile.png")
    case.locker.store.delete(case.id, "record", item.id)
    return f"item {item.id} (profile.png), added in custody entry #3, is missing"


def _edit_item(case: Case) -> str:
    item = next(i for i in case.items() if i.name == "profile.png")
    record = {**case.records.get(item.id), "sha256": "0" * 64}
    case.put("record", item.id, json.dumps(record).encode(), replace=True)
    return "record no longer matches custody entry #3 (edited)"


def _entry(case: Case, seq: int) -> tuple[str, dict[str, object]]:
    key = f"{seq:010d}"
    return key, json.loads(case.get("custody", key) or b"{}")


def _edit_entry(case: Case) -> str:
    key, entry = _entry(case, 2)
    entry["actor"] = "someone else"
    case.put("custody", key, json.dumps(entry).encode(), replace=True)
    return "custody entry #2 (add) was edited"


def _delete_entry(case: Case) -> str:
    case.locker.store.delete(case.id, "custody", f"{2:010d}")
    return "custody entry #2 is missing: it was deleted"


def _delete_last_entry(case: Case) -> str:
    case.locker.store.delete(case.id, "custody", f"{4:010d}")
    return "custody entry #4 is missing: it was deleted"


def _reorder_entries(case: Case) -> str:
    store = case.locker.store
    two, three = (store.get(case.id, "custody", f"{n:010d}") for n in (2, 3))
    assert two and three
    store.replace(case.id, "custody", f"{2:010d}", three)
    store.replace(case.id, "custody", f"{3:010d}", two)
    return "custody entries were reordered: #3 is stored before #2"


def _corrupt_entry(case: Case) -> str:
    raw = bytearray(case.locker.store.get(case.id, "custody", f"{3:010d}") or b"")
    raw[-1] ^= 1
    case.locker.store.replace(case.id, "custody", f"{3:010d}", bytes(raw))
    return "custody entry at position 3 cannot be read"


def test_untouched_case_verifies_and_logs_the_check(locker: Locker, chat_file: Path) -> None:
    case = _case(locker, chat_file)
    report = case.verify()
    assert report.ok and report.items_checked == 2 and report.entries_checked == 4
    assert case.custody_log()[-1].action == "verify"
    assert case.verify(record=False).ok
    assert [r.ok for r in verify_locker(locker)] == [True]


@pytest.mark.parametrize(
    "tamper",
    [_flip_blob, _replace_blob, _delete_blob, _delete_item, _edit_item, _edit_entry,
     _delete_entry, _delete_last_entry, _reorder_entries, _corrupt_entry],
)
def test_tampering_is_named_and_the_rest_stays_readable(
    locker: Locker, chat_file: Path, tamper: Callable[[Case], str]
) -> None:
    case = _case(locker, chat_file)
    expected = tamper(case)
    report = locker.case(case.id).verify()
    assert not report.ok
    assert any(expected in p for p in report.problems), report.problems
    again = locker.case(case.id)
    export = next(i for i in again.items() if i.kind == "export")
    assert again.get_blob(again.records.get(export.id)["blob"]).startswith(b"[2026")
    assert len(again.conversations()) == 1


def test_damaged_record_is_reported_and_others_load(locker: Locker, chat_file: Path) -> None:
    case = _case(locker, chat_file)
    note = case.notes()[0]
    raw = bytearray(locker.store.get(case.id, "record", note.id) or b"")
    raw[20] ^= 0xFF
    locker.store.replace(case.id, "record", note.id, bytes(raw))
    again = locker.case(case.id)
    assert again.notes() == [] and len(again.items()) == 2
    assert any(note.id in p for p in again.verify().problems)


def test_damaged_case_key_is_listed_as_unreadable(locker: Locker, chat_file: Path) -> None:
    good = _case(locker, chat_file)
    bad = locker.new_case("other")
    raw = bytearray(locker.store.get(bad.id, "case", "key") or b"")
    raw[15] ^= 1
    locker.store.replace(bad.id, "case", "key", bytes(raw))
    listed = {c.id: c.readable for c in locker.cases()}
    assert listed == {good.id: True, bad.id: False}
    reports = {r.case_id: r.ok for r in verify_locker(locker)}
    assert reports == {good.id: True, bad.id: False}


def test_corrupted_sqlite_file_is_reported_and_intact_rest_readable(
    make_locker: Callable[..., Locker], chat_file: Path
) -> None:
    locker = make_locker("sqlite")
    case = _case(locker, chat_file)
    big = locker.new_case("big")
    big.add_file(data=b"%PDF-" + bytes(range(256)) * 400, name="bank_statement.pdf")
    path = locker.store.path  # type: ignore[attr-defined]
    locker.close()
    data = bytearray(path.read_bytes())
    # Damage the last pages (the big file's blob) and leave the header intact.
    for i in range(len(data) - 20000, len(data) - 16000):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    with Locker.open(path, PASSPHRASE) as again:
        assert again.case(case.id).items()[0].name == "chat_export.txt"
        reports = {r.case_id: r for r in verify_locker(again)}
        assert not reports[big.id].ok or not reports[case.id].ok
        assert reports[big.id].problems


def test_kdf_params_stay_readable_without_a_passphrase(locker: Locker) -> None:
    raw = locker.store.meta_get("kdf")
    assert raw is not None and crypto.KdfParams.from_json(raw).time_cost == 1


def test_a_deleted_case_is_named(locker: Locker, chat_file: Path) -> None:
    keep = _case(locker, chat_file)
    gone = locker.new_case("deleted later")
    for table in ("case", "record", "custody", "blob"):
        for key in locker.store.keys(gone.id, table):
            locker.store.delete(gone.id, table, key)
    reports = {r.case_id: r for r in verify_locker(locker)}
    assert reports[keep.id].ok
    assert "it was deleted" in reports[gone.id].problems[0]


def test_a_case_with_a_broken_log_can_still_be_seen(locker: Locker, chat_file: Path) -> None:
    case = _case(locker, chat_file)
    _delete_last_entry(case)
    again = locker.case(case.id)
    again.record_view("case summary")
    assert any("could not be logged" in d for d in again.damaged)
    assert len(again.items()) == 2
