"""Unsnare on Spark: the scan job as a `mapInPandas` step (see `unsnare.scan.spark`)."""

from __future__ import annotations

from unsnare.scan.spark import SparkEngine, scan_job

__all__ = ["SparkEngine", "scan_job"]
