"""The home page: "Get help now" first, then the other four ways in."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from unsnare.web.render import page

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """The start page."""
    return page(request, "home.html")
