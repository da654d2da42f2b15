"""Scan tests need the `scan` extra (Dask, pyarrow, pandas) and, for Spark, Java.

Without the extra the scan tests are left out on a developer's machine; under
CI=true they are collected anyway, so a missing package fails loudly.
"""

from __future__ import annotations

import importlib.util
import shutil

from conftest import IN_CI, require  # tests/conftest.py (the rootdir is on sys.path)

HAVE_EXTRA = all(
    importlib.util.find_spec(m) is not None for m in ("pyarrow", "distributed", "pandas")
)
collect_ignore_glob = [] if HAVE_EXTRA or IN_CI else ["test_*.py"]


def need_spark() -> None:
    """Spark needs pyspark and a Java runtime (Debian: default-jre-headless)."""
    require(importlib.util.find_spec("pyspark") is not None, "pyspark (pip install '.[scan]')")
    require(shutil.which("java") is not None, "java (apt-get install default-jre-headless)")
