"""My case: create or unlock the locker, the timeline and identifiers, add evidence,
export the sealed package and verify one."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar
from zoneinfo import ZoneInfo

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from unsnare.dates import parse_when
from unsnare.errors import InputError, UsageError
from unsnare.evidence import package
from unsnare.evidence.records import IntakeKind
from unsnare.web import casefile, zones
from unsnare.web.deps import FormSessionDep, SessionDep, SettingsDep, StoreDep
from unsnare.web.jobs import Progress
from unsnare.web.leftovers import private_tempdir
from unsnare.web.render import page
from unsnare.web.uploads import Upload, safe_name

router = APIRouter()
T = TypeVar("T")

EVENT_KINDS = (
    ("report", "A report I made (to a platform, the police or a helpline)"),
    ("payment", "A payment I made"),
    ("block", "I blocked them"),
    ("threat", "A threat they made"),
    ("demand", "A demand they made"),
    ("other", "Something else"),
)
# What the case page says after an action: message ids in web/locales.
FLASH = {key: f"flash.{key}" for key in (
    "created", "unlocked", "added", "note", "event", "fingerprints", "new", "switched",
    "deleted", "erased",
)}


# Long cases are shown a page at a time so that /case stays fast (see bench_web.py).
TIMELINE_PAGE = 100
IDENTIFIERS_PAGE = 200


def _slice(items: list[T], number: int, size: int) -> tuple[list[T], int, int]:
    pages = max(1, -(-len(items) // size))
    number = min(max(1, number), pages)
    return items[(number - 1) * size : number * size], number, pages


@router.get("/case", response_class=HTMLResponse)
def case_page(
    request: Request, session: SessionDep, settings: SettingsDep,
    done: str = "", locked: str = "", timeline_page: int = 1, identifiers_page: int = 1,
) -> HTMLResponse:
    """The case overview when open; otherwise the create or unlock form."""
    if not session.unlocked:
        return page(request, "case_locked.html",
                    exists=settings.locker_file().exists(),
                    idle=bool(locked) or session.locked_by_idle,
                    status_message=FLASH.get(done, "") if done == "erased" else "")
    view = casefile.overview(session)
    timeline, t_page, t_pages = _slice(view.timeline, timeline_page, TIMELINE_PAGE)
    identifiers, i_page, i_pages = _slice(view.identifiers, identifiers_page,
                                          IDENTIFIERS_PAGE)
    return page(
        request, "case.html",
        title=view.title, items=view.items, timeline=timeline, identifiers=identifiers,
        timeline_total=len(view.timeline), timeline_page=t_page, timeline_pages=t_pages,
        identifiers_total=len(view.identifiers), identifiers_page=i_page,
        identifiers_pages=i_pages, notes=view.notes,
        signer_fingerprint=view.signer_fingerprint,
        cases=casefile.cases(session), case_id=session.case_id,
        event_kinds=EVENT_KINDS, zone_names=zones.zone_names(),
        status_message=FLASH.get(done, ""),
    )


@router.post("/case/create")
def create_case(
    session: FormSessionDep, store: StoreDep, settings: SettingsDep,
    passphrase: Annotated[str, Form()] = "",
    passphrase_again: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Create the locker with a passphrase and open it."""
    if passphrase != passphrase_again:
        raise UsageError("The two passphrases are not the same.", field="passphrase_again",
                         hint="Go back and type the same passphrase in both boxes.")
    casefile.create(session, store, settings, passphrase, title)
    return RedirectResponse("/case?done=created", status_code=303)


@router.post("/case/unlock")
def unlock_case(
    session: FormSessionDep, store: StoreDep, settings: SettingsDep,
    passphrase: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Open the locker with its passphrase."""
    casefile.unlock(session, store, settings, passphrase)
    return RedirectResponse("/case?done=unlocked", status_code=303)


@router.post("/case/lock")
def lock_case(session: FormSessionDep) -> RedirectResponse:
    """Close the case now."""
    session.lock()
    session.plan = None
    session.locked_by_idle = False
    return RedirectResponse("/case", status_code=303)


@router.post("/case/new")
def new_case(session: FormSessionDep, title: Annotated[str, Form()] = "") -> RedirectResponse:
    """Start another case (for another client or another matter) and open it."""
    casefile.start_case(session, title)
    return RedirectResponse("/case?done=new", status_code=303)


@router.post("/case/switch")
def switch_case(session: FormSessionDep,
                case_id: Annotated[str, Form()] = "") -> RedirectResponse:
    """Open another case of the locker."""
    casefile.switch(session, case_id)
    return RedirectResponse("/case?done=switched", status_code=303)


def _confirmed(confirm: str) -> None:
    if confirm != "yes":
        raise UsageError("Nothing was deleted: please tick the box to confirm.",
                         field="confirm",
                         hint="Deleting cannot be undone. Tick the box if you are sure.")


@router.post("/case/delete")
def delete_case(session: FormSessionDep, case_id: Annotated[str, Form()] = "",
                confirm: Annotated[str, Form()] = "") -> RedirectResponse:
    """Erase one case for good, after the person ticked the confirmation."""
    _confirmed(confirm)
    casefile.delete_case(session, case_id)
    return RedirectResponse("/case?done=deleted", status_code=303)


@router.post("/case/delete-everything")
def delete_everything(session: FormSessionDep, settings: SettingsDep,
                      confirm: Annotated[str, Form()] = "") -> RedirectResponse:
    """Erase the whole locker (every case) and what this browser held, after confirmation."""
    _confirmed(confirm)
    casefile.delete_everything(session, settings)
    return RedirectResponse("/case?done=erased", status_code=303)


@router.post("/case/files")
async def add_files(
    request: Request,
    session: FormSessionDep,
    files: Annotated[list[UploadFile] | None, File()] = None,
    kind: Annotated[str, Form()] = "auto",
    tz: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Add exports, screenshots or other files as evidence (originals hashed, kept as-is)."""
    uploads = [Upload(f.filename or "", await f.read()) for f in files or [] if f.filename]
    if not uploads:
        raise InputError("No file was chosen.", field="files",
                         hint="Choose the files to add, then press Add to my case.")
    chosen = IntakeKind(kind) if kind in {k.value for k in IntakeKind} else IntakeKind.AUTO
    # A chat's times need their zone; pictures and other files do not.
    needs_zone = (chosen in (IntakeKind.AUTO, IntakeKind.EXPORT)
                  and not all(u.is_image for u in uploads))
    zone = zones.parse_zone(tz, required=needs_zone)

    def work(progress: Progress) -> str:
        for n, upload in enumerate(uploads, start=1):
            casefile.add_uploads(session, [upload], chosen, zone)
            progress(n)
        return "/case?done=added"

    if any(u.is_image for u in uploads):
        # Each picture is checked and its text read: seconds each, so show progress.
        job = request.app.state.jobs.start(session.id, "evidence", len(uploads), work)
        return RedirectResponse(f"/working/{job.id}", status_code=303)
    # Intake hashes, checks, reads and encrypts: keep it off the event loop.
    await run_in_threadpool(casefile.add_uploads, session, uploads, chosen, zone)
    return RedirectResponse("/case?done=added", status_code=303)


@router.post("/case/notes")
def add_note(session: FormSessionDep, text: Annotated[str, Form()] = "") -> RedirectResponse:
    """Write a note on the case."""
    casefile.case(session).add_note(text)
    casefile.changed(session)
    return RedirectResponse("/case?done=note", status_code=303)


def _when(value: str, zone: str) -> datetime | None:
    if not value.strip():
        return None
    try:
        parse_when(value.strip(), field="at")  # the time first: its error comes first
    except UsageError:
        # The form's own words: it has a date picker, not an ISO 8601 box.
        raise UsageError("The date and time could not be read.", field="at",
                         hint="Use the date picker, or write it like 2026-03-02 21:15.") from None
    # A time without its zone is not evidence: never fall back to UTC silently.
    name = zones.parse_zone(zone, field="zone")
    if name is None:
        raise UsageError("Please give the time zone for this time.", field="zone",
                         hint="Type a place such as Europe/London, or leave the time empty.")
    return parse_when(value.strip(), field="at", zone=ZoneInfo(name)).at


@router.post("/case/events")
def add_event(
    session: FormSessionDep,
    kind: Annotated[str, Form()] = "other",
    text: Annotated[str, Form()] = "",
    at: Annotated[str, Form()] = "",
    zone: Annotated[str, Form()] = "",
    platform: Annotated[str, Form()] = "",
    reference: Annotated[str, Form()] = "",
    amount: Annotated[str, Form()] = "",
    currency: Annotated[str, Form()] = "",
    counterpart: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Record a report filed (with its reference number), a payment, a block or a threat."""
    if kind not in {k for k, _ in EVENT_KINDS}:
        raise UsageError("Please choose what happened.", field="kind")
    fields: dict[str, Any] = {
        "platform": platform, "reference": reference, "amount": amount,
        "currency": currency, "counterpart": counterpart,
    }
    casefile.changed(session)
    casefile.case(session).add_event(
        kind, text=text.strip(), at=_when(at, zone),
        **{k: v.strip() for k, v in fields.items() if v.strip()},
    )
    return RedirectResponse("/case?done=event", status_code=303)


@router.post("/case/export")
def export_package(
    session: FormSessionDep,
    password: Annotated[str, Form()] = "",
) -> Response:
    """Download the sealed evidence package for the police or a lawyer."""
    # The download is written to a private folder marked with this server's process id;
    # if the server is killed before it is removed, the next start removes it.
    with session.busy:  # another browser's unlock waits for the export to finish
        current = casefile.case(session)
        tmp = private_tempdir("package")
        out = tmp / "unsnare-evidence.zip"
        try:
            package.export_package(current, out, password=password or None)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    name = f"unsnare-evidence-{datetime.now().strftime('%Y%m%d-%H%M')}.zip"
    # The package is removed from the temporary folder once it has been sent.
    return FileResponse(out, filename=name, media_type="application/zip",
                        background=BackgroundTask(shutil.rmtree, tmp))


@router.get("/case/verify", response_class=HTMLResponse)
def verify_form(request: Request) -> HTMLResponse:
    """Check that a sealed package has not been changed."""
    return page(request, "verify.html", result=None)


@router.post("/case/verify", response_class=HTMLResponse)
async def verify_upload(
    request: Request,
    session: FormSessionDep,
    package_file: Annotated[UploadFile | None, File()] = None,
    password: Annotated[str, Form()] = "",
    expect_key: Annotated[str, Form()] = "",
    tsr_file: Annotated[UploadFile | None, File()] = None,
    tsa_cert_file: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse:
    """Verify an uploaded package (signature, hashes, time-stamp reply) and say plainly
    whether it is intact and who signed it."""
    if package_file is None or not package_file.filename:
        raise InputError("No package was chosen.", field="package_file",
                         hint="Choose the .zip file that Unsnare exported.")
    data = await package_file.read()
    reply = await tsr_file.read() if tsr_file is not None and tsr_file.filename else None
    cert = (await tsa_cert_file.read()
            if tsa_cert_file is not None and tsa_cert_file.filename else None)
    # Checked in memory: the package holds originals, and is never written to disk here.
    name = Path(safe_name(package_file.filename))
    result = await run_in_threadpool(
        lambda: package.verify_package(name, password=password or None,
                                       expect_key=expect_key.strip() or None,
                                       tsr_reply=reply, tsa_cert=cert, data=data))
    return page(request, "verify.html", result=result,
                package_name=safe_name(package_file.filename))
