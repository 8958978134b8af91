"""Idempotency keys: the first claimer of a key does the work; others may read its result."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from storage.db import Database
from storage.models import IdempotencyRow


async def claim(db: Database, *, key: str, now: datetime) -> bool:
    """True only for the first caller with this key (the primary key decides, even concurrently)."""
    try:
        async with db.session() as session:
            await session.execute(insert(IdempotencyRow).values(key=key, created_at=now))
    except IntegrityError:
        return False
    return True


async def save_result(db: Database, *, key: str, result: dict[str, Any]) -> None:
    stmt = update(IdempotencyRow).where(col(IdempotencyRow.key) == key).values(result=result)
    async with db.session() as session:
        await session.execute(stmt)


async def get_result(db: Database, *, key: str) -> dict[str, Any] | None:
    stmt = select(col(IdempotencyRow.result)).where(col(IdempotencyRow.key) == key)
    async with db.session() as session:
        return (await session.execute(stmt)).scalar_one_or_none()


async def purge_older_than(db: Database, *, cutoff: datetime) -> int:
    """Delete keys created before `cutoff`; returns how many."""
    stmt = delete(IdempotencyRow).where(col(IdempotencyRow.created_at) < cutoff)
    async with db.session() as session:
        result = await session.execute(stmt)
    return int(getattr(result, "rowcount", 0))
