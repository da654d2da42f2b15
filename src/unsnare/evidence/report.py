"""The readable evidence report: HTML from a template, printed to PDF by WeasyPrint."""

from __future__ import annotations

import logging
from datetime import datetime
from importlib import resources
from typing import Any

import jinja2

from unsnare.errors import LockerError


def when(value: Any) -> str:
    """An ISO 8601 time as '2026-03-02 21:40:00 (UTC+01:00)', keeping the offset visible."""
    if not value:
        return ""
    try:
        at = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if at.utcoffset() is None:
        return at.strftime("%Y-%m-%d %H:%M:%S") + " (zone unknown)"
    offset = at.strftime("%z")
    return at.strftime("%Y-%m-%d %H:%M:%S") + f" (UTC{offset[:3]}:{offset[3:]})"


def merge_by_message(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per message: a message that is both a threat and a demand shows once."""
    out: list[dict[str, Any]] = []
    index: dict[str, dict[str, Any]] = {}
    for e in events:
        mid = e.get("message_id")
        if mid and mid in index:
            row = index[mid]
            row["kind"] = f"{row['kind']} + {e['kind']}"
            row["tactic"] = ", ".join(t for t in (row.get("tactic"), e.get("tactic")) if t)
            row["quotes"] = [*row["quotes"], *([e["quote"]] if e.get("quote") else [])]
            continue
        row = {**e, "quotes": [e["quote"]] if e.get("quote") else []}
        out.append(row)
        if mid:
            index[mid] = row
    return out


def render_report_html(context: dict[str, Any]) -> str:
    """Fill the report template (every value is escaped)."""
    source = resources.files("unsnare.evidence").joinpath("templates/report.html").read_text(
        encoding="utf-8"
    )
    # Lenient on purpose: a field missing from an old record must not stop an export.
    env = jinja2.Environment(autoescape=True, undefined=jinja2.ChainableUndefined)
    env.filters["when"] = when
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
        """Refuse every URL: the report is self-contained and stays offline."""
        raise ValueError(f"the report does not load outside resources ({url})")

    document = weasyprint.HTML(string=html, url_fetcher=no_fetch)
    pdf: bytes = document.write_pdf()
    return pdf
