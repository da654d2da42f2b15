"""Chat screenshots become messages: text read, sides right, every message linked to the picture."""

from __future__ import annotations

import hashlib
import io
import socket
from datetime import datetime
from difflib import SequenceMatcher
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from support.chatshot import (
    DARK,
    DARK_SCRIPT,
    PAGE,
    THREAT_SCRIPT,
    WHATSAPP,
    Chatshot,
    DrawnTextReader,
    Line,
    Theme,
    as_phone_jpeg,
    draw_chat,
    draw_labelled_chat,
    solid_png,
)
from unsnare.errors import InputError, UsageError
from unsnare.imaging.ocr import RapidOcrReader, bundled_ocr_models
from unsnare.imaging.screenshots import ScreenshotReader, read_screenshot
from unsnare.models import Conversation, MessageKind

LIGHT_SHOT = draw_chat("Jayden Mills", "@jaydn.mills_22", THREAT_SCRIPT)
DARK_SHOT = draw_chat(
    "Alex Rivera", None, DARK_SCRIPT, theme=DARK, times_inside=True, status_time="22:17"
)

LIGHT_EXPECTED = [
    ("other", "hey you seem cool, where are you from?"),
    ("me", "lol thanks, near Leeds"),
    ("other", "I saved your pics. Pay 200 pounds or I send them to all your followers"),
    ("me", "please dont do this"),
]
DARK_EXPECTED = [
    ("other", "send me 50 on cashapp now"),
    ("me", "i dont have that much money"),
    (None, "Alex took a screenshot"),
    ("other", "then ask your parents. you have one hour or everyone sees it"),
]


def _read(shot: Chatshot, reader: ScreenshotReader, tz: str | None = None) -> Conversation:
    return reader.read(
        shot.png, name="shot.png", sha256=hashlib.sha256(shot.png).hexdigest(), tz=tz
    )


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.lower(), b.lower()).ratio()


CASES = [
    ("light", LIGHT_SHOT, LIGHT_EXPECTED, "Jayden Mills", "@jaydn.mills_22"),
    ("dark", DARK_SHOT, DARK_EXPECTED, "Alex Rivera", None),
]


WHATSAPP_SHOT = draw_chat(
    "Jayden Mills", "last seen today at 21:01", THREAT_SCRIPT, theme=WHATSAPP, times_inside=True
)
INSTAGRAM_SHOT = draw_chat("Jayden Mills", "jaydn.mills_22", THREAT_SCRIPT)
LAYOUT_CASES = [
    *CASES,
    ("header bar", WHATSAPP_SHOT, LIGHT_EXPECTED, "Jayden Mills", None),
    ("username without @", INSTAGRAM_SHOT, LIGHT_EXPECTED, "Jayden Mills", "jaydn.mills_22"),
]


@pytest.mark.parametrize(
    ("label", "shot", "expected", "name", "handle"), LAYOUT_CASES, ids=[c[0] for c in LAYOUT_CASES]
)
def test_layout_gives_sides_and_header(
    label: str,
    shot: Chatshot,
    expected: list[tuple[str | None, str]],
    name: str,
    handle: str | None,
) -> None:
    convo = _read(shot, ScreenshotReader(DrawnTextReader(shot)))
    assert [(m.sender, m.text) for m in convo.messages] == expected
    other = convo.participant("other")
    assert other is not None and other.name == name and other.handle == handle
    owner = convo.participant("me")
    assert owner is not None and owner.is_owner
    assert (convo.platform, convo.format, convo.title) == ("screenshot", "screenshot-ocr", name)


@pytest.mark.parametrize(
    ("label", "shot", "expected", "name", "handle"), LAYOUT_CASES, ids=[c[0] for c in LAYOUT_CASES]
)
@pytest.mark.parametrize(
    ("quality", "scale"), [(60, 1.0), (50, 1.828)], ids=["jpeg60", "phone-jpeg50"]
)
def test_lossy_and_resized_screenshots_keep_their_layout(
    label: str,
    shot: Chatshot,
    expected: list[tuple[str | None, str]],
    name: str,
    handle: str | None,
    quality: int,
    scale: float,
) -> None:
    data = as_phone_jpeg(shot, quality=quality, scale=scale)
    reader = ScreenshotReader(DrawnTextReader(shot, scale=scale))
    convo = reader.read(data, name="shot.jpg", sha256=hashlib.sha256(data).hexdigest())
    assert [(m.sender, m.text) for m in convo.messages] == expected
    assert "side-unknown" not in {w.code for w in convo.warnings}


def test_messages_link_back_to_the_image() -> None:
    convo = _read(LIGHT_SHOT, ScreenshotReader(DrawnTextReader(LIGHT_SHOT)))
    digest = hashlib.sha256(LIGHT_SHOT.png).hexdigest()
    assert convo.source_files[0].sha256 == digest and convo.source_files[0].size == len(
        LIGHT_SHOT.png
    )
    for message in convo.messages:
        assert message.source.file_sha256 == digest
        assert message.source.file_name == "shot.png"
        assert message.source.path is not None and message.source.path.startswith("ocr box")
    assert len({m.id for m in convo.messages}) == len(convo.messages)


@pytest.mark.parametrize(
    ("tz", "zone", "assumed"), [(None, "UTC", True), ("Europe/London", "Europe/London", False)]
)
def test_date_line_and_times_become_timestamps(tz: str | None, zone: str, assumed: bool) -> None:
    convo = _read(LIGHT_SHOT, ScreenshotReader(DrawnTextReader(LIGHT_SHOT)), tz=tz)
    assert convo.messages[0].timestamp == datetime(2026, 11, 14, 21, 2, tzinfo=ZoneInfo(zone))
    assert convo.messages[3].timestamp == datetime(2026, 11, 14, 21, 6, tzinfo=ZoneInfo(zone))
    assert (convo.timezone, convo.timezone_assumed) == (zone, assumed)


def test_a_day_line_without_a_date_stops_the_earlier_date() -> None:
    script = [
        Line("centre", "14 Nov 2026"),
        Line("left", "hey", "21:02"),
        Line("centre", "Today 09:15"),
        Line("left", "you saw my message. pay now", "09:15"),
    ]
    shot = draw_chat("Jayden Mills", None, script)
    convo = _read(shot, ScreenshotReader(DrawnTextReader(shot)))
    assert [m.text for m in convo.messages] == ["hey", "you saw my message. pay now"]
    assert convo.messages[0].timestamp is not None
    assert convo.messages[1].timestamp is None
    assert any("Today 09:15" in note for note in convo.notes)
    assert "time-without-date" in {w.code for w in convo.warnings}


def test_times_without_a_date_are_kept_in_a_warning() -> None:
    convo = _read(DARK_SHOT, ScreenshotReader(DrawnTextReader(DARK_SHOT)))
    assert all(m.timestamp is None for m in convo.messages)
    (warning,) = [w for w in convo.warnings if w.code == "time-without-date"]
    assert "22:14" in warning.message and "22:16" in warning.message
    # The time drawn inside a bubble is not part of the message text.
    assert "PM" not in convo.messages[0].text


def test_system_line_and_colour_decided_side() -> None:
    convo = _read(DARK_SHOT, ScreenshotReader(DrawnTextReader(DARK_SHOT)))
    assert convo.messages[2].kind is MessageKind.SYSTEM
    assert any("bubble colour" in note for note in convo.notes)


def test_a_side_the_layout_cannot_show_is_unknown_with_a_warning() -> None:
    shot = draw_chat(
        "Sam",
        None,
        [Line("left", "you know what happens if you block me, think about it", wide=True)],
    )
    convo = _read(shot, ScreenshotReader(DrawnTextReader(shot)))
    (message,) = convo.messages
    assert message.sender == "unknown"
    assert convo.participant("unknown") is not None
    assert [w.code for w in convo.warnings] == ["side-unknown"]
    assert convo.warnings[0].path == message.source.path


def test_without_bubbles_speaker_labels_name_the_sender() -> None:
    script = [
        Line("left", "add me on the other app"),
        Line("left", "u there?"),
        Line("right", "who is this"),
        Line("right", "Riley"),  # a message that is just a name stays a message
        Line("left", "I have your photos"),
    ]
    shot = draw_labelled_chat("Riley Stone", script)
    convo = _read(shot, ScreenshotReader(DrawnTextReader(shot)))
    assert [(m.sender, m.text) for m in convo.messages] == [
        ("other", "add me on the other app"),
        ("other", "u there?"),
        ("me", "who is this"),
        ("me", "Riley"),
        ("other", "I have your photos"),
    ]
    assert "no-bubbles" in {w.code for w in convo.warnings}
    assert "side-unknown" not in {w.code for w in convo.warnings}


def test_without_bubbles_or_labels_left_text_is_not_guessed_to_be_theirs() -> None:
    plain = Theme(theirs=PAGE, mine=PAGE, my_ink=(0, 0, 0))
    script = [Line("left", "you have one hour"), Line("left", "then everyone sees it")]
    shot = draw_chat("Sam", None, script, theme=plain)
    convo = _read(shot, ScreenshotReader(DrawnTextReader(shot)))
    assert [m.sender for m in convo.messages] == ["unknown", "unknown"]
    assert [w.code for w in convo.warnings].count("side-unknown") == 2


def test_without_bubbles_text_on_both_sides_keeps_its_sides() -> None:
    plain = Theme(theirs=PAGE, mine=PAGE, my_ink=(0, 0, 0))
    shot = draw_chat("Jayden Mills", "@jaydn.mills_22", THREAT_SCRIPT, theme=plain)
    convo = _read(shot, ScreenshotReader(DrawnTextReader(shot)))
    assert [(m.sender, m.text) for m in convo.messages] == LIGHT_EXPECTED
    assert convo.messages[3].timestamp is not None


def test_low_ocr_confidence_is_flagged() -> None:
    low = frozenset({"lol thanks, near Leeds"})
    convo = _read(LIGHT_SHOT, ScreenshotReader(DrawnTextReader(LIGHT_SHOT, low=low)))
    flagged = [w for w in convo.warnings if w.code == "low-ocr-confidence"]
    assert len(flagged) == 1 and "Leeds" in flagged[0].message
    assert flagged[0].path == convo.messages[1].source.path


def test_a_picture_without_text_says_so() -> None:
    data = solid_png()
    convo = read_screenshot(
        data,
        name="blank.png",
        sha256=hashlib.sha256(data).hexdigest(),
        reader=ScreenshotReader(_NoText()),
    )
    assert convo.messages == ()
    assert {w.code for w in convo.warnings} >= {"no-messages"}


class _NoText:
    engine = "nothing"

    def read(self, image: Image.Image) -> list[Any]:
        return []


@pytest.mark.parametrize(
    ("data", "sha", "tz", "error"),
    [
        (b"not an image", hashlib.sha256(b"not an image").hexdigest(), None, InputError),
        (LIGHT_SHOT.png, "0" * 64, None, InputError),
        (LIGHT_SHOT.png, hashlib.sha256(LIGHT_SHOT.png).hexdigest(), "Mars/Olympus", UsageError),
    ],
    ids=["unreadable", "wrong-sha256", "bad-tz"],
)
def test_bad_input_is_a_clear_error(
    data: bytes, sha: str, tz: str | None, error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        read_screenshot(data, name="x.png", sha256=sha, tz=tz, reader=ScreenshotReader(_NoText()))
    assert caught.value.hint  # type: ignore[attr-defined]


# Real OCR on two small generated screenshots. The engine loads once, from the package.


@pytest.fixture(scope="module")
def ocr() -> ScreenshotReader:
    """A real reader whose models load, with the network forbidden, from the rapidocr package."""

    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("OCR tried to use the network")

    reader = RapidOcrReader(intra_op_num_threads=1)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", no_network)
        mp.setattr(socket, "create_connection", no_network)
        mp.setattr("rapidocr.utils.download_file.DownloadFile.run", no_network)
        tiny = io.BytesIO()
        Image.new("RGB", (120, 40), (255, 255, 255)).save(tiny, format="PNG")
        reader.read(Image.open(tiny))
    assert reader.loaded
    return ScreenshotReader(reader)


def test_ocr_models_come_from_the_package() -> None:
    det, rec = bundled_ocr_models()
    assert "rapidocr" in det.parts and det.suffix == ".onnx" and rec.is_file()


@pytest.mark.parametrize(
    ("label", "shot", "expected", "name", "handle"), CASES, ids=[c[0] for c in CASES]
)
def test_real_ocr_reads_text_and_sides(
    ocr: ScreenshotReader,
    label: str,
    shot: Chatshot,
    expected: list[tuple[str | None, str]],
    name: str,
    handle: str | None,
) -> None:
    convo = _read(shot, ocr)
    got = [(m.sender, m.text) for m in convo.messages]
    assert [s for s, _ in got] == [s for s, _ in expected], got
    for (_, text), (_, want) in zip(got, expected, strict=True):
        assert _similar(text, want) >= 0.85, (text, want)
    other = convo.participant("other")
    assert other is not None and _similar(other.name, name) >= 0.85
    assert (other.handle is None) == (handle is None)
