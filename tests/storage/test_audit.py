from __future__ import annotations

from datetime import datetime, timedelta

from storage.audit import AuditEntry, recent, record
from storage.db import Database


async def test_record_then_recent_newest_first_with_limit(db: Database, now: datetime) -> None:
    ids = []
    for minute in range(5):
        ids.append(
            await record(
                db,
                account_id="acct-1",
                action="meeting.create",
                target=f"meeting:{minute}",
                result="ok",
                detail=None,
                at=now + timedelta(minutes=minute),
            )
        )
    await record(
        db,
        account_id="acct-2",
        action="meeting.delete",
        target="meeting:9",
        result="error",
        detail="404",
        at=now,
    )
    entries = await recent(db, account_id="acct-1", limit=3)
    assert [e.target for e in entries] == ["meeting:4", "meeting:3", "meeting:2"]
    assert entries[0] == AuditEntry(
        id=ids[4],
        account_id="acct-1",
        action="meeting.create",
        target="meeting:4",
        result="ok",
        detail=None,
        at=now + timedelta(minutes=4),
    )
    (other,) = await recent(db, account_id="acct-2")
    assert (other.result, other.detail) == ("error", "404")
