"""The readable evidence report: HTML from a template, printed to PDF by WeasyPrint."""

from __future__ import annotations

import logging
from importlib import resources
from typing import Any

import jinja2

from unsnare.errors import LockerError


def render_report_html(context: dict[str, Any]) -> str:
    """Fill the report template (every value is escaped)."""
    source = resources.files("unsnare.evidence").joinpath("templates/report.html").read_text(
        encoding="utf-8"
    )
    # Lenient on purpose: a field missing from an old record must not stop an export.
    env = jinja2.Environment(autoescape=True, undefined=jinja2.ChainableUndefined)
    return env.from_string(source).render(**context)


def html_to_pdf(html: str) -> bytes:
    """Print HTML to PDF with WeasyPrint (offline: no URL is ever fetched)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise LockerError(
            f"The PDF report cannot be made here: WeasyPrint is not usable ({exc}).",
            hint="Install WeasyPrint and its Pango libraries, or export without the PDF.",
        ) from None
    # WeasyPrint logs font-subsetting chatter at INFO/WARNING; it is not for users.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)

    def no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
        raise ValueError(f"the report does not load outside resources ({url})")

    document = weasyprint.HTML(string=html, url_fetcher=no_fetch)
    pdf: bytes = document.write_pdf()
    return pdf
