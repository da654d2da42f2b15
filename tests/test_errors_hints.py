"""Hints that name an option carry it as data; each front end says it in its own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from unsnare.errors import OPTION, ImportFormatError, Offer, UnsnareError
from unsnare.importers import read_export
from unsnare.web.errors import FORM_WORDS


@pytest.mark.parametrize(
    ("error", "command_line", "web"),
    [
        (UnsnareError("x", hint="check the file; if you know the format, " + OPTION,
                      option="format", choices=("a", "b")),
         "check the file; if you know the format, add --format with one of: a, b",
         'check the file; if you know the format, choose it under "Format"'),
        (UnsnareError("x", hint="check the export, or " + OPTION, option="format",
                      choices=("a", "b"), offer=Offer.ANOTHER),
         "check the export, or choose another --format (one of: a, b)",
         'check the export, or choose another under "Format"'),
        (UnsnareError("x", option="format"), "add --format", 'choose it under "Format"'),
        (UnsnareError("x", hint="plain advice"), "plain advice", "plain advice"),
    ],
)
def test_each_front_end_words_the_option(error: UnsnareError, command_line: str,
                                          web: str) -> None:
    assert error.hint == command_line
    assert error.hint_in(FORM_WORDS) == web
    assert error.explain().endswith("What to try: " + command_line)


def test_an_unrecognised_export_names_the_format_option(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"conversation": [], "owner": "x"}', encoding="utf-8")
    with pytest.raises(ImportFormatError) as info:
        read_export(path, tz="UTC")
    assert info.value.option == "format" and "whatsapp" in info.value.choices
    assert "--format" not in (info.value.hint_in(FORM_WORDS) or "")
