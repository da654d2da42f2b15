"""Media kinds and the file suffixes that name them: the one home of these facts.

Intake, the web upload form, the hasher and the analysis all decide "is this
a picture or a video?" from a name; they read the answer here.
"""

from __future__ import annotations

from enum import StrEnum


class MediaKind(StrEnum):
    """What a file holds, as far as evidence intake cares."""

    IMAGE = "image"
    VIDEO = "video"
    ZIP = "zip"
    OTHER = "other"


IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".bmp"})
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".avi", ".mkv", ".webm", ".3gp", ".wmv"})

# Folder walks of `unsnare hash` pick these pictures: BMP has never been among
# them, and adding it would change which files a run hashes (its own change).
HASHED_IMAGE_SUFFIXES = IMAGE_SUFFIXES - {".bmp"}

# An attachment named like this means a picture or video was sent, for the
# analysis. A narrower list than the two above; widening it changes what the
# detectors see, so that belongs with detection work, measured by `unsnare eval`.
SENT_MEDIA_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".gif", ".webp", ".mp4", ".mov")

VIDEO_TYPES = {
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".mov": "video/quicktime",
    ".webm": "video/webm",
    ".mkv": "video/x-matroska",
    ".avi": "video/x-msvideo",
    ".3gp": "video/3gpp",
    ".wmv": "video/x-ms-wmv",
}


def is_image_name(name: str) -> bool:
    """True when the name says picture (a screenshot, a photo)."""
    return name.lower().endswith(tuple(IMAGE_SUFFIXES))


def is_video_name(name: str) -> bool:
    """True when the name says video."""
    return name.lower().endswith(tuple(VIDEO_SUFFIXES))
