"""Tenants, API keys, rate windows, the audit log, conversations, findings, the outbox.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create the service's tables and make the audit log append-only."""
    op.create_table(
        "platform_tenants",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("threshold", sa.String(16), nullable=False, server_default="medium"),
        sa.Column("webhook_url", sa.Text, nullable=True),
        sa.Column("webhook_secret", sa.Text, nullable=True),
        sa.Column("created", _TS, nullable=False),
    )
    op.create_table(
        "platform_api_keys",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("tenant", sa.String(32), sa.ForeignKey("platform_tenants.name"),
                  nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("scopes", sa.Text, nullable=False),
        sa.Column("rate_per_minute", sa.Integer, nullable=False),
        sa.Column("label", sa.Text, nullable=False, server_default=""),
        sa.Column("created", _TS, nullable=False),
        sa.Column("revoked", _TS, nullable=True),
    )
    op.create_table(
        "platform_rate_windows",
        sa.Column("key_id", sa.String(32), primary_key=True),
        sa.Column("minute", sa.BigInteger, primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_table(
        "platform_audit_log",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("at", _TS, nullable=False),
        sa.Column("tenant", sa.String(32), nullable=True),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("key_id", sa.String(32), nullable=True),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False, server_default="{}"),
    )
    op.create_table(
        "platform_conversations",
        sa.Column("tenant", sa.String(32), sa.ForeignKey("platform_tenants.name"),
                  primary_key=True),
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("message_count", sa.Integer, nullable=False),
        sa.Column("risk_level", sa.String(16), nullable=False),
        sa.Column("risk_score", sa.Float, nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("alerted", sa.String(16), nullable=True),
        sa.Column("created", _TS, nullable=False),
        sa.Column("updated", _TS, nullable=False),
    )
    op.create_table(
        "platform_messages",
        sa.Column("tenant", sa.String(32), primary_key=True),
        sa.Column("conversation", sa.String(200), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("message_id", sa.String(200), nullable=False),
        sa.Column("sender", sa.String(200), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sent_at", _TS, nullable=True),
        sa.Column("received", _TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant", "conversation"],
            ["platform_conversations.tenant", "platform_conversations.id"],
        ),
        sa.UniqueConstraint("tenant", "conversation", "message_id",
                            name="uq_platform_message_id"),
    )
    op.create_table(
        "platform_findings",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("tenant", sa.String(32), nullable=False),
        sa.Column("conversation", sa.String(200), nullable=False),
        sa.Column("message_id", sa.String(200), nullable=False),
        sa.Column("tactic", sa.String(32), nullable=False),
        sa.Column("detector", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("explanation", sa.Text, nullable=False),
        sa.UniqueConstraint("tenant", "conversation", "message_id", "tactic", "detector",
                            "start", name="uq_platform_finding"),
    )
    op.create_table(
        "platform_outbox",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("tenant", sa.String(32), nullable=False),
        sa.Column("conversation", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("threshold", sa.String(16), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created", _TS, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt", _TS, nullable=False),
        sa.Column("delivered", _TS, nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.UniqueConstraint("tenant", "conversation", "kind", "threshold",
                            name="uq_platform_event"),
    )
    # The audit log only grows: the database itself refuses changes and deletions.
    op.execute(
        "CREATE FUNCTION platform_audit_append_only() RETURNS trigger AS $$ "
        "BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$ LANGUAGE plpgsql"
    )
    op.execute(
        "CREATE TRIGGER platform_audit_no_change BEFORE UPDATE OR DELETE ON platform_audit_log "
        "FOR EACH ROW EXECUTE FUNCTION platform_audit_append_only()"
    )
    op.execute(
        "CREATE TRIGGER platform_audit_no_truncate BEFORE TRUNCATE ON platform_audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_append_only()"
    )


def downgrade() -> None:
    """Drop everything this revision made."""
    for table in ("platform_outbox", "platform_findings", "platform_messages",
                  "platform_conversations", "platform_audit_log", "platform_rate_windows",
                  "platform_api_keys", "platform_tenants"):
        op.drop_table(table)
    op.execute("DROP FUNCTION IF EXISTS platform_audit_append_only()")
