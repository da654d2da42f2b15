"""`PlatformSettings`: how the service is set up, passed in (never built at import)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from unsnare.platform.errors import DatabaseUrlError

ENV_URL = "UNSNARE_PLATFORM_DATABASE_URL"
ENV_SIGNING_KEY = "UNSNARE_PLATFORM_SIGNING_KEY"


def check_database_url(url: str | None) -> str:
    """The URL if it names PostgreSQL; otherwise a clear error (the service shares one
    database between processes, which SQLite cannot do safely)."""
    if not url:
        raise DatabaseUrlError(
            "the platform service needs a PostgreSQL database URL",
            field=ENV_URL,
            hint=f"Set {ENV_URL} or pass --database-url, such as "
            "postgresql+pg8000://unsnare@db.internal/unsnare.",
        )
    if not url.startswith(("postgresql://", "postgresql+")):
        raise DatabaseUrlError(
            "the platform service runs on PostgreSQL only",
            field="database_url",
            hint="Use a URL starting with postgresql+pg8000:// (SQLite is for the personal app).",
        )
    if url.startswith("postgresql://"):
        # pg8000 is the driver Unsnare ships with; psycopg is not a dependency.
        url = "postgresql+pg8000://" + url.removeprefix("postgresql://")
    return url


@dataclass(frozen=True)
class PlatformSettings:
    """The service's settings.

    `window` is no longer read (each conversation keeps its analysis state, so a
    batch reads only its new messages); it is kept so that older configurations
    still load. `deliver_in_process` runs the webhook worker inside `serve`.
    """

    database_url: str
    window: int = 60
    pool_size: int = 8
    worker_interval: float = 1.0
    webhook_timeout: float = 5.0
    max_batch: int = 500
    deliver_in_process: bool = True
    # Review: how long a reviewer's login lasts, and the PEM file of the Ed25519 key
    # that signs evidence packages (see `review_package`).
    session_minutes: int = 30
    signing_key: str | None = None

    @classmethod
    def from_env(cls, database_url: str | None = None) -> PlatformSettings:
        """Settings from the environment; `database_url` wins over the variable."""
        return cls(database_url=check_database_url(database_url or os.environ.get(ENV_URL)),
                   signing_key=os.environ.get(ENV_SIGNING_KEY) or None)
