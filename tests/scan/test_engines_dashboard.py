"""The Dask dashboard is served when asked for, on this machine only, and not otherwise."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from unsnare.scan.engines import DaskEngine


def page(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as reply:
            return reply.status, reply.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


@pytest.mark.parametrize("asked", [True, False])
def test_the_dashboard_only_when_asked(asked: bool) -> None:
    # Port 0: a free port, so the test never collides with a dashboard already on 8787.
    engine = DaskEngine(workers=1, dashboard=asked, dashboard_port=0)
    try:
        port = engine._cluster.scheduler.http_server.port
        status, body = page(port, "/status")
        if asked:
            assert engine.dashboard_link == f"http://127.0.0.1:{port}/status"
            # The real dashboard (bokeh is in the scan extra), not Dask's "install bokeh" page.
            assert status == 200 and "Dask Diagnostic UI" in body and "bokeh-" in body
        else:
            assert status == 404
        assert page(port, "/health") == (200, "ok")  # the scheduler's own small server
    finally:
        engine.close()
