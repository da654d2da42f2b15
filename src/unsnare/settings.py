"""Settings, passed in explicitly; nothing is read at import time."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

# The evidence locker's file in the data dir: the CLI and the web app open the same one.
LOCKER_NAME = "case.unsnare-locker"


def default_data_dir() -> Path:
    """Where Unsnare keeps its files when no path is given (per user, never shared)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "unsnare"


@dataclass(frozen=True)
class Settings:
    """Everything the app and the CLI need to know about where and how to run."""

    data_dir: Path = field(default_factory=default_data_dir)
    locker_path: Path | None = None
    database_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8765
    max_upload_bytes: int = 200 * 1024 * 1024
    # JSON bodies (the API) are parsed whole into memory: keep them far smaller.
    max_json_bytes: int = 32 * 1024 * 1024
    idle_lock_seconds: int = 10 * 60

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Build settings from UNSNARE_* environment variables."""
        env = os.environ if environ is None else environ
        data_dir = Path(env["UNSNARE_DATA_DIR"]) if env.get("UNSNARE_DATA_DIR") else None
        locker = Path(env["UNSNARE_LOCKER"]) if env.get("UNSNARE_LOCKER") else None
        kwargs: dict[str, object] = {
            "locker_path": locker,
            "database_url": env.get("UNSNARE_DATABASE_URL") or None,
        }
        if data_dir is not None:
            kwargs["data_dir"] = data_dir
        return cls(**kwargs)  # type: ignore[arg-type]

    def locker_file(self) -> Path:
        """The evidence locker: UNSNARE_LOCKER, else the locker file in the data dir."""
        return self.locker_path or self.data_dir / LOCKER_NAME

    def resolved_database_url(self) -> str:
        """The hash-bank database: UNSNARE_DATABASE_URL, else SQLite in the data dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'unsnare.db'}"
