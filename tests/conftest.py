"""The fixtures every test folder may use, loaded from tests/support/.

Test modules import helpers one way, ``from support.x import y`` (pytest puts
tests/ on the path: ``pythonpath`` in pyproject.toml); fixtures shared by more
than one folder live in the plugin modules listed here.
"""

from __future__ import annotations

from support.components import IN_CI, require

__all__ = ["IN_CI", "require"]

pytest_plugins = [
    "support.analysis",
    "support.lockers",
    "support.pictures",
    "support.postgres",
    "support.scan",
    "support.web",
]
