"""Engines that run scan tasks: Dask (the default) and a plain loop for tests and debugging.

An engine only has to run every task once and share the bank snapshot with
the workers; what the tasks write is the same whichever engine ran them.
Spark lives in `unsnare.scan.spark` (public as `unsnare.spark`).
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import Any, Protocol

from unsnare.errors import UsageError
from unsnare.scan.hashbanks import BankSnapshot
from unsnare.scan.job import Task, run_task

# How long to wait for a Dask scheduler given with --scheduler.
CONNECT_SECONDS = 10


class Engine(Protocol):
    """Runs tasks to completion; raises if one fails (the run can then be resumed)."""

    name: str

    def run(self, tasks: Sequence[Task], banks: BankSnapshot | None) -> None:
        """Run every task; `banks` is shared with the workers once, not per task."""

    def close(self) -> None:
        """Release what the engine started."""


class LocalEngine:
    """Runs tasks one after another in this process."""

    name = "local"

    def run(self, tasks: Sequence[Task], banks: BankSnapshot | None) -> None:
        """Run every task here."""
        for task in tasks:
            run_task(task, banks)

    def close(self) -> None:
        """Nothing to release."""


class DaskEngine:
    """Dask distributed: an embedded `LocalCluster`, or a scheduler at `tcp://...`."""

    name = "dask"

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int = 2,
        dashboard: bool = False,
        dashboard_port: int = 8787,
    ) -> None:
        # Loaded here (Dask is the `scan` extra) and typed loosely: it ships no annotations.
        dist: Any = import_module("distributed")
        self._dist = dist
        self._cluster: Any = None
        self.client: Any
        if scheduler:
            try:
                self.client = dist.Client(scheduler, timeout=CONNECT_SECONDS)
            except OSError as err:  # refused, unknown host or timed out
                raise UsageError(
                    f"no Dask scheduler answered at {scheduler} within {CONNECT_SECONDS} s",
                    hint="Check the address and that the scheduler is running, or leave out "
                    "--scheduler to scan on this machine.",
                ) from err
        else:
            # One thread per worker process: the analysis is pure Python, so
            # threads would only queue on the interpreter lock.
            self._cluster = dist.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                # This machine only: the cluster and its dashboard listen on loopback.
                host="127.0.0.1",
                # Not asked for: no dashboard, and the scheduler's small HTTP server
                # on a free port, so a busy 8787 never stops the scan.
                dashboard_address=f"127.0.0.1:{dashboard_port if dashboard else 0}",
                scheduler_kwargs={"dashboard": dashboard},
                silence_logs=50,
            )
            self.client = dist.Client(self._cluster)

    @property
    def dashboard_link(self) -> str | None:
        """The dashboard's address, when there is one."""
        link: str | None = self.client.dashboard_link
        return link

    def run(self, tasks: Sequence[Task], banks: BankSnapshot | None) -> None:
        """Scatter the banks to every worker once, then map the tasks."""
        if not tasks:
            return
        shared: Any = self.client.scatter(banks, broadcast=True) if banks is not None else None
        futures = self.client.map(run_task, list(tasks), banks=shared, pure=False)
        for future in self._dist.as_completed(futures):
            future.result()

    def close(self) -> None:
        """Close the client and the embedded cluster."""
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
