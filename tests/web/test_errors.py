"""Error pages word a hint's option as the form shows it, in the page's language."""

from __future__ import annotations

import html

import pytest


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", 'if you know the format, choose it under "Format"'),
        ("es", "if you know the format, elígelo en «Tipo de archivo»"),
        ("pt", "if you know the format, escolha-o em «Tipo de arquivo»"),
    ],
)
def test_an_unreadable_upload_names_the_format_field_in_the_page_language(
    client, token, lang: str, words: str
) -> None:
    client.get(f"/?lang={lang}")  # remembered in a cookie
    response = client.post(
        "/check/upload", data={"csrf_token": token(client, "/check")},
        files={"files": ("holiday.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n", "application/pdf")},
    )
    assert response.status_code == 400
    page = html.unescape(response.text)
    assert words in page and "--format" not in page
