"""`unsnare scan`: analyse message archives and match image hashes on Dask or Spark.

    from unsnare.scan import ScanOptions, run_scan
    from unsnare.scan.engines import DaskEngine
    summary = run_scan(ScanOptions(Path("messages.parquet"), Path("out")), DaskEngine())

The same tasks run on any engine (`engines.DaskEngine`, `spark.SparkEngine`,
`engines.LocalEngine`) and give the same output bytes.
"""

from __future__ import annotations

from unsnare.scan.hashbanks import BankSnapshot, snapshot
from unsnare.scan.runner import ScanOptions, ScanSummary, run_scan

__all__ = ["BankSnapshot", "ScanOptions", "ScanSummary", "run_scan", "snapshot"]
