"""Jinja filters: dates, highlighted spans and safe Markdown."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import jinja2
from markupsafe import Markup, escape


def when(value: Any) -> str:
    """A timestamp as people read it, with its zone: ``5 Jan 2024, 22:35 (UTC+01:00)``."""
    if value is None or value == "":
        return "time unknown"
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return str(value)
    if not isinstance(value, datetime):
        return str(value)
    text = f"{value.day} {value:%b %Y, %H:%M}"
    if value.tzinfo is not None:
        offset = value.strftime("%z")
        text += f" (UTC{offset[:3]}:{offset[3:]})" if offset else ""
    return text


def highlight(text: str, spans: list[tuple[int, int]]) -> Markup:
    """Escape `text` and wrap each (start, end) span in <mark>; overlapping spans merge."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    pos = 0
    for start, end in merged:
        out.append(str(escape(text[pos:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def markdown(text: str) -> Markup:
    """Render guide Markdown to HTML with raw HTML turned off (so nothing can inject)."""
    from markdown_it import MarkdownIt

    return Markup(MarkdownIt("commonmark", {"html": False}).render(text))


# A web address up to white space; a full stop, comma or bracket after it is prose.
_URL = re.compile(r"https?://[^\s<>\"]+?(?=[.,;:!?)\]]*(?:\s|$))")


def links(text: str) -> Markup:
    """Escape `text` and make each web address in it a link (plan steps say "go to ...")."""
    out: list[str] = []
    pos = 0
    for m in _URL.finditer(text):
        out.append(str(escape(text[pos:m.start()])))
        url = escape(m.group())
        out.append(f'<a href="{url}" rel="noreferrer">{url}</a>')
        pos = m.end()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def zone_words(value: Any) -> str:
    """A zone name as people read it: ``Etc/UTC`` -> ``UTC``, ``America/New_York`` ->
    ``America/New York``."""
    name = str(value or "")
    if name in ("UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Universal", "Zulu"):
        return "UTC"
    return name.replace("_", " ")


# A phone number inside a phrase such as "0800 111 0 111 or 0800 111 0 222" or
# "000 (Triple Zero)": digits with spaces or dashes between, at least three digits.
_PHONE = re.compile(r"\+?\d[\d\s-]*\d")


def phone_links(value: Any, scheme: str = "tel") -> Markup:
    """Escape `value` and make each number in it a tap-to-call (or, with "sms", tap-to-text)
    link."""
    text = str(value or "")
    out: list[str] = []
    pos = 0
    for m in _PHONE.finditer(text):
        number = re.sub(r"[^\d+]", "", m.group())
        if len(number.lstrip("+")) < 3:
            continue
        out.append(str(escape(text[pos:m.start()])))
        out.append(f'<a href="{scheme}:{number}">{escape(m.group())}</a>')
        pos = m.end()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


_OCR_BOX = re.compile(r"\s+ocr box(?:es)? [\d, ]*\d(?:\s*\([^)]*\))?")


def plain_cite(value: Any) -> str:
    """Where a message came from, without OCR box coordinates (those stay in the package)."""
    return _OCR_BOX.sub(" (screenshot)", str(value or ""))


# "call 0800 1111", "text 85258", "ring 13 11 14": a number right after a verb of calling.
_STEP_PHONE = re.compile(r"\b(call|ring|phone|text)(\s+)(\+?\d[\d\s-]*\d)", re.I)


def step_links(text: str) -> Markup:
    """Plan-step text with its web addresses and phone numbers as links (tap to call/text)."""
    linked = str(links(text))
    return Markup(_STEP_PHONE.sub(
        lambda m: f'{m.group(1)}{m.group(2)}<a href="'
        f'{"sms" if m.group(1).lower() == "text" else "tel"}:'
        f'{re.sub(r"[^0-9+]", "", m.group(3))}">{m.group(3)}</a>', linked))


def percent(value: Any) -> str:
    """A 0-1 score as a whole percentage."""
    try:
        return f"{round(float(value) * 100)}%"
    except (TypeError, ValueError):
        return ""


def humanize(value: Any) -> str:
    """``more_images`` -> ``more images``."""
    return str(value or "").replace("_", " ").replace("-", " ")


def install(env: jinja2.Environment) -> None:
    """Add the filters to a Jinja environment."""
    env.filters.update(
        when=when, highlight=highlight, markdown=markdown, percent=percent, humanize=humanize,
        links=links, zone_words=zone_words, phone_links=phone_links, plain_cite=plain_cite,
        step_links=step_links,
    )
