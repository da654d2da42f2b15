"""Reading text off a picture on this device, behind a small interface.

The default reader is RapidOCR (Apache-2.0) on onnxruntime with the PP-OCR
detection and recognition models that ship inside the `rapidocr` wheel. We
pass those files by path, so RapidOCR's download-on-first-use is never reached.
The interface (`TextReader`) lets tests and other engines supply boxes directly.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Protocol

from PIL import Image

from unsnare.errors import UnsnareError

# Boxes below this recognition score are dropped by the engine itself. RapidOCR's
# default (0.5) would silently lose faint text; we keep more and warn instead.
ENGINE_MIN_SCORE = 0.3

# Pictures taller than this many widths are read in overlapping slices. Ordinary
# phone screenshots (up to about 2.2:1) are read whole: slicing them would double the work.
TILE_RATIO = 3

_DET_MODEL = "PP-OCRv6_det_small.onnx"
_REC_MODEL = "PP-OCRv6_rec_small.onnx"


def tile_bounds(height: int, width: int) -> list[tuple[int, int, int, int]]:
    """Slices of a tall picture as (top, bottom, keep_from, keep_to) rows.

    RapidOCR shrinks pictures to 2000 pixels on their long side; a scrolling
    screenshot eight screens tall would shrink until its text is unreadable.
    So pictures taller than TILE_RATIO times their width are read in slices
    that overlap by more than any line is tall.
    """
    tile = TILE_RATIO * width
    if height <= tile:
        return [(0, height, 0, height)]
    overlap = max(160, width // 4)
    step = tile - overlap
    tops = list(range(0, height - overlap, step))
    bounds = []
    for i, top in enumerate(tops):
        bottom = min(top + tile, height)
        keep_from = 0 if i == 0 else top + overlap // 2
        keep_to = height if i == len(tops) - 1 else top + step + overlap // 2
        bounds.append((top, bottom, keep_from, keep_to))
    return bounds


@dataclass(frozen=True, slots=True)
class OcrBox:
    """One run of text the OCR found: its words, confidence and upright rectangle in pixels."""

    text: str
    score: float
    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def height(self) -> int:
        """Height in pixels."""
        return self.y1 - self.y0

    @property
    def centre_y(self) -> float:
        """Vertical middle in pixels."""
        return (self.y0 + self.y1) / 2


class TextReader(Protocol):
    """Anything that finds text in a picture."""

    @property
    def engine(self) -> str:
        """A name and version for the OCR engine, recorded with what it read."""
        ...

    def read(self, image: Image.Image) -> list[OcrBox]:
        """Every text box in the picture, in any order."""
        ...


def bundled_ocr_models() -> tuple[Path, Path]:
    """Where the detection and recognition models sit inside the installed rapidocr package."""
    try:
        models = Path(str(resources.files("rapidocr").joinpath("models")))
    except ModuleNotFoundError as exc:
        raise _missing("the rapidocr package is not installed") from exc
    det, rec = models / _DET_MODEL, models / _REC_MODEL
    for path in (det, rec):
        if not path.is_file():
            raise _missing(f"{path} is missing")
    return det, rec


def _missing(why: str) -> UnsnareError:
    return UnsnareError(
        f"Reading screenshots on this device cannot start: {why}.",
        hint="Reinstall Unsnare with its dependencies (pip install --force-reinstall unsnare).",
    )


class RapidOcrReader:
    """RapidOCR with the packaged PP-OCR models; builds its engine once, on first use."""

    def __init__(self, *, intra_op_num_threads: int | None = None) -> None:
        self._threads = intra_op_num_threads
        self._engine: Any = None
        self._lock = threading.RLock()
        self._name = f"RapidOCR {_version('rapidocr')} (PP-OCRv6 small)"

    @property
    def engine(self) -> str:
        """The OCR engine's name and version."""
        return self._name

    @property
    def loaded(self) -> bool:
        """Whether the engine has been built yet."""
        return self._engine is not None

    def load(self) -> None:
        """Build the engine now (it otherwise builds on the first read)."""
        self._ensure_engine()

    def read(self, image: Image.Image) -> list[OcrBox]:
        """Every text box RapidOCR finds in the picture, reading tall pictures in slices."""
        rgb = image.convert("RGB")
        found: list[OcrBox] = []
        for top, bottom, keep_from, keep_to in tile_bounds(rgb.height, rgb.width):
            for box in self._read_region(rgb, top, bottom):
                moved = OcrBox(box.text, box.score, box.x0, box.y0 + top, box.x1, box.y1 + top)
                # Overlapping slices see some lines twice; each line belongs to the
                # slice whose middle band holds its centre.
                if keep_from <= moved.centre_y < keep_to:
                    found.append(moved)
        return found

    def _read_region(self, image: Image.Image, top: int, bottom: int) -> list[OcrBox]:
        """Boxes in rows top..bottom of the picture, in that slice's own coordinates."""
        whole = (top, bottom) == (0, image.height)
        region = image if whole else image.crop((0, top, image.width, bottom))
        engine = self._ensure_engine()
        # RapidOCR updates its own settings on every call, so calls must not overlap.
        with self._lock:
            result = engine(region)
        if result.boxes is None or result.txts is None or result.scores is None:
            return []
        boxes: list[OcrBox] = []
        for quad, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
            xs = [float(p[0]) for p in quad]
            ys = [float(p[1]) for p in quad]
            boxes.append(
                OcrBox(
                    text=str(text).strip(),
                    score=float(score),
                    x0=int(min(xs)),
                    y0=int(min(ys)),
                    x1=int(max(xs)),
                    y1=int(max(ys)),
                )
            )
        return [b for b in boxes if b.text]

    def _ensure_engine(self) -> Any:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = self._build()
        return self._engine

    def _build(self) -> Any:
        det, rec = bundled_ocr_models()
        from rapidocr import RapidOCR

        params: dict[str, Any] = {
            # Screenshots are upright; the angle classifier only costs time.
            "Global.use_cls": False,
            "Global.log_level": "error",
            "Global.text_score": ENGINE_MIN_SCORE,
            "Det.model_path": str(det),
            "Rec.model_path": str(rec),
        }
        if self._threads is not None:
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = self._threads
        try:
            engine = RapidOCR(params=params)
        except Exception as exc:  # RapidOCR raises bare exceptions of many kinds
            raise _missing(f"the OCR engine failed to start ({exc})") from exc
        # RapidOCR sets its own logger level on construction; keep it quiet.
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        return engine


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"
