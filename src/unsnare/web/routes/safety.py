"""What quick exit can and cannot hide, and how to browse more safely."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from unsnare.web.render import page

router = APIRouter()


@router.get("/safety", response_class=HTMLResponse)
def safety(request: Request) -> HTMLResponse:
    """The safety page."""
    return page(request, "safety.html")
