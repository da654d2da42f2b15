"""Without the `scan` extra these tests are left out on a developer's machine; under
CI=true they are collected anyway, so a missing package fails loudly."""

from __future__ import annotations

from support.components import IN_CI
from support.scan import HAVE_EXTRA

collect_ignore_glob = [] if HAVE_EXTRA or IN_CI else ["test_*.py"]
