"""Attachments: a media type from a file name, and the file's hash when the export holds it."""

from __future__ import annotations

from pathlib import PurePosixPath

from unsnare.importers.source import ExportSource
from unsnare.models import Attachment

# A small fixed table instead of `mimetypes`, whose answers depend on files
# installed on the machine; exports use a handful of extensions.
_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "heic": "image/heic",
    "heif": "image/heif",
    "bmp": "image/bmp",
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "3gp": "video/3gpp",
    "webm": "video/webm",
    "mkv": "video/x-matroska",
    "opus": "audio/ogg",
    "ogg": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "aac": "audio/aac",
    "wav": "audio/wav",
    "pdf": "application/pdf",
    "vcf": "text/vcard",
    "txt": "text/plain",
    "zip": "application/zip",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def media_type(file_name: str) -> str | None:
    """The media type implied by a file name's extension, if we know it."""
    ext = PurePosixPath(file_name).suffix.lower().lstrip(".")
    return _TYPES.get(ext)


def attachment_for(
    src: ExportSource, file_name: str, member: str | None, media: str | None = None
) -> Attachment:
    """An `Attachment`, hashed when `member` is a file inside the export."""
    if member is not None and src.has(member):
        return Attachment(
            file_name=file_name,
            media_type=media or media_type(file_name),
            present=True,
            sha256=src.sha256(member),
            size=src.size(member),
        )
    return Attachment(file_name=file_name, media_type=media or media_type(file_name), present=False)
