"""The outside helpers intake uses (nudity check, image hashes, OCR, importers,
analysis), gathered in one injectable `Toolkit`.

The defaults import their modules only when first called, so the locker works
(and fails safe) while a helper is missing: an image that cannot be checked is
never stored. Tests pass fakes, so they never need an explicit image.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unsnare.models import Conversation


class ToolUnavailable(Exception):
    """A helper module is not installed or cannot run here (internal)."""


@dataclass(frozen=True)
class ImageVerdict:
    """The nudity check's decision about one image."""

    explicit: bool
    score: float
    model: str
    note: str


@dataclass(frozen=True)
class ExportReading:
    """What an importer made of an export file."""

    format: str
    conversations: tuple[Conversation, ...]
    warnings: tuple[str, ...] = ()


def _load(module: str, name: str, what: str) -> Any:
    """Import a helper only when it is first needed (its module may not exist yet)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise ToolUnavailable(f"{what} is not available ({exc})") from None


def _check_image(data: bytes, name: str, cache: dict[str, Any] | None = None) -> ImageVerdict:
    nudity = _load("unsnare.imaging.nudity", "is_explicit", "the nudity check")
    classifier = None
    if cache is not None:
        # One loaded model per toolkit: loading it costs seconds, checking milliseconds.
        if "classifier" not in cache:
            cache["classifier"] = _load("unsnare.imaging.nudity", "NudityClassifier",
                                        "the nudity check")()
        classifier = cache["classifier"]
    verdict = nudity(data, name=name, classifier=classifier)
    return ImageVerdict(verdict.explicit, verdict.score, verdict.model, verdict.note())


def _hash_image(data: bytes, name: str) -> dict[str, Any]:
    hash_image_bytes = _load("unsnare.hashing.pdq", "hash_image_bytes", "image hashing")
    hashes = hash_image_bytes(data, name=name)
    return {"pdq": hashes.pdq, "pdq_quality": hashes.quality, "media_type": hashes.media_type}


def _read_screenshot(
    data: bytes, name: str, sha256: str, cache: dict[str, Any] | None = None
) -> Conversation:
    read_screenshot = _load("unsnare.imaging.screenshots", "read_screenshot", "screenshot reading")
    reader = None
    if cache is not None:
        if "reader" not in cache:
            cache["reader"] = _load("unsnare.imaging.screenshots", "ScreenshotReader",
                                    "screenshot reading")()
        reader = cache["reader"]
    result: Conversation = read_screenshot(data, name=name, sha256=sha256, reader=reader)
    return result


def _read_export(path: Path, fmt: str | None, tz: str | None) -> ExportReading:
    read_export = _load("unsnare.importers", "read_export", "the chat importers")
    result = read_export(path, format=fmt, tz=tz)
    warnings = tuple(
        f"{w.where()}: {w.message}" if hasattr(w, "where") else str(w)
        for w in getattr(result, "warnings", ())
    )
    return ExportReading(str(result.format), tuple(result.conversations), warnings)


def _analyze(conversation: Conversation) -> dict[str, Any]:
    analyze = _load("unsnare.analysis", "analyze", "the analysis")
    report: dict[str, Any] = analyze(conversation).to_dict()
    return report


@dataclass(frozen=True)
class Toolkit:
    """The helpers intake calls; replace any of them (tests pass fakes)."""

    check_image: Callable[[bytes, str], ImageVerdict] = field(default=_check_image)
    hash_image: Callable[[bytes, str], dict[str, Any]] = field(default=_hash_image)
    read_screenshot: Callable[[bytes, str, str], Conversation] = field(default=_read_screenshot)
    read_export: Callable[[Path, str | None, str | None], ExportReading] = field(
        default=_read_export
    )
    analyze: Callable[[Conversation], dict[str, Any]] = field(default=_analyze)


def default_toolkit() -> Toolkit:
    """The real helpers, each loading its model once per toolkit (not per image)."""
    cache: dict[str, Any] = {}
    return Toolkit(
        check_image=lambda data, name: _check_image(data, name, cache),
        read_screenshot=lambda data, name, sha: _read_screenshot(data, name, sha, cache),
    )


def file_digests(data: bytes) -> tuple[str, str]:
    """SHA-256 and MD5 (hex) of some bytes."""
    return hashlib.sha256(data).hexdigest(), hashlib.md5(data, usedforsecurity=False).hexdigest()
