"""Platform report guides: every platform the issue names, found by its common names."""

from __future__ import annotations

from typing import Any

import pytest

from unsnare.errors import InputError
from unsnare.response.platforms import default_platforms, parse_platforms

CATALOGUE = default_platforms()
REQUIRED = ["instagram", "facebook", "snapchat", "whatsapp", "tiktok", "discord", "x",
            "telegram", "roblox", "wizz", "google", "dating", "email"]


@pytest.mark.parametrize("platform_id", REQUIRED)
def test_required_platforms_say_where_and_what_to_choose(platform_id: str) -> None:
    guide = CATALOGUE.find(platform_id)
    assert guide is not None
    assert "Report" in guide.where or "report" in guide.where
    assert guide.choose and guide.block_note


@pytest.mark.parametrize(
    ("name", "platform_id"),
    [("Insta", "instagram"), ("Messenger", "facebook"), ("SNAP", "snapchat"),
     ("Twitter", "x"), ("gmail", "google"), ("Google Chat", "google"), ("grindr", "dating"),
     ("Tinder", "dating"), ("Outlook", "email"), ("  whatsapp ", "whatsapp"),
     ("Xbox", "gaming"), ("steam", "gaming"), ("Kik", "kik"), ("iMessage", "sms")],
)
def test_common_names_find_the_guide(name: str, platform_id: str) -> None:
    guide = CATALOGUE.find(name)
    assert guide is not None and guide.id == platform_id


def test_report_first_platforms_say_so_first() -> None:
    guide = CATALOGUE.find("snapchat")
    assert guide is not None and guide.report_first
    assert guide.text().startswith("Report before you block")


def test_unknown_platform_is_none() -> None:
    assert CATALOGUE.find("Zorblr") is None


def test_dating_apps_warn_that_unmatching_deletes_the_chat() -> None:
    guide = CATALOGUE.find("dating")
    assert guide is not None and "unmatch" in guide.block_note.lower()


@pytest.mark.parametrize(
    "raw",
    [{"id": "x"}, [{"id": "x"}], [{"id": "x", "name": "X", "aliases": [], "where": "w",
                                    "choose": "c", "block_note": "b", "report_first": True}] * 2],
)
def test_bad_platform_data_is_refused(raw: Any) -> None:
    with pytest.raises(InputError):
        parse_platforms(raw)
