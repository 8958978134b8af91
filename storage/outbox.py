"""Messages to deliver later, claimed atomically so no two workers deliver the same row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, insert, select, update
from sqlmodel import col

from storage.db import Database
from storage.models import OutboxRow


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    platform: str
    tenant_id: str | None
    channel_id: str
    account_id: str | None
    payload: dict[str, Any]
    created_at: datetime
    not_before: datetime | None
    claimed_at: datetime | None
    claimed_by: str | None


async def enqueue(
    db: Database,
    *,
    platform: str,
    tenant_id: str | None,
    channel_id: str,
    account_id: str | None,
    payload: dict[str, Any],
    now: datetime,
    not_before: datetime | None = None,
) -> int:
    """Queue a message; `not_before` holds it back until then (reminders). Returns its id."""
    stmt = (
        insert(OutboxRow)
        .values(
            platform=platform,
            tenant_id=tenant_id,
            channel_id=channel_id,
            account_id=account_id,
            payload=payload,
            created_at=now,
            not_before=not_before,
        )
        .returning(col(OutboxRow.id))
    )
    async with db.session() as session:
        new_id = (await session.execute(stmt)).scalar_one()
    assert new_id is not None  # an autoincrement key is never NULL
    return new_id


async def claim_for_channel(
    db: Database, *, platform: str, account_id: str, channel_id: str, worker: str, now: datetime
) -> list[OutboxItem]:
    """Claim every due, unclaimed message for this account in this channel, oldest first."""
    filters = [
        col(OutboxRow.platform) == platform,
        col(OutboxRow.account_id) == account_id,
        col(OutboxRow.channel_id) == channel_id,
    ]
    return await _claim(db, filters=filters, worker=worker, now=now, limit=None)


async def claim_due(
    db: Database, *, platform: str, worker: str, now: datetime, limit: int
) -> list[OutboxItem]:
    """Claim up to `limit` due, unclaimed messages for the platform, across channels."""
    filters = [col(OutboxRow.platform) == platform]
    return await _claim(db, filters=filters, worker=worker, now=now, limit=limit)


async def _claim(
    db: Database,
    *,
    filters: list[ColumnElement[bool]],
    worker: str,
    now: datetime,
    limit: int | None,
) -> list[OutboxItem]:
    # SELECT … FOR UPDATE SKIP LOCKED, then UPDATE those ids … RETURNING, in one transaction.
    # PostgreSQL: rows another replica holds are skipped, ours stay locked until commit. (A single
    # UPDATE … WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED) may rescan the subquery and
    # claim more than n rows.) SQLite ignores FOR UPDATE; BEGIN IMMEDIATE serialises writers.
    unclaimed = col(OutboxRow.claimed_at).is_(None)
    due = col(OutboxRow.not_before).is_(None) | (col(OutboxRow.not_before) <= now)
    pick = (
        select(col(OutboxRow.id))
        .where(*filters, unclaimed, due)
        .order_by(col(OutboxRow.id))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    async with db.session() as session:
        ids = list((await session.execute(pick)).scalars().all())
        if not ids:
            return []
        stmt = (
            update(OutboxRow)
            .where(col(OutboxRow.id).in_(ids), unclaimed)
            .values(claimed_at=now, claimed_by=worker)
            .returning(OutboxRow)
        )
        rows = (await session.execute(stmt)).scalars().all()
        items = [_item(row) for row in rows]
    return sorted(items, key=lambda item: item.id)


def _item(row: OutboxRow) -> OutboxItem:
    assert row.id is not None
    return OutboxItem(
        id=row.id,
        platform=row.platform,
        tenant_id=row.tenant_id,
        channel_id=row.channel_id,
        account_id=row.account_id,
        payload=row.payload,
        created_at=row.created_at,
        not_before=row.not_before,
        claimed_at=row.claimed_at,
        claimed_by=row.claimed_by,
    )


async def purge_claimed_before(db: Database, *, cutoff: datetime) -> int:
    """Delete messages claimed (delivered) before `cutoff`; returns how many."""
    stmt = delete(OutboxRow).where(col(OutboxRow.claimed_at) < cutoff)
    async with db.session() as session:
        result = await session.execute(stmt)
    return int(getattr(result, "rowcount", 0))
