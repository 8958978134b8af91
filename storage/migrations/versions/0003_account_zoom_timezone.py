"""accounts.zoom_timezone: the Zoom profile's zone, a default below the user's own choice.

Revision ID: 0003_account_zoom_timezone
Revises: 0002_slack_installations
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_account_zoom_timezone"
down_revision: str | None = "0002_slack_installations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("zoom_timezone", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("zoom_timezone")
