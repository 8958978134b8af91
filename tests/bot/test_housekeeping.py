"""Old idempotency keys, used OAuth states and delivered outbox rows are swept; fresh ones stay."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import housekeeping
from bot.services import Services
from storage import accounts, idempotency, oauth_states, outbox
from storage.crypto import TokenCipher
from tests.fixtures.databases import DatabaseKind, migrated_database

NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgres"])
async def services(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Services]:
    kind: DatabaseKind = request.param
    async with migrated_database(kind, tmp_path=tmp_path) as db:
        cipher = TokenCipher.from_keys(["Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE="])
        # Only db, cipher and clock are used by the sweep; the rest stay unset on purpose.
        yield Services(
            db=db,
            cipher=cipher,
            tokens=None,
            zoom=None,
            oauth=None,  # type: ignore[arg-type]
            parse=None,
            clock=lambda: NOW,
            default_timezone="UTC",  # type: ignore[arg-type]
        )


async def test_sweep_removes_only_what_is_past_its_use(services: Services) -> None:
    db = services.db
    old, fresh = NOW - timedelta(days=3), NOW - timedelta(hours=1)
    await idempotency.claim(db, key="old", now=old)
    await idempotency.claim(db, key="fresh", now=fresh)
    account = await accounts.resolve_identity(
        db, platform="web", tenant_id="web", platform_user_id="u", display_name=None,
        email=None, now=NOW,
    )  # fmt: skip
    for when in (old, NOW - timedelta(minutes=5)):  # expired, still valid
        await oauth_states.create_state(
            db, services.cipher, account_id=account.id, code_verifier="v" * 43, return_to={},
            now=when, ttl=timedelta(minutes=15),
        )  # fmt: skip
    for when in (old, fresh):
        await outbox.enqueue(
            db, platform="web", tenant_id="web", channel_id="c", account_id=account.id,
            payload={}, now=when,
        )  # fmt: skip
    await outbox.claim_due(db, platform="web", worker="w", now=old, limit=1)

    swept = await housekeeping.sweep_once(services)

    assert swept == housekeeping.Swept(idempotency_keys=1, oauth_states=1, outbox_rows=1)
    assert not await idempotency.claim(db, key="fresh", now=NOW), "the fresh key is kept"
    assert await idempotency.claim(db, key="old", now=NOW), "the old key is gone"
    waiting = await outbox.claim_due(db, platform="web", worker="w", now=NOW, limit=10)
    assert len(waiting) == 1, "the undelivered row is kept"
