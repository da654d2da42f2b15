"""Build the web app from settings: `create_app(settings)`; nothing happens at import."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from unsnare import __version__
from unsnare.imaging.screenshots import ScreenshotReader
from unsnare.settings import Settings
from unsnare.web import errors, filters
from unsnare.web.api_analysis import router as analysis_router
from unsnare.web.api_hashing import router as hashing_router
from unsnare.web.guard import Guard
from unsnare.web.jobs import JobStore
from unsnare.web.routes.case import router as case_router
from unsnare.web.routes.check import router as check_router
from unsnare.web.routes.checkup import router as checkup_router
from unsnare.web.routes.help import router as help_router
from unsnare.web.routes.home import router as home_router
from unsnare.web.routes.learn import router as learn_router
from unsnare.web.routes.protect import router as protect_router
from unsnare.web.routes.safety import router as safety_router
from unsnare.web.routes.working import router as working_router
from unsnare.web.sessions import SessionStore

_HERE = __file__.rsplit("/", 1)[0]


def allowed_hosts(settings: Settings) -> list[str]:
    """Host names this app answers to: this machine's own names and the `--host` given.

    Bound to every interface (0.0.0.0), the app also answers to any IP address
    (see `Guard`), but never to another name, so DNS rebinding still fails.
    """
    host = settings.host.lower()
    names = {"127.0.0.1", "localhost", "[::1]"}
    if not listens_everywhere(settings):
        names.add(f"[{host}]" if ":" in host else host)
    return sorted(names)


def listens_everywhere(settings: Settings) -> bool:
    """True when bound to every interface, so other devices reach it by IP address."""
    return settings.host in ("0.0.0.0", "::", "")


def create_app(settings: Settings) -> FastAPI:
    """The whole web app for these settings."""
    sessions = SessionStore(settings.idle_lock_seconds)

    @asynccontextmanager
    async def lifespan(started: FastAPI) -> AsyncIterator[None]:
        yield
        sessions.close()  # lockers closed, sealed reports removed
        # Save the hash banks' indexes, so the next start reloads instead of rebuilding.
        matcher = getattr(started.state, "hash_matcher", None)
        if matcher is not None:
            matcher.close()

    app = FastAPI(
        title="Unsnare",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        lifespan=lifespan,
    )
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(f"{_HERE}/templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    filters.install(env)
    app.state.settings = settings
    app.state.sessions = sessions
    app.state.templates = Jinja2Templates(env=env)
    app.state.version = __version__
    # One OCR reader for the app: its models load on first use, then are reused.
    app.state.screenshot_reader = ScreenshotReader()
    app.state.jobs = JobStore()  # slow work (screenshots) with a progress page

    pages = (home_router, help_router, check_router, case_router, protect_router,
             learn_router, safety_router, checkup_router, working_router)
    for router in (*pages, analysis_router, hashing_router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=f"{_HERE}/static"), name="static")
    errors.install(app)
    app.add_middleware(
        Guard,
        sessions=sessions,
        max_body=settings.max_upload_bytes,
        max_json=settings.max_json_bytes,
        allowed_hosts=allowed_hosts(settings),
        any_ip=listens_everywhere(settings),
    )
    return app
