"""Helpers for the Chromium tests: the app on a free port, and the axe check."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import uvicorn

from support import paths
from unsnare.settings import Settings
from unsnare.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
ARTIFACTS = paths.TESTS / "artifacts"
NEUTRAL = "https://www.bbc.co.uk/weather"
PHONE = {"width": 390, "height": 844}


def free_port() -> int:
    """A TCP port nobody is listening on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """The app served by uvicorn in a background thread."""

    def __init__(self, data_dir: Path, **overrides: Any) -> None:
        self.port = free_port()
        settings = Settings(data_dir=data_dir, port=self.port, **overrides)
        config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=self.port,
                                log_level="warning", access_log=False, lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        """The base address, such as http://127.0.0.1:40123."""
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the web app did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations on the current page (WCAG 2.x A/AA)."""
    # The page's CSP forbids injected scripts, so axe runs in a context made
    # with bypass_csp=True; journeys run in a normal context with the CSP on.
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }"""
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def axe_on_each(page: Any, paths: Iterable[str], width: int) -> dict[str, list[dict[str, Any]]]:
    """Each path's axe violations (paths with none left out); none may scroll sideways."""
    failures = {}
    for path in paths:
        page.goto(path)
        found = axe_violations(page)
        if found:
            failures[path] = found
        # Nothing may scroll sideways at a phone's width (WCAG 1.4.10 reflow).
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways at {width}px"
    return failures


def shot(page: Any, name: str) -> None:
    """Save a full-page screenshot of the journey's result under tests/artifacts/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
