"""Alembic migrations for the platform service's tables (run by `unsnare platform migrate`)."""
