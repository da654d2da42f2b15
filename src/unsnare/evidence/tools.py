"""The outside helpers intake uses (nudity check, image hashes, OCR, importers,
analysis), gathered in one injectable `Toolkit`.

Tests pass fakes, so they never need an explicit image. The nudity and OCR
models are loaded by their classes on first use, not at import.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unsnare import analysis, importers
from unsnare.hashing.pdq import hash_image_bytes
from unsnare.imaging import nudity, screenshots
from unsnare.importers.memory import MemorySource
from unsnare.importers.source import ExportSource
from unsnare.models import Conversation


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


def _check_image(data: bytes, name: str, cache: dict[str, Any] | None = None) -> ImageVerdict:
    classifier = None
    if cache is not None:
        # One loaded model per toolkit: loading it costs seconds, checking milliseconds.
        if "classifier" not in cache:
            cache["classifier"] = nudity.NudityClassifier()
        classifier = cache["classifier"]
    verdict = nudity.is_explicit(data, name=name, classifier=classifier)
    return ImageVerdict(verdict.explicit, verdict.score, verdict.model, verdict.note())


def _hash_image(data: bytes, name: str) -> dict[str, Any]:
    hashes = hash_image_bytes(data, name=name)
    return {"pdq": hashes.pdq, "pdq_quality": hashes.quality, "media_type": hashes.media_type}


def _read_screenshot(
    data: bytes, name: str, sha256: str, cache: dict[str, Any] | None = None
) -> Conversation:
    reader = None
    if cache is not None:
        if "reader" not in cache:
            cache["reader"] = screenshots.ScreenshotReader()
        reader = cache["reader"]
    return screenshots.read_screenshot(data, name=name, sha256=sha256, reader=reader)


def _read_export(path: Path | ExportSource, fmt: str | None,
                 tz: str | None) -> ExportReading:
    result = importers.read_export(path, format=fmt, tz=tz)
    warnings = tuple(f"{w.where()}: {w.message}" for w in result.warnings)
    return ExportReading(str(result.format), tuple(result.conversations), warnings)


def _read_upload(name: str, data: bytes, fmt: str | None, tz: str | None) -> ExportReading:
    # Read from memory: an upload is never written to disk in clear (issue 16).
    return _read_export(MemorySource([(name, data)]), fmt, tz)


def _analyze(conversation: Conversation) -> dict[str, Any]:
    report: dict[str, Any] = analysis.analyze(conversation).to_dict()
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
    # Bytes that came without a path (a web upload): (name, data, format, zone).
    read_upload: Callable[[str, bytes, str | None, str | None], ExportReading] = field(
        default=_read_upload
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
