"""Slack installations (issue 4): one encrypted row per (org, workspace, installer).

Revision ID: 0002_slack_installations
Revises: 0001_initial
Create Date: 2026-11-26

Hand-written to match storage/slack_installations.py (SlackInstallationRow): plain
sa.DateTime(timezone=True) for the app's UTCDateTime decorator, as in 0001.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_slack_installations"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "slack_installations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("is_enterprise_install", sa.Boolean(), nullable=False),
        sa.Column("has_bot", sa.Boolean(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),  # encrypted JSON, tokens included
        sa.Column("installed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("enterprise_id", "team_id", "user_id", name="uq_slack_installations"),
    )
    op.create_index(
        "ix_slack_installations_team",
        "slack_installations",
        ["enterprise_id", "team_id", "installed_at"],
    )


def downgrade() -> None:
    op.drop_table("slack_installations")  # drops its index with it
