"""Each conversation keeps its analysis state, so a new message is read without the
history (`unsnare.analysis.incremental`).

Revision ID: 0003_incremental
Revises: 0002_review
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_incremental"
down_revision = "0002_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the state column (empty: a conversation from before is read once in full)."""
    op.add_column("platform_conversations", sa.Column("analysis", sa.Text, nullable=True))


def downgrade() -> None:
    """Drop the state column."""
    op.drop_column("platform_conversations", "analysis")
