"""`unsnare serve`: options, and a busy port explained instead of a crash."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from unsnare.cli.web import serve
from unsnare.errors import UsageError


def test_serve_is_registered_with_its_options() -> None:
    result = subprocess.run([sys.executable, "-m", "unsnare.cli.main", "serve", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for option in ("--host", "--port", "--locker"):
        assert option in result.stdout


def test_a_busy_port_is_a_clear_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(UsageError) as caught:
            serve(host="127.0.0.1", port=busy.getsockname()[1], locker=None)
    assert "cannot listen" in caught.value.message and caught.value.field == "--port"
    assert caught.value.exit_code == 2


@pytest.mark.parametrize("port", [0, 70000])
def test_impossible_ports_are_refused(port: int) -> None:
    with pytest.raises(UsageError, match="not a port number"):
        serve(host="127.0.0.1", port=port, locker=None)
