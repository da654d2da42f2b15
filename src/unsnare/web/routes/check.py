"""Check a conversation: upload an export or screenshots, or paste text, then the report."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, RedirectResponse, Response

from unsnare import importers
from unsnare.errors import UsageError
from unsnare.evidence.records import IntakeKind
from unsnare.web import casefile, i18n, jobs, reportview, zones
from unsnare.web.deps import FormSessionDep, SessionDep, StoreDep
from unsnare.web.render import page
from unsnare.web.routes import help
from unsnare.web.sessions import SessionStore, WebSession
from unsnare.web.uploads import Upload, from_text, from_uploads

router = APIRouter()

# Uploads up to this size stay in memory with their report, so that they can be
# saved to the case afterwards without uploading them again.
KEEP_BYTES = 50 * 1024 * 1024


# Export formats as people know them (the importer names are for the command line).
FORMAT_WORDS = {
    "csv": "A table (CSV file)",
    "discord": "Discord chat export (DiscordChatExporter)",
    "discord-package": "Discord data download",
    "instagram": "Instagram data download",
    "messenger": "Facebook Messenger data download",
    "plaintext": "Plain text file",
    "snapchat": "Snapchat data download",
    "telegram": "Telegram export",
    "whatsapp": "WhatsApp \"Export chat\" file",
}
# Where a conversation came from, when it is not an app's name: message ids.
PLATFORM_WORDS = {"text": "source.text", "screenshot": "source.screenshot", "email": "source.email"}


def formats() -> list[str]:
    """Export formats the importers know, for the optional "format" choice."""
    return sorted(importers.available_formats())


@router.get("/check", response_class=HTMLResponse)
def check_form(request: Request) -> HTMLResponse:
    """The upload and paste forms."""
    return page(request, "check.html", formats=formats(), zone_names=zones.zone_names(),
                format_words=FORMAT_WORDS)


@router.post("/check/upload")
async def check_upload(
    request: Request,
    session: FormSessionDep,
    store: StoreDep,
    files: Annotated[list[UploadFile] | None, File()] = None,
    format: Annotated[str, Form()] = "",
    tz: Annotated[str, Form()] = "",
    save_to_case: Annotated[str, Form()] = "",
) -> Response:
    """Read the uploaded export or screenshots and show the report."""
    uploads = [Upload(f.filename or "", await f.read()) for f in files or []]
    # The zone named here goes with the files into the case, so times never shift.
    zone = zones.parse_zone(tz, required=False)  # a mistyped zone is named before any reading
    save = bool(save_to_case) and session.unlocked
    reader = request.app.state.screenshot_reader

    def work(progress: jobs.Progress | None = None) -> str:
        return _read_and_remember(session, store, uploads, format or None, zone, save, reader,
                                  progress)

    named = [u for u in uploads if u.name]
    if named and all(u.is_image for u in named) and not format:
        # Reading screenshots takes seconds each: show progress while it runs.
        job = request.app.state.jobs.start(session.id, "screenshots", len(named), work)
        return RedirectResponse(f"/working/{job.id}", status_code=303)
    # Reading and analysis can take seconds: keep them off the event loop.
    return RedirectResponse(await run_in_threadpool(work), status_code=303)


def _read_and_remember(
    session: WebSession, store: SessionStore, uploads: list[Upload], fmt: str | None,
    zone: str | None, save: bool, reader: Any, progress: jobs.Progress | None,
) -> str:
    """Read and analyse the uploads, keep or save the originals; the report's address."""
    views, _ = from_uploads(uploads, fmt, zone, reader, progress)
    if zone is not None:
        views = [dataclasses.replace(v, zone_given=True) for v in views]
    kind = IntakeKind.SCREENSHOT if all(u.is_image for u in uploads) else IntakeKind.EXPORT
    if save:
        casefile.add_uploads(session, uploads, kind, zone)
    keep = None
    if not save and sum(len(u.data) for u in uploads) <= KEEP_BYTES:
        keep = (tuple(uploads), kind, zone)
    ids = [store.remember_report(session, v, keep) for v in views]
    if len(ids) == 1:
        return f"/check/report/{ids[0]}"
    return "/check/reports?ids=" + ",".join(ids)


@router.post("/check/text")
def check_text(
    session: FormSessionDep,
    store: StoreDep,
    text: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Analyse pasted text or an email and show the report."""
    view = from_text(text)
    pasted = (Upload("pasted-text.txt", text.encode("utf-8")),)
    report_id = store.remember_report(session, view, (pasted, "auto", None))
    return RedirectResponse(f"/check/report/{report_id}", status_code=303)


@router.get("/check/reports", response_class=HTMLResponse)
def choose_report(request: Request, session: SessionDep, ids: str = "") -> HTMLResponse:
    """The export held several conversations: pick one."""
    views = [(i, session.reports[i]) for i in ids.split(",") if i in session.reports]
    if not views:
        raise HTTPException(404)
    return page(request, "reports.html", views=views)


@router.get("/check/report/{report_id}", response_class=HTMLResponse)
def show_report(
    request: Request, session: SessionDep, report_id: str, page_number: int = 1
) -> HTMLResponse:
    """The report: risk in plain words, stage, messages that matter, identifiers, next steps."""
    view = session.reports.get(report_id)
    if view is None:
        raise HTTPException(404)
    pages = view.pages
    number = min(max(1, page_number), pages)
    crisis = view.analysis.needs_crisis_help()
    return page(
        request, "report.html", view=view, report=view.report, report_id=report_id,
        zone_given=view.zone_given,
        platform_words=PLATFORM_WORDS,
        items=view.page(number), page_number=number, pages=pages,
        can_save=report_id in session.originals,
        zone_names=zones.zone_names(),
        ask_zone=view.timezone_assumed and report_id in session.originals
        and session.originals[report_id][2] is None,
        stage_order=reportview.STAGES,
        safety_first=crisis,
        crisis_services=help.crisis_services(
            help.services("international", None, i18n.choose(request)[0]))
        if crisis else [],
    )


@router.post("/check/report/{report_id}/save")
async def save_report_files(
    session: FormSessionDep, report_id: str, tz: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Add the files behind a report to the open case (once), with their time zone."""
    if report_id not in session.reports:
        raise HTTPException(404)
    kept = session.originals.get(report_id)
    if kept is None:
        raise UsageError("These files are already in your case, or were too big to keep.",
                         hint="Add them on My case with \"Add to my case\".")
    uploads, kind, zone = kept
    if zone is None and tz.strip():
        zone = zones.parse_zone(tz)
    await run_in_threadpool(casefile.add_uploads, session, uploads, kind, zone)
    # The same files can stand behind several reports (one export, several chats).
    for key in [k for k, v in session.originals.items() if v is kept]:
        del session.originals[key]
    return RedirectResponse("/case?done=added", status_code=303)
