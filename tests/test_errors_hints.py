"""Hints that name an option carry it as data; each front end says it in its own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from unsnare.errors import OPTION, ImportFormatError, Offer, UnsnareError, UsageError
from unsnare.importers import read_export
from unsnare.web.errors import FORM_WORDS, FormWords


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


def _files(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# Each importer's "this is not my format" error, from an invented export it cannot read.
NOT_THIS_FORMAT = [
    ("plaintext", {"notes.txt": "just a line\nand another\n"}, "notes.txt"),
    ("whatsapp", {"chat.txt": "hello there\nno dates here\n"}, "chat.txt"),
    ("telegram", {"other.json": "{}"}, None),
    ("snapchat", {"other.json": "{}"}, None),
    ("snapchat", {"chat_history.json": '{"owner": "x"}'}, "chat_history.json"),
]


@pytest.mark.parametrize(("fmt", "files", "pick"), NOT_THIS_FORMAT,
                         ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(NOT_THIS_FORMAT)])
def test_each_importer_offers_another_format_as_data(
    tmp_path: Path, fmt: str, files: dict[str, str], pick: str | None
) -> None:
    folder = _files(tmp_path / "export", files)
    with pytest.raises(ImportFormatError) as info:
        read_export(folder / pick if pick else folder, format=fmt, tz="UTC")
    error = info.value
    assert error.option == "format" and error.offer is Offer.ANOTHER
    assert (error.hint or "").endswith("or choose another --format")
    web = error.hint_in(FORM_WORDS) or ""
    assert web.endswith('or choose another under "Format"') and "--format" not in web


def test_an_unknown_format_name_lists_the_names_as_data(tmp_path: Path) -> None:
    (tmp_path / "chat.txt").write_text("Sam: hi\n", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        read_export(tmp_path / "chat.txt", format="no-such-format", tz="UTC")
    assert info.value.option == "format" and "whatsapp" in info.value.choices
    assert (info.value.hint or "").startswith("choose another --format (one of: ")


@pytest.mark.parametrize(
    ("lang", "pick", "another"),
    [
        ("en", 'choose it under "Format"', 'choose another under "Format"'),
        ("es", "elígelo en «Tipo de archivo»", "elige otro en «Tipo de archivo»"),
        ("pt", "escolha-o em «Tipo de arquivo»", "escolha outro em «Tipo de arquivo»"),
    ],
)
def test_the_web_words_the_option_in_the_page_language(lang: str, pick: str,
                                                        another: str) -> None:
    words = FormWords(lang)
    assert UnsnareError("x", option="format").hint_in(words) == pick
    assert UnsnareError("x", hint="check the export, or " + OPTION, option="format",
                        offer=Offer.ANOTHER).hint_in(words) == "check the export, or " + another
