"""The privacy check-up data: every platform and setting sourced, dated, explained, aimed."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from unsnare.errors import InputError, UsageError
from unsnare.response.checkup import (
    AUDIENCES,
    checked_ticks,
    default_checkup,
    load_ticks,
    parse_checkup,
    save_ticks,
    stale_warnings,
)

CHECKUP = default_checkup()
SETTINGS = [s for p in CHECKUP.platforms for s in p.settings]
REQUIRED_PLATFORMS = ("instagram", "snapchat", "tiktok", "facebook", "discord", "whatsapp",
                      "telegram", "x", "tinder", "bumble", "hinge", "grindr")
CHECKED = dt.date(2026, 12, 7)


def _entry(**changes: Any) -> list[dict[str, Any]]:
    setting = {"id": "private", "title": "Go private", "why": "Hides your lists.",
               "where": "Settings, Privacy.", "audience": ["teen"],
               "source": "https://help.example.org/private", "checked": "2026-01-02",
               "verified": True}
    platform = {"id": "example", "name": "Example", "audience": ["teen"],
                "source": "https://help.example.org/", "checked": "2026-01-02",
                "settings": [setting]}
    for key, value in changes.items():
        target, _, name = key.partition("__")
        place = setting if target == "setting" else platform
        if value is None:
            place.pop(name, None)
        else:
            place[name] = value
    return [copy.deepcopy(platform)]


def test_every_required_platform_has_a_checklist() -> None:
    assert [p.id for p in CHECKUP.platforms] == list(REQUIRED_PLATFORMS)
    for p in CHECKUP.platforms:
        assert 2 <= len(p.settings) <= 6, p.id


@pytest.mark.parametrize("platform", CHECKUP.platforms, ids=lambda p: p.id)
def test_every_platform_has_a_source_date_and_audience(platform: Any) -> None:
    assert platform.source.startswith("https://")
    assert isinstance(platform.checked, dt.date) and platform.checked <= CHECKED
    assert platform.audience and set(platform.audience) <= set(AUDIENCES)


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.key)
def test_every_setting_has_source_date_reason_and_audience(setting: Any) -> None:
    assert setting.source.startswith("https://")
    assert isinstance(setting.checked, dt.date) and setting.checked <= CHECKED
    # One plain sentence: ends with a full stop and holds no second sentence.
    assert setting.why.endswith(".") and ". " not in setting.why.rstrip("."), setting.why
    assert setting.where and setting.title
    assert setting.audience and set(setting.audience) <= set(AUDIENCES)
    if not setting.verified:
        assert setting.note, "an unverified entry must say what could not be checked"


def test_dating_apps_are_for_adults_only() -> None:
    for name in ("tinder", "bumble", "hinge", "grindr"):
        found = CHECKUP.find(name)
        assert found is not None
        assert found.audience == ("adult",)
        assert all(s.audience == ("adult",) for s in found.settings)
    assert [p.id for p in CHECKUP.select(audience="teen")] == list(REQUIRED_PLATFORMS[:8])


def test_the_list_settings_come_first_where_a_platform_has_them() -> None:
    # The follower or friend list is the blackmailer's audience: first to hide.
    assert CHECKUP.platforms[0].settings[0].key == "instagram.private_account"
    assert CHECKUP.find("facebook").settings[0].key == "facebook.friends_list_only_me"  # type: ignore[union-attr]


@pytest.mark.parametrize(("name", "expected"), [
    ("Insta", "instagram"), ("twitter", "x"), ("Messenger", "facebook"), ("snap", "snapchat"),
    ("  WhatsApp ", "whatsapp"), ("myspace", None),
])
def test_platforms_are_found_by_alias(name: str, expected: str | None) -> None:
    found = CHECKUP.find(name)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize(("platform", "audience", "field"), [
    ("myspace", None, "platform"), (None, "kid", "audience"),
])
def test_select_names_the_bad_option(platform: str | None, audience: str | None,
                                     field: str) -> None:
    with pytest.raises(UsageError) as err:
        CHECKUP.select(platform, audience)
    assert err.value.field == field and err.value.hint


def test_entries_older_than_a_year_warn() -> None:
    fresh = parse_checkup(_entry())
    assert stale_warnings(fresh.platforms, dt.date(2026, 6, 1)) == []
    later = stale_warnings(fresh.platforms, dt.date(2027, 1, 3))
    assert len(later) == 2  # the platform and its one setting
    assert "Go private" in later[1] and "2026-01-02" in later[1] and "over a year" in later[1]


def test_shipped_data_does_not_warn_today_but_will_in_a_year() -> None:
    assert stale_warnings(CHECKUP.platforms, CHECKED) == []
    assert len(stale_warnings(CHECKUP.platforms, CHECKED + dt.timedelta(days=366))) == \
        len(CHECKUP.platforms) + len(SETTINGS)


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"setting__source": None}, "example.private.source", "no source"),
    ({"setting__checked": None}, "example.private.checked", "no checked"),
    ({"setting__why": ""}, "example.private.why", "no why"),
    ({"setting__audience": None}, "example.private.audience", "no audience"),
    ({"setting__audience": ["kids"]}, "example.private.audience", "unknown audience"),
    ({"setting__checked": "last week"}, "example.private.checked", "not a date"),
    ({"setting__source": "help page"}, "example.private.source", "web address"),
    ({"setting__verified": False}, "example.private.note", "no note"),
    ({"setting__colour": "red"}, "example.private.colour", "unknown field"),
    ({"platform__source": None}, "example.source", "no source"),
    ({"platform__checked": None}, "example.checked", "no checked"),
    ({"platform__audience": None}, "example.audience", "no audience"),
])
def test_schema_refuses_entries_without_what_they_need(changes: dict[str, Any], field: str,
                                                        words: str) -> None:
    with pytest.raises(InputError) as err:
        parse_checkup(_entry(**changes))
    assert err.value.field == field
    assert words in err.value.message
    assert err.value.file == "checkup.yaml"


def test_unverified_entry_with_a_note_is_accepted() -> None:
    parsed = parse_checkup(_entry(setting__verified=False, setting__note="Page not read."))
    assert parsed.platforms[0].settings[0].note == "Page not read."


def test_ticks_round_trip_through_a_private_local_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / "checkup.json"
    assert load_ticks(path) == frozenset()
    save_ticks(path, {"instagram.private_account", "x.find_by_phone_email"})
    assert load_ticks(path) == {"instagram.private_account", "x.find_by_phone_email"}
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("text", ["{not json", '{"ticked": "all"}', "[]"])
def test_a_damaged_ticks_file_is_a_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "checkup.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_ticks(path)
    assert err.value.file == str(path) and "delete the file" in (err.value.hint or "")


def test_unknown_tick_ids_are_refused_by_name() -> None:
    assert checked_ticks(["snapchat.ghost_mode"], CHECKUP.keys()) == {"snapchat.ghost_mode"}
    with pytest.raises(UsageError) as err:
        checked_ticks(["snapchat.ghost_mode", "snapchat.nope"], CHECKUP.keys())
    assert "snapchat.nope" in err.value.message
