"""The review queue: reviewer accounts, their sessions, and review items.

Revision ID: 0002_review
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_review"
down_revision = "0001"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create the reviewer, session and review-item tables."""
    op.create_table(
        "platform_reviewers",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("tenant", sa.String(32), sa.ForeignKey("platform_tenants.name"),
                  nullable=False),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("totp_secret", sa.String(64), nullable=False),
        sa.Column("totp_last_step", sa.BigInteger, nullable=True),
        sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", _TS, nullable=True),
        sa.Column("created", _TS, nullable=False),
        sa.Column("disabled", _TS, nullable=True),
    )
    op.create_table(
        "platform_review_sessions",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("reviewer", sa.BigInteger, sa.ForeignKey("platform_reviewers.id"),
                  nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created", _TS, nullable=False),
        sa.Column("expires", _TS, nullable=False),
    )
    op.create_table(
        "platform_review_items",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("tenant", sa.String(32), sa.ForeignKey("platform_tenants.name"),
                  nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("conversation", sa.String(200), nullable=True),
        sa.Column("event", sa.BigInteger, nullable=True, unique=True),
        sa.Column("hashes", sa.Text, nullable=False, server_default="{}"),
        sa.Column("crisis", sa.Boolean, nullable=False),
        sa.Column("minor", sa.Boolean, nullable=False),
        sa.Column("risk_score", sa.Float, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created", _TS, nullable=False),
        sa.Column("checked", _TS, nullable=False),
        sa.Column("decided", _TS, nullable=True),
        sa.Column("decided_by", sa.Text, nullable=True),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_platform_review_items_queue", "platform_review_items",
                    ["tenant", "status"])


def downgrade() -> None:
    """Drop everything this revision made."""
    for table in ("platform_review_items", "platform_review_sessions", "platform_reviewers"):
        op.drop_table(table)
