"""Slow work (reading screenshots) run in the background, with a progress page.

The form's POST starts the job and redirects to ``/working/<id>``. That page
shows how far the job has got and reloads itself every two seconds with a
``<meta http-equiv="refresh">``, so progress shows without JavaScript too;
when the job is done it redirects to the result, and when it failed it shows
the error as any other page would.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

# Progress is reported as (items done, items in all).
Progress = Callable[[int], None]
Work = Callable[[Progress], str]

# Finished jobs are forgotten after this long (their result page has been seen by then).
KEEP_SECONDS = 15 * 60


@dataclass
class Job:
    """One running or finished piece of slow work. Mutable: the worker thread updates it."""

    id: str
    owner: str
    what: str
    total: int
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    finished: bool = False
    result: str = ""
    error: BaseException | None = None

    @property
    def seconds(self) -> int:
        """Whole seconds since the job started."""
        return int(time.monotonic() - self.started)


class JobStore:
    """The app's background jobs, each visible only to the browser session that started it."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._mutex = threading.Lock()

    def start(self, owner: str, what: str, total: int, work: Work) -> Job:
        """Run `work` in a thread; it returns the address to go to when done."""
        job = Job(id=secrets.token_urlsafe(9), owner=owner, what=what, total=max(1, total))

        def progress(done: int) -> None:
            job.done = min(done, job.total)

        def run() -> None:
            try:
                job.result = work(progress)
            except BaseException as exc:  # noqa: BLE001 - shown to the person on the job page
                job.error = exc
            finally:
                job.finished = True

        with self._mutex:
            now = time.monotonic()
            for key in [k for k, j in self._jobs.items()
                        if j.finished and now - j.started > KEEP_SECONDS]:
                del self._jobs[key]
            self._jobs[job.id] = job
        threading.Thread(target=run, name=f"unsnare-job-{job.id}", daemon=True).start()
        return job

    def get(self, job_id: str, owner: str) -> Job | None:
        """The job, if it exists and belongs to this session."""
        job = self._jobs.get(job_id)
        return job if job is not None and job.owner == owner else None
