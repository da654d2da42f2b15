"""Readable transcripts of a stored conversation: HTML for people, CSV for tools.

Built with plain string joins (not a template engine) because a transcript can
hold 100,000 messages; every value is escaped.
"""

from __future__ import annotations

import csv
import io
from html import escape
from typing import Any

CSV_COLUMNS = (
    "message_id", "timestamp", "sender_id", "sender_name", "kind", "text", "attachments",
    "reply_to", "edited", "deleted", "source_file", "source_line", "source_path",
)


def _names(data: dict[str, Any]) -> dict[str, str]:
    return {p["id"]: p["name"] for p in data["participants"]}


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    # A spreadsheet would run "=HYPERLINK(...)" or "@handle" as a formula; a
    # leading apostrophe keeps it text (OWASP CSV injection). The HTML
    # transcript and the originals keep the exact text.
    return "'" + value if value.startswith(_FORMULA_START) else value


def transcript_csv(data: dict[str, Any]) -> str:
    """One row per message, with its provenance (formula-looking cells defused)."""
    names = _names(data)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for m in data["messages"]:
        src = m["source"]
        writer.writerow((
            m["id"], m.get("timestamp") or "", _cell(m.get("sender") or ""),
            _cell(names.get(m.get("sender") or "", "")), m.get("kind", "message"),
            _cell(m["text"]), _cell("; ".join(a[0] for a in m.get("attachments", ()))),
            m.get("reply_to") or "",
            "yes" if m.get("edited") else "", "yes" if m.get("deleted") else "",
            _cell(src[1]), "" if src[2] is None else src[2], src[3] or "",
        ))
    return out.getvalue()


_STYLE = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
    "td,th{border-bottom:1px solid #ddd;padding:4px;vertical-align:top;text-align:left}"
    ".sys{color:#666;font-style:italic}.meta{color:#555;font-size:90%}"
)


def transcript_html(conv: dict[str, Any], data: dict[str, Any]) -> str:
    """A standalone HTML page: header facts, then every message with its source."""
    names = _names(data)
    title = escape(conv.get("title") or conv.get("platform") or "Conversation")
    zone = escape(str(conv.get("timezone") or "not stated"))
    assumed = ""
    if conv.get("timezone_assumed"):
        assumed = (" (not in the export; given by the person who added it)"
                   if conv.get("timezone_given") else " (ASSUMED: nobody stated the zone)")
    people = ", ".join(
        escape(p["name"] + (f" ({p['handle']})" if p.get("handle") else "")) for p in
        data["participants"]
    )
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{title}</h1><p class='meta'>Platform: {escape(str(conv.get('platform')))}; "
        f"format: {escape(str(conv.get('format')))}; time zone: {zone}{assumed}; "
        f"participants: {people}; messages: {len(data['messages'])}; "
        f"conversation id: {escape(conv['id'])}; from item {escape(conv['item_id'])}.</p>",
        "<table><thead><tr><th>Time</th><th>From</th><th>Message</th><th>Source</th>"
        "</tr></thead><tbody>",
    ]
    for m in data["messages"]:
        src = m["source"]
        where = f"{src[1]} line {src[2]}" if src[2] is not None else f"{src[1]} {src[3] or ''}"
        cls = " class='sys'" if m.get("kind") == "system" else ""
        text = escape(m["text"]).replace("\n", "<br>")
        extras = [escape(a[0]) for a in m.get("attachments", ())]
        if extras:
            text += "<br><span class='meta'>attachment: " + ", ".join(extras) + "</span>"
        sender = escape(names.get(m.get("sender") or "", m.get("sender") or ""))
        parts.append(
            f"<tr{cls}><td>{escape(m.get('timestamp') or '')}</td><td>{sender}</td>"
            f"<td>{text}</td><td class='meta'>{escape(where.strip())}</td></tr>"
        )
    parts.append("</tbody></table></body></html>")
    return "\n".join(parts)
