from __future__ import annotations

from datetime import datetime, timedelta

from storage.conversation import (
    ConversationState,
    clear_pending,
    get_state,
    remember_meeting,
    set_pending,
)
from storage.db import Database
from tests.storage.factories import make_account

BIG_MEETING_ID = 98_765_432_101  # 11 digits, beyond 32-bit integers


async def test_remember_meeting_then_pending_then_clear(db: Database, now: datetime) -> None:
    account = await make_account(db, now=now)
    key = "slack:T1:C1"
    assert await get_state(db, account_id=account.id, channel_key=key) is None
    await remember_meeting(
        db, account_id=account.id, channel_key=key, meeting_id=BIG_MEETING_ID, now=now
    )
    pending = {"intent": "cancel", "choices": [1, 2], "question": "Which one?"}
    later = now + timedelta(minutes=1)
    await set_pending(db, account_id=account.id, channel_key=key, pending=pending, now=later)
    assert await get_state(db, account_id=account.id, channel_key=key) == ConversationState(
        account_id=account.id,
        channel_key=key,
        last_meeting_id=BIG_MEETING_ID,
        pending=pending,
        updated_at=later,
    )
    await clear_pending(db, account_id=account.id, channel_key=key, now=later)
    state = await get_state(db, account_id=account.id, channel_key=key)
    assert state is not None
    assert (state.pending, state.last_meeting_id) == (None, BIG_MEETING_ID)


async def test_channels_are_separate(db: Database, now: datetime) -> None:
    account = await make_account(db, now=now)
    await set_pending(db, account_id=account.id, channel_key="a", pending={"q": 1}, now=now)
    await remember_meeting(db, account_id=account.id, channel_key="b", meeting_id=7, now=now)
    a = await get_state(db, account_id=account.id, channel_key="a")
    b = await get_state(db, account_id=account.id, channel_key="b")
    assert a is not None and (a.pending, a.last_meeting_id) == ({"q": 1}, None)
    assert b is not None and (b.pending, b.last_meeting_id) == (None, 7)
