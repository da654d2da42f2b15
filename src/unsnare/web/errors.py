"""Map errors to friendly pages with the right status code; never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from unsnare.errors import (
    HashingError,
    InputError,
    IntegrityError,
    LockerError,
    Offer,
    UnsnareError,
    UsageError,
    WrongPassphraseError,
)
from unsnare.web import i18n
from unsnare.web.render import page

log = logging.getLogger("unsnare.web")


class FormWords:
    """Options as the web app shows them, in the page's language: the form field to use.

    The words and each option's field label are messages of web/locales
    (``error.option_pick``, ``error.option_another``, ``error.option.<name>``).
    """

    def __init__(self, lang: str = i18n.DEFAULT) -> None:
        self.lang = lang

    def option(self, name: str, choices: tuple[str, ...], offer: Offer) -> str:
        """``choose it under "Format"`` or ``choose another under "Format"``."""
        label = i18n.plain(self.lang, f"error.option.{name}",
                           default=name.replace("_", " ").capitalize())
        words = "error.option_another" if offer is Offer.ANOTHER else "error.option_pick"
        return i18n.plain(self.lang, words, label=label)


FORM_WORDS = FormWords()

# Most specific first.
_STATUS: tuple[tuple[type[UnsnareError], int], ...] = (
    (WrongPassphraseError, 403),
    (LockerError, 409),
    (IntegrityError, 422),
    (HashingError, 422),
    (InputError, 400),
    (UsageError, 400),
)


def status_for(exc: UnsnareError) -> int:
    """The HTTP status for an Unsnare error."""
    explicit = getattr(exc, "status_code", None)
    if isinstance(explicit, int):
        return explicit
    for kind, status in _STATUS:
        if isinstance(exc, kind):
            return status
    return 400


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, title: str, exc: UnsnareError | None) -> Response:
    if _wants_json(request):
        body: dict[str, object] = {"error": title}
        if exc is not None:
            body = {"error": exc.message, "where": exc.where() or None, "hint": exc.hint}
        # RFC 6750: a 401 names the scheme the client should use.
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(body, status_code=status, headers=headers)
    hint = exc.hint_in(FormWords(i18n.choose(request)[0])) if exc is not None else None
    return page(request, "error.html", status_code=status, title=title, error=exc, hint=hint)


async def _unsnare_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, UnsnareError)
    return _error(request, status_for(exc), "We could not do that", exc)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    # FastAPI wraps errors raised while reading a form (such as our upload limit).
    if isinstance(exc.__cause__, UnsnareError):
        return await _unsnare_error(request, exc.__cause__)
    titles = {
        404: "We could not find that page",
        405: "That page cannot be used that way",
        400: "Something in that form could not be read",
    }
    title = titles.get(exc.status_code, "Something went wrong")
    return _error(request, exc.status_code, title, None)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    fields = sorted({str(e.get("loc", ["", "?"])[-1]) for e in exc.errors()})
    err = UsageError(
        "Some answers are missing or not in the form we expected.",
        field=", ".join(fields) or None,
        hint="Go back, check the highlighted answers and try again.",
    )
    return _error(request, 400 if not _wants_json(request) else 422, "Please check", err)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.error("unexpected error on %s: %s", request.url.path, type(exc).__name__)
    err = UnsnareError(
        "Something unexpected went wrong inside Unsnare. Nothing you gave it was changed.",
        hint="Please try again. If it keeps happening, tell the Unsnare team what you did "
        "(leave out anything private).",
    )
    return _error(request, 500, "Something went wrong", err)


def install(app: FastAPI) -> None:
    """Register the error pages on an app."""
    app.add_exception_handler(UnsnareError, _unsnare_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
