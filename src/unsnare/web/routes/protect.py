"""Protect my images: hash pictures and videos on this machine; explain Take It Down and StopNCII.

Files are read in memory, hashed and forgotten; nothing is sent over the
network. Only when the person asks is the list of hashes (never the files)
saved into their case.
"""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, RedirectResponse

from unsnare import hashing
from unsnare.errors import HashingError, InputError, UsageError
from unsnare.evidence.records import IntakeKind
from unsnare.media import is_video_name
from unsnare.web import casefile
from unsnare.web.deps import FormSessionDep
from unsnare.web.render import page
from unsnare.web.uploads import Upload, safe_name

router = APIRouter()


def hash_upload(name: str, data: bytes) -> dict[str, Any]:
    """The hashes of one file: PDQ for pictures, SHA-256 and MD5 for everything."""
    if is_video_name(name):
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
    # Kept in memory (hashes only) so that "Save to my case" can store the list.
    session.hashes[:] = [r for r in results if not r["error"]]
    return page(request, "protect.html", results=results, can_save=bool(session.hashes),
                status_message="flash.fingerprints_made")


def fingerprint_csv(results: list[dict[str, Any]]) -> bytes:
    """The hash list as CSV (one row per file), as it goes into the case."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["file", "kind", "sha256", "md5", "pdq", "pdq_quality"])
    for r in results:
        writer.writerow([r["name"], r["kind"], r["sha256"], r["md5"], r["pdq"] or "",
                         "" if r["quality"] is None else r["quality"]])
    return out.getvalue().encode("utf-8")


@router.post("/protect/save")
def save_hashes(session: FormSessionDep) -> RedirectResponse:
    """Keep the hash list just made as a file in the open case (never the pictures)."""
    if not session.hashes:
        raise UsageError("There is no list of fingerprints to save.",
                         hint="Make the fingerprints first, then press Save to my case.")
    name = f"image-fingerprints-{datetime.now():%Y%m%d-%H%M%S}.csv"
    casefile.add_uploads(session, [Upload(name, fingerprint_csv(session.hashes))],
                         IntakeKind.FILE)
    session.hashes.clear()
    return RedirectResponse("/case?done=fingerprints", status_code=303)
