"""Protect my images: hash pictures and videos on this machine; explain Take It Down and StopNCII.

Files are read in memory, hashed and forgotten: nothing is written to the
case or anywhere else, and nothing is sent over the network.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse

from unsnare import hashing
from unsnare.errors import HashingError, InputError
from unsnare.hashing.pdq import VIDEO_SUFFIXES
from unsnare.web.deps import FormSessionDep
from unsnare.web.intake import safe_name
from unsnare.web.render import page

router = APIRouter()


def hash_upload(name: str, data: bytes) -> dict[str, Any]:
    """The hashes of one file: PDQ for pictures, SHA-256 and MD5 for everything."""
    if name.lower().endswith(tuple(VIDEO_SUFFIXES)):
        # Videos get exact hashes only (as `hash_file` does), computed in memory.
        return {
            "name": name, "kind": "video",
            "sha256": hashlib.sha256(data).hexdigest(),
            "md5": hashlib.md5(data, usedforsecurity=False).hexdigest(),
            "pdq": None, "quality": None, "low_quality": False, "error": None,
        }
    try:
        h = hashing.hash_image_bytes(data, name=name)
    except HashingError as exc:
        return {"name": name, "kind": "unknown", "error": exc.message, "sha256": None,
                "md5": None, "pdq": None, "quality": None, "low_quality": False}
    return {
        "name": name, "kind": "picture", "sha256": h.sha256, "md5": h.md5, "pdq": h.pdq,
        "quality": h.quality, "low_quality": h.low_quality, "error": None,
    }


@router.get("/protect", response_class=HTMLResponse)
def protect_form(request: Request) -> HTMLResponse:
    """Explain image protection and offer to hash files here."""
    return page(request, "protect.html", results=None)


@router.post("/protect", response_class=HTMLResponse)
async def protect_hash(
    request: Request,
    session: FormSessionDep,
    files: Annotated[list[UploadFile] | None, File()] = None,
) -> HTMLResponse:
    """Hash the chosen files and show the hashes (nothing is kept)."""
    chosen = [f for f in files or [] if f.filename]
    if not chosen:
        raise InputError("No picture or video was chosen.", field="files",
                         hint="Choose one or more files, then press Make the hashes.")
    results = []
    for f in chosen:
        data = await f.read()
        await f.close()
        results.append(await run_in_threadpool(hash_upload, safe_name(f.filename or "file"), data))
        del data
    return page(request, "protect.html", results=results,
                status_message=f"Made hashes for {len(results)} file(s). Nothing was kept.")
