"""`create_app(settings)`: the platform service, a FastAPI app of its own.

Errors always answer `{"error", "where", "hint"}`; logs are one JSON object a
line and never hold message text or keys; metrics are at /metrics.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unsnare.errors import UnsnareError
from unsnare.platform import hma, review_api, review_pages, webhooks
from unsnare.platform.errors import PlatformError, RateLimitedError
from unsnare.platform.routes import router
from unsnare.platform.schemas import ErrorOut
from unsnare.platform.services import Services
from unsnare.platform.settings import PlatformSettings

log = logging.getLogger("unsnare.platform.access")
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 404, 409, 422, 429, 500)
}


def _body(error: str, where: str | None, hint: str | None) -> dict[str, Any]:
    return {"error": error, "where": where or None, "hint": hint}


async def _unsnare_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, UnsnareError)
    status = exc.status if isinstance(exc, PlatformError) else 400
    headers: dict[str, str] = {}
    if isinstance(exc, RateLimitedError):
        headers["Retry-After"] = str(exc.retry_after)
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse(_body(exc.message, exc.where(), exc.hint), status, headers=headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
    where = ".".join(str(p) for p in first.get("loc", ()))
    return JSONResponse(
        _body(f"the request is not valid: {first.get('msg', 'invalid')}", where,
              "See docs/platform-openapi.json for the request's shape."),
        422,
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return JSONResponse(
        _body(str(exc.detail), request.url.path, "See docs/platform.md for the endpoints."),
        exc.status_code, headers=getattr(exc, "headers", None),
    )


async def _server_error(request: Request, exc: Exception) -> Response:
    log.error(json.dumps({"event": "error", "path": request.url.path,
                          "error": exc.__class__.__name__}))
    return JSONResponse(
        _body("the service could not answer this request", request.url.path,
              "Try again; if it keeps happening, tell the operators (it is in their logs)."),
        500,
    )


class _Observe:
    """Counts, times and logs every request. A plain ASGI middleware: Starlette's
    `BaseHTTPMiddleware` (`@app.middleware`) costs a task and a stream per request."""

    def __init__(self, app: ASGIApp, svc: Services) -> None:
        self.app = app
        self.svc = svc

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            took = time.perf_counter() - start
            route = getattr(scope.get("route"), "path", "unmatched")
            method = str(scope["method"])
            self.svc.metrics.requests.labels(route, method, str(status)).inc()
            self.svc.metrics.latency.labels(route).observe(took)
            key = scope.get("state", {}).get("key")
            # Never the body, the query or the key itself: ids and numbers only.
            log.info(json.dumps({
                "event": "request", "method": method, "route": route,
                "status": status, "ms": round(took * 1000, 2),
                "tenant": getattr(key, "tenant", None), "key_id": getattr(key, "id", None),
            }))


def create_app(settings: PlatformSettings, *, worker: bool | None = None) -> FastAPI:
    """The platform service. With `worker` (default: the settings'), webhooks are
    delivered from inside this process too."""
    svc = Services(settings)
    deliver = settings.deliver_in_process if worker is None else worker

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runner = None
        if deliver:
            runner = webhooks.DeliveryWorker(svc.engine, settings.worker_interval,
                                             settings.webhook_timeout)
            runner.start()
        try:
            yield
        finally:
            if runner is not None:
                runner.stop()
            svc.close()

    app = FastAPI(
        title="Unsnare platform API",
        version="1",
        description="Streaming early warning of sextortion and grooming, and hash banks "
        "shared across processes, for trust-and-safety teams. See docs/platform.md.",
        lifespan=lifespan,
        responses=_ERRORS,
    )
    app.state.services = svc
    app.add_exception_handler(UnsnareError, _unsnare_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _server_error)
    app.include_router(router)
    app.include_router(hma.router)
    app.include_router(review_api.router)
    app.include_router(review_pages.router)

    app.add_middleware(_Observe, svc=svc)

    @app.get("/healthz", tags=["operations"])
    def healthz() -> dict[str, str]:
        """The process is up."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["operations"], responses={503: {"model": ErrorOut}})
    def readyz() -> Response:
        """The process can reach its database, and the database is migrated."""
        problem = svc.ready()
        if problem is None:
            return JSONResponse({"status": "ready"})
        return JSONResponse(_body(problem, "database_url",
                                  "Check that PostgreSQL is running, the URL is right and "
                                  "`unsnare platform migrate` has run."), 503)

    @app.get("/metrics", tags=["operations"], response_class=Response)
    def metrics() -> Response:
        """Prometheus metrics."""
        body = svc.metrics.render(lambda: webhooks.pending(svc.engine),
                                  lambda: svc.banks.banks_tracked())
        return Response(body, media_type="text/plain; version=0.0.4")

    return app


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI document (built without a database)."""
    settings = PlatformSettings("postgresql+pg8000://openapi@localhost/unused")
    return create_app(settings, worker=False).openapi()
