"""The progress page of a background job (see unsnare.web.jobs)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from unsnare.web.deps import SessionDep
from unsnare.web.jobs import JobStore
from unsnare.web.render import page

router = APIRouter()


@router.get("/working/{job_id}")
def working(request: Request, session: SessionDep, job_id: str) -> Response:
    """How far the job has got (the page reloads itself); the result when it is done."""
    store: JobStore = request.app.state.jobs
    job = store.get(job_id, session.id)
    if job is None:
        raise HTTPException(404)
    if job.finished and job.error is not None:
        raise job.error  # shown as the error page, like any other
    if job.finished:
        return RedirectResponse(job.result, status_code=303)
    return page(request, "working.html", job=job, refresh=2)
