"""`upgrade`: bring a database to the newest schema with the shipped Alembic migrations."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from unsnare.hashing.storage import SqlBankStore

_HERE = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    """Alembic's configuration, pointing at the migrations inside the package."""
    config = Config()
    config.set_main_option("script_location", str(_HERE))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run every migration not yet applied; also make the hash-bank tables."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    # The hash banks keep the personal app's schema (`unsnare.hashing.storage`),
    # which creates its own tables when opened.
    SqlBankStore(engine)


def head() -> str | None:
    """The newest revision the shipped migrations know."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current(engine: Engine) -> str | None:
    """The revision the database is at, or None before the first migration."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"version_table": "platform_alembic_version"}
        )
        return context.get_current_revision()
