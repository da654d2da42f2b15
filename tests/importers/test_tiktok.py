"""TikTok data download: direct messages from user_data JSON and from the TXT files."""

from __future__ import annotations

from pathlib import Path

import pytest

from unsnare.importers import read_export

DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "tiktok"

# export, chat titles, (sender, text) of the first chat oldest first, warning codes
CASES = [
    (
        "json",
        ["jay.rivers_07", "sam_k"],
        [
            ("jay.rivers_07", "hey cutie 😊 send a pic"),
            ("mia.lang", "https://www.tiktokv.com/share/video/7240000000000000000/"),
            ("mia.lang", "no"),
            ("jay.rivers_07", "if u dont send it i post ur pics"),
        ],
        ["bad_record"],
    ),
    (
        "txt",
        ["jay.rivers_07", "sam_k"],
        [
            ("jay.rivers_07", "hey cutie 😊 send a pic"),
            ("mia.lang", "who are you\ni dont know you"),
            ("jay.rivers_07", "if u dont send it i post ur pics"),
        ],
        ["orphan_line"],
    ),
]


@pytest.mark.parametrize(("export", "titles", "first_chat", "codes"), CASES)
def test_direct_messages_per_contact(
    export: str, titles: list[str], first_chat: list[tuple[str, str]], codes: list[str]
) -> None:
    result = read_export(DATA / export)  # no --tz: TikTok's times are read as UTC
    assert result.format == "tiktok"
    assert [c.title for c in result.conversations] == titles
    conv = result.conversations[0]
    assert [(m.sender, m.text) for m in conv.messages] == first_chat
    assert [w.code for w in result.warnings] == codes
    assert conv.timezone == "UTC" and conv.timezone_assumed
    assert any("UTC" in n for n in conv.notes)
    owner = conv.participant("mia.lang")
    assert owner is not None and owner.is_owner
    assert conv.messages[0].timestamp is not None
    assert conv.messages[0].timestamp.isoformat() == "2023-06-01T20:15:03+00:00"


def test_key_value_blocks_in_the_txt_download() -> None:
    conv = read_export(DATA / "txt", tz="UTC").conversations[1]
    assert [(m.sender, m.text, m.source.line) for m in conv.messages] == [
        ("sam_k", "see u at practice", 10),
        ("mia.lang", "ok\nbring the ball", 14),
    ]


def test_user_data_without_messages_gives_a_clear_error(tmp_path: Path) -> None:
    from unsnare.errors import ImportFormatError

    path = tmp_path / "user_data.json"
    path.write_text('{"Profile": {}}', encoding="utf-8")
    with pytest.raises(ImportFormatError, match="no tiktok conversation"):
        read_export(path, tz="UTC")


def test_a_zone_given_with_tz_is_used_for_the_wall_clock_times() -> None:
    conv = read_export(DATA / "json", tz="Europe/Berlin").conversations[0]
    assert conv.timezone == "Europe/Berlin" and conv.timezone_assumed
    assert conv.messages[0].timestamp is not None
    assert conv.messages[0].timestamp.isoformat() == "2023-06-01T20:15:03+02:00"
