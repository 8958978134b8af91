"""The audit log: every Zoom action, who, what, when and with what result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlmodel import col

from storage.db import Database
from storage.models import AuditRow


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    account_id: str | None
    action: str
    target: str | None
    result: str
    detail: str | None
    at: datetime


async def record(
    db: Database,
    *,
    account_id: str | None,
    action: str,
    target: str | None,
    result: str,
    detail: str | None,
    at: datetime,
) -> int:
    """Append one entry and return its id. Never put secrets in `detail`."""
    stmt = (
        insert(AuditRow)
        .values(
            account_id=account_id, action=action, target=target, result=result, detail=detail, at=at
        )
        .returning(col(AuditRow.id))
    )
    async with db.session() as session:
        new_id = (await session.execute(stmt)).scalar_one()
    assert new_id is not None  # an autoincrement key is never NULL
    return new_id


async def recent(db: Database, *, account_id: str, limit: int = 20) -> list[AuditEntry]:
    """The account's newest entries first."""
    stmt = (
        select(AuditRow)
        .where(col(AuditRow.account_id) == account_id)
        .order_by(col(AuditRow.at).desc(), col(AuditRow.id).desc())
        .limit(limit)
    )
    async with db.session() as session:
        rows = (await session.execute(stmt)).scalars().all()
    return [
        AuditEntry(
            id=row.id or 0,
            account_id=row.account_id,
            action=row.action,
            target=row.target,
            result=row.result,
            detail=row.detail,
            at=row.at,
        )
        for row in rows
    ]
