from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from storage.db import Database
from storage.outbox import (
    OutboxItem,
    claim_due,
    claim_for_channel,
    enqueue,
    purge_claimed_before,
)


async def _enqueue(
    db: Database,
    now: datetime,
    *,
    channel: str = "C1",
    text: str = "hi",
    not_before: datetime | None = None,
) -> int:
    return await enqueue(
        db,
        platform="slack",
        tenant_id="T1",
        channel_id=channel,
        account_id="acct-1",
        payload={"text": text},
        now=now,
        not_before=not_before,
    )


async def test_claim_for_channel_returns_only_that_channel_once(
    db: Database, now: datetime
) -> None:
    first = await _enqueue(db, now, text="Connected")
    second = await _enqueue(db, now, text="again")
    await _enqueue(db, now, channel="C2")
    items = await claim_for_channel(
        db, platform="slack", account_id="acct-1", channel_id="C1", worker="w1", now=now
    )
    assert [item.id for item in items] == [first, second]
    assert items[0] == OutboxItem(
        id=first,
        platform="slack",
        tenant_id="T1",
        channel_id="C1",
        account_id="acct-1",
        payload={"text": "Connected"},
        created_at=now,
        not_before=None,
        claimed_at=now,
        claimed_by="w1",
    )
    again = await claim_for_channel(
        db, platform="slack", account_id="acct-1", channel_id="C1", worker="w2", now=now
    )
    assert again == []


async def test_claim_due_respects_not_before_and_limit(db: Database, now: datetime) -> None:
    later = now + timedelta(minutes=30)
    reminder = await _enqueue(db, now, not_before=later)
    ids = [await _enqueue(db, now, channel=f"C{i}") for i in range(3)]
    got = await claim_due(db, platform="slack", worker="w", now=now, limit=2)
    assert [item.id for item in got] == ids[:2]
    assert await claim_due(db, platform="discord", worker="w", now=later, limit=10) == []
    rest = await claim_due(db, platform="slack", worker="w", now=later, limit=10)
    assert [item.id for item in rest] == [reminder, ids[2]]


async def test_concurrent_claims_never_hand_out_a_row_twice(db: Database, now: datetime) -> None:
    for i in range(30):
        await _enqueue(db, now, channel=f"C{i % 3}")
    batches = await asyncio.gather(
        *(claim_due(db, platform="slack", worker=f"w{n}", now=now, limit=4) for n in range(12))
    )
    ids = [item.id for batch in batches for item in batch]
    assert len(ids) == len(set(ids)) == 30


async def test_purge_removes_delivered_rows(db: Database, now: datetime) -> None:
    await _enqueue(db, now)
    (item,) = await claim_due(db, platform="slack", worker="w1", now=now, limit=5)
    assert item.claimed_by == "w1"
    assert await purge_claimed_before(db, cutoff=now) == 0
    assert await purge_claimed_before(db, cutoff=now + timedelta(seconds=1)) == 1
