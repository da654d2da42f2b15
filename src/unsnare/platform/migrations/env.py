"""Alembic's environment: run the migrations on the connection `migrate` hands over."""

from __future__ import annotations

from alembic import context

from unsnare.platform.db import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table="platform_alembic_version",
)
with context.begin_transaction():
    context.run_migrations()
