"""Slack app installations at rest: one row per (org, workspace, installer), encrypted.

Platform-neutral on purpose (no slack_sdk here): the Slack adapter converts its SDK objects to
and from `SlackInstallation.data`, a plain dict. The whole dict (bot and user tokens included)
is stored as one Fernet token; only the lookup keys are plaintext.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    Column,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    select,
)
from sqlmodel import Field, SQLModel, col

from storage.columns import UTCDateTime
from storage.db import Database
from storage.upsert import upsert

if TYPE_CHECKING:  # storage.crypto imports storage.models; this module must not (no cycle)
    from storage.crypto import TokenCipher

NO_ID = ""  # enterprise_id / team_id are stored as "" when absent, so the unique key works


class SlackInstallationRow(SQLModel, table=True):
    __tablename__ = "slack_installations"
    __table_args__ = (
        UniqueConstraint("enterprise_id", "team_id", "user_id", name="uq_slack_installations"),
        Index("ix_slack_installations_team", "enterprise_id", "team_id", "installed_at"),
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    enterprise_id: str = Field(sa_column=Column(String(64), nullable=False))
    team_id: str = Field(sa_column=Column(String(64), nullable=False))
    user_id: str = Field(sa_column=Column(String(64), nullable=False))
    is_enterprise_install: bool = Field(sa_column=Column(Boolean, nullable=False))
    has_bot: bool = Field(sa_column=Column(Boolean, nullable=False))
    data: str = Field(sa_column=Column(Text, nullable=False))  # encrypted JSON
    installed_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


@dataclass(frozen=True, slots=True)
class SlackInstallation:
    enterprise_id: str | None
    team_id: str | None
    user_id: str
    is_enterprise_install: bool
    has_bot: bool
    installed_at: datetime  # aware
    data: dict[str, Any]  # the adapter's own representation, decrypted


def _key(value: str | None) -> str:
    return value or NO_ID


def _scope(
    enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool
) -> list[Any]:
    # An org-wide install answers for every workspace of the org (as slack_sdk's stores do).
    team = NO_ID if is_enterprise_install else _key(team_id)
    return [
        col(SlackInstallationRow.enterprise_id) == _key(enterprise_id),
        col(SlackInstallationRow.team_id) == team,
    ]


class SlackInstallationRepository:
    def __init__(self, *, db: Database, cipher: TokenCipher, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._cipher = cipher
        self._clock = clock

    async def save(self, installation: SlackInstallation) -> None:
        """Insert, or replace the installer's previous row for this org/workspace."""
        team = NO_ID if installation.is_enterprise_install else _key(installation.team_id)
        changes = {
            "is_enterprise_install": installation.is_enterprise_install,
            "has_bot": installation.has_bot,
            "data": self._cipher.encrypt(json.dumps(installation.data, sort_keys=True)),
            "installed_at": installation.installed_at,
            "updated_at": self._clock(),
        }
        keys = {
            "enterprise_id": _key(installation.enterprise_id),
            "team_id": team,
            "user_id": installation.user_id,
        }
        stmt = upsert(
            self._db.dialect,
            SlackInstallationRow,
            values={**keys, **changes},
            keys=list(keys),
            update=changes,
        )
        async with self._db.session() as session:
            await session.execute(stmt)

    async def find(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool = False,
        bot_only: bool = False,
    ) -> SlackInstallation | None:
        """The installer's row when `user_id` is given, else the newest (with a bot if asked)."""
        filters = _scope(enterprise_id, team_id, is_enterprise_install)
        if user_id is not None:
            filters.append(col(SlackInstallationRow.user_id) == user_id)
        if bot_only:
            filters.append(col(SlackInstallationRow.has_bot).is_(True))
        stmt = (
            select(SlackInstallationRow)
            .where(*filters)
            .order_by(
                col(SlackInstallationRow.installed_at).desc(), col(SlackInstallationRow.id).desc()
            )
            .limit(1)
        )
        async with self._db.session() as session:
            row = (await session.execute(stmt)).scalar_one_or_none()
        return None if row is None else self._decode(row)

    async def delete(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> int:
        """Delete the installer's row, or every row of the org/workspace; returns how many."""
        filters = _scope(enterprise_id, team_id, False)
        if user_id is not None:
            filters.append(col(SlackInstallationRow.user_id) == user_id)
        async with self._db.session() as session:
            result = await session.execute(delete(SlackInstallationRow).where(*filters))
        return int(getattr(result, "rowcount", 0))

    async def rotate(self, cipher: TokenCipher) -> int:
        """Re-encrypt every row with `cipher`'s newest key; returns the rows rewritten."""
        async with self._db.session() as session:
            rows = (await session.execute(select(SlackInstallationRow))).scalars().all()
            for row in rows:
                row.data = cipher.rotate(row.data)
        return len(rows)

    def _decode(self, row: SlackInstallationRow) -> SlackInstallation:
        return SlackInstallation(
            enterprise_id=row.enterprise_id or None,
            team_id=row.team_id or None,
            user_id=row.user_id,
            is_enterprise_install=row.is_enterprise_install,
            has_bot=row.has_bot,
            installed_at=row.installed_at,
            data=json.loads(self._cipher.decrypt(row.data)),
        )
