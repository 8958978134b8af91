from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import StatementError

from storage import audit
from storage.db import Database


async def test_datetimes_come_back_aware_utc(db: Database) -> None:
    paris_winter = timezone(timedelta(hours=1))
    at = datetime(2026, 1, 5, 9, 15, 30, 123456, tzinfo=paris_winter)
    await audit.record(
        db, account_id="a", action="list", target=None, result="ok", detail=None, at=at
    )
    (entry,) = await audit.recent(db, account_id="a")
    assert entry.at.tzinfo is not None
    assert entry.at.utcoffset() == timedelta(0)
    assert entry.at == at
    assert entry.at.hour == 8


async def test_naive_datetimes_are_refused(db: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"):
        await audit.record(
            db,
            account_id="a",
            action="list",
            target=None,
            result="ok",
            detail=None,
            at=datetime(2026, 1, 5, 9, 0),
        )
    assert await audit.recent(db, account_id="a") == []


async def test_ordering_follows_instants_not_local_wall_times(db: Database) -> None:
    early = datetime(2026, 1, 5, 12, 0, tzinfo=timezone(timedelta(hours=5)))  # 07:00 UTC
    late = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    for action, at in (("late", late), ("early", early)):
        await audit.record(
            db, account_id="a", action=action, target=None, result="ok", detail=None, at=at
        )
    assert [e.action for e in await audit.recent(db, account_id="a")] == ["late", "early"]
