"""`unsnare scan` needs the `scan` extra: its tests are left out without it on a
developer's machine, and collected (so they fail loudly) under CI=true."""

from __future__ import annotations

from support.components import IN_CI
from support.scan import HAVE_EXTRA

collect_ignore = [] if HAVE_EXTRA or IN_CI else ["test_scan.py"]
