from __future__ import annotations

import asyncio
import base64
from datetime import datetime, timedelta

from sqlalchemy import select

from storage.crypto import TokenCipher
from storage.db import Database
from storage.models import OAuthStateRow
from storage.oauth_states import consume_state, create_state, purge_expired
from tests.storage.factories import make_account

TTL = timedelta(minutes=10)
RETURN_TO = {"platform": "slack", "tenant_id": "T1", "channel_id": "C1"}


async def _state(db: Database, cipher: TokenCipher, now: datetime) -> tuple[str, str]:
    account = await make_account(db, now=now)
    state = await create_state(
        db,
        cipher,
        account_id=account.id,
        code_verifier="pkce-verifier-xyz",
        return_to=RETURN_TO,
        now=now,
        ttl=TTL,
    )
    return state, account.id


async def test_state_is_random_urlsafe_and_verifier_encrypted(
    db: Database, cipher: TokenCipher, now: datetime
) -> None:
    state, _ = await _state(db, cipher, now)
    assert len(base64.urlsafe_b64decode(state + "=" * (-len(state) % 4))) >= 32
    async with db.session() as session:
        row = (await session.execute(select(OAuthStateRow))).scalar_one()
    assert "pkce-verifier-xyz" not in row.code_verifier
    assert cipher.decrypt(row.code_verifier) == "pkce-verifier-xyz"


async def test_consume_returns_the_data_once(
    db: Database, cipher: TokenCipher, now: datetime
) -> None:
    state, account_id = await _state(db, cipher, now)
    used = await consume_state(db, cipher, state=state, now=now + timedelta(minutes=1))
    assert used is not None
    assert (used.account_id, used.code_verifier, used.return_to) == (
        account_id,
        "pkce-verifier-xyz",
        RETURN_TO,
    )
    assert used.expires_at == now + TTL
    assert await consume_state(db, cipher, state=state, now=now + timedelta(minutes=2)) is None
    assert await consume_state(db, cipher, state="unknown", now=now) is None


async def test_concurrent_consumers_exactly_one_wins(
    db: Database, cipher: TokenCipher, now: datetime
) -> None:
    state, _ = await _state(db, cipher, now)
    results = await asyncio.gather(
        *(consume_state(db, cipher, state=state, now=now) for _ in range(10))
    )
    assert sum(result is not None for result in results) == 1


async def test_expired_state_is_refused_and_purged(
    db: Database, cipher: TokenCipher, now: datetime
) -> None:
    state, _ = await _state(db, cipher, now)
    assert await consume_state(db, cipher, state=state, now=now + TTL) is None
    fresh, _ = await _state(db, cipher, now + TTL)
    assert await purge_expired(db, now=now + TTL) == 1
    assert await consume_state(db, cipher, state=fresh, now=now + TTL) is not None
