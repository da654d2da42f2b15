"""Bank files: our JSON and CSV round-trip; threatexchange and plain CSV files import."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from unsnare.errors import HashingError
from unsnare.hashing.banks import BankKind, HashBank, SignalType, entry
from unsnare.hashing.formats import bank_to_csv, bank_to_json, read_bank_file

PDQ_A = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"
PDQ_B = "3" * 64
MD5_A = "d41d8cd98f00b204e9800998ecf8427e"


def test_json_and_csv_round_trip(tmp_path: Path) -> None:
    bank = HashBank("reports", BankKind.ALLOWLIST, 25, "memes we know")
    when = datetime(2026, 2, 3, 4, 5, tzinfo=UTC)
    items = [
        entry("pdq", PDQ_A, source="case 7", labels=["ncii", "teen"], added=when),
        entry("md5", MD5_A, added=when),
    ]
    (tmp_path / "b.json").write_text(bank_to_json(bank, items))
    (tmp_path / "b.csv").write_text(bank_to_csv(items))
    from_json = read_bank_file(tmp_path / "b.json")
    assert from_json.bank is not None and from_json.bank.kind is BankKind.ALLOWLIST
    assert from_json.bank.max_distance == 25
    from_csv = read_bank_file(tmp_path / "b.csv")
    assert from_csv.format == "unsnare-csv"
    for got in (from_json.entries, from_csv.entries):
        assert [(e.signal_type, e.value, e.source, e.labels, e.added) for e in got] == [
            (e.signal_type, e.value, e.source, e.labels, e.added) for e in items
        ]


@pytest.mark.parametrize(
    ("text", "fmt", "expected", "skipped"),
    [
        (
            f"pdq {PDQ_A}\nvideo_md5 {MD5_A}\nurl https://example.org\n",
            "threatexchange",
            [("pdq", PDQ_A), ("md5", MD5_A)],
            1,
        ),
        (f"{PDQ_A}\n{MD5_A.upper()}\n", "csv", [("pdq", PDQ_A), ("md5", MD5_A)], 0),
        (f"{PDQ_A}\n\n{PDQ_B}\n", "csv", [("pdq", PDQ_A), ("pdq", PDQ_B)], 0),
        (f"id,pdq,note\n1,{PDQ_A},x\n2,{PDQ_B},y\n", "csv", [("pdq", PDQ_A), ("pdq", PDQ_B)], 0),
        (f"name,hash\nbeach.jpg,{MD5_A}\n", "csv", [("md5", MD5_A)], 0),
        (f"\ufeff7,{PDQ_A}\n", "csv", [("pdq", PDQ_A)], 0),
    ],
)
def test_imports(tmp_path: Path, text: str, fmt: str, expected: list, skipped: int) -> None:
    path = tmp_path / "in.txt"
    path.write_text(text, encoding="utf-8")
    got = read_bank_file(path)
    assert got.format.endswith(fmt)
    assert [(e.signal_type.value, e.value) for e in got.entries] == expected
    assert len(got.skipped) == skipped


def test_threatexchange_file_written_by_pytx_format(tmp_path: Path) -> None:
    # LocalFileSignalExchangeAPI.report_opinion appends "<type name> <signal>\n".
    path = tmp_path / "signals.txt"
    path.write_text(f"pdq {PDQ_A}\npdq {PDQ_B}\n")
    got = read_bank_file(path, "threatexchange")
    assert {e.value for e in got.entries} == {PDQ_A, PDQ_B}
    assert all(e.signal_type is SignalType.PDQ for e in got.entries)


def test_protect_hash_list_imports(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(
        json.dumps({"format": "unsnare-hash-list", "items": [{"pdq": PDQ_A, "md5": MD5_A}]})
    )
    got = read_bank_file(path)
    assert [e.value for e in got.entries] == [PDQ_A, MD5_A]


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        (f"{PDQ_A}\nnot-a-hash-at-all\n", 2, "hash"),
        ("hash,source\nabc,x\n", 2, "hash"),
        ("note,other\nx,y\n", 1, "hash"),
        (f"signal_type,hash,source,added,labels\npdq,{PDQ_A},x,2026-01-01T00:00,\n", 2, "added"),
        ('{"format": "unsnare-hash-bank", "entries": [{"hash": "12"}]}', 1, "hash"),
        ('{"format": "something-else"}', None, "format"),
    ],
)
def test_bad_files_name_the_line_and_field(
    tmp_path: Path, text: str, line: int | None, field: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text)
    with pytest.raises(HashingError) as err:
        read_bank_file(path)
    assert err.value.line == line
    assert err.value.field == field
    assert err.value.file == str(path)
