"""Fixtures for the analysis tests."""

from __future__ import annotations

import pytest

from unsnare.analysis import Analyzer


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """One analyzer for the session (compiling every rule once)."""
    return Analyzer()
