"""Spark engine for `unsnare scan` (public as `unsnare.spark`).

    from unsnare.spark import SparkEngine, scan_job
    engine = SparkEngine(spark=existing_session)    # or SparkEngine(master="yarn")

Each scan task becomes one row of a Spark DataFrame with one row a
partition; a `mapInPandas` step runs the task on the executor. The bank
snapshot travels as a Spark broadcast variable, read once per executor.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from unsnare.scan.hashbanks import BankSnapshot
from unsnare.scan.job import Task, run_task


def scan_job(
    tasks: Sequence[Task], banks: Any
) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """The `mapInPandas` function: runs the tasks whose indexes arrive in each batch.

    `banks` is a Spark broadcast variable (or None); its value is read on the executor."""
    held = list(tasks)

    def job(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        shared = banks.value if banks is not None else None
        for batch in batches:
            keys = []
            for i in batch["id"]:
                task = held[int(i)]
                run_task(task, shared)
                keys.append(task.key)
            yield pd.DataFrame({"key": keys})

    return job


class SparkEngine:
    """Runs scan tasks on Spark: `local[2]` by default, or any `--master`."""

    name = "spark"

    def __init__(self, master: str = "local[2]", spark: Any = None) -> None:
        self._own = spark is None
        if spark is None:
            from pyspark.sql import SparkSession

            # Executors must run this same Python, where Unsnare is installed.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
            builder = SparkSession.builder.master(master)
            if master.startswith("local"):
                # This machine only: the driver's ports listen on loopback, not on
                # whatever interface the host name resolves to.
                builder = builder.config("spark.driver.host", "127.0.0.1").config(
                    "spark.driver.bindAddress", "127.0.0.1"
                )
            spark = (
                builder.appName("unsnare-scan")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.execution.arrow.pyspark.enabled", "true")
                .config("spark.python.worker.reuse", "true")
                .config("spark.ui.showConsoleProgress", "false")
                .getOrCreate()
            )
            spark.sparkContext.setLogLevel("ERROR")
        self.spark = spark

    def run(self, tasks: Sequence[Task], banks: BankSnapshot | None) -> None:
        """One task a partition, run by `mapInPandas`; the banks go out as a broadcast."""
        if not tasks:
            return
        shared = self.spark.sparkContext.broadcast(banks) if banks is not None else None
        try:
            frame = self.spark.range(0, len(tasks), 1, numPartitions=len(tasks))
            frame.mapInPandas(scan_job(tasks, shared), "key string").collect()
        finally:
            if shared is not None:
                shared.unpersist()

    def close(self) -> None:
        """Stop the session if this engine started it."""
        if self._own:
            self.spark.stop()
