"""Per-channel conversation memory: the last meeting referred to, and the open question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from storage.db import Database
from storage.models import ConversationRow
from storage.upsert import upsert


@dataclass(frozen=True, slots=True)
class ConversationState:
    account_id: str
    channel_key: str
    last_meeting_id: int | None
    pending: dict[str, Any] | None
    updated_at: datetime


async def get_state(db: Database, *, account_id: str, channel_key: str) -> ConversationState | None:
    stmt = select(ConversationRow).where(
        col(ConversationRow.account_id) == account_id,
        col(ConversationRow.channel_key) == channel_key,
    )
    async with db.session() as session:
        row = (await session.execute(stmt)).scalar_one_or_none()
    if row is None:
        return None
    return ConversationState(
        account_id=row.account_id,
        channel_key=row.channel_key,
        last_meeting_id=row.last_meeting_id,
        pending=row.pending,
        updated_at=row.updated_at,
    )


async def _write(
    db: Database, *, account_id: str, channel_key: str, changes: dict[str, Any], now: datetime
) -> None:
    changes = {**changes, "updated_at": now}
    base: dict[str, Any] = {"last_meeting_id": None, "pending": None}
    stmt = upsert(
        db.dialect,
        ConversationRow,
        values={**base, **changes, "account_id": account_id, "channel_key": channel_key},
        keys=["account_id", "channel_key"],
        update=changes,
    )
    async with db.session() as session:
        await session.execute(stmt)


async def remember_meeting(
    db: Database, *, account_id: str, channel_key: str, meeting_id: int, now: datetime
) -> None:
    """The meeting "it" now refers to in this channel."""
    changes = {"last_meeting_id": meeting_id}
    await _write(db, account_id=account_id, channel_key=channel_key, changes=changes, now=now)


async def set_pending(
    db: Database, *, account_id: str, channel_key: str, pending: dict[str, Any], now: datetime
) -> None:
    """The question we just asked (JSON-serialisable); the next message answers it."""
    changes = {"pending": pending}
    await _write(db, account_id=account_id, channel_key=channel_key, changes=changes, now=now)


async def clear_pending(db: Database, *, account_id: str, channel_key: str, now: datetime) -> None:
    changes = {"pending": None}
    await _write(db, account_id=account_id, channel_key=channel_key, changes=changes, now=now)
