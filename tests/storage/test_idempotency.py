from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from storage.db import Database
from storage.idempotency import claim, get_result, purge_older_than, save_result


async def test_first_claim_wins_and_result_is_kept(db: Database, now: datetime) -> None:
    assert await claim(db, key="slack:evt-1", now=now) is True
    assert await claim(db, key="slack:evt-1", now=now) is False
    assert await get_result(db, key="slack:evt-1") is None
    await save_result(db, key="slack:evt-1", result={"meeting_id": 98_765_432_101})
    assert await get_result(db, key="slack:evt-1") == {"meeting_id": 98_765_432_101}
    assert await get_result(db, key="never-claimed") is None


async def test_concurrent_claims_exactly_one_wins(db: Database, now: datetime) -> None:
    results = await asyncio.gather(*(claim(db, key="k", now=now) for _ in range(10)))
    assert results.count(True) == 1


async def test_purge_older_than_frees_old_keys(db: Database, now: datetime) -> None:
    await claim(db, key="old", now=now)
    await claim(db, key="new", now=now + timedelta(hours=2))
    assert await purge_older_than(db, cutoff=now + timedelta(hours=1)) == 1
    assert await claim(db, key="old", now=now + timedelta(hours=3)) is True
    assert await claim(db, key="new", now=now + timedelta(hours=3)) is False
