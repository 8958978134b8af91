from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from sqlalchemy import func, select

from storage.accounts import email_for, get_account, resolve_identity, set_timezone
from storage.db import Database
from storage.models import AccountRow, IdentityRow
from tests.storage.factories import make_account


async def test_first_sight_creates_then_reuses_and_updates(db: Database, now: datetime) -> None:
    first = await make_account(db, now=now)
    assert first.timezone is None and first.created_at == now
    later = now + timedelta(days=1)
    again = await resolve_identity(
        db,
        platform="slack",
        tenant_id="T1",
        platform_user_id="U1",
        display_name="Renamed",
        email="new@example.com",
        now=later,
    )
    assert again == first
    assert await email_for(db, first.id) == "new@example.com"
    async with db.session() as session:
        identity = (await session.execute(select(IdentityRow))).scalar_one()
    assert (identity.display_name, identity.updated_at) == ("Renamed", later)


async def test_same_user_id_in_another_tenant_or_platform_is_another_account(
    db: Database, now: datetime
) -> None:
    base = await make_account(db, now=now)
    other_tenant = await resolve_identity(
        db,
        platform="slack",
        tenant_id="T2",
        platform_user_id="U1",
        display_name=None,
        email=None,
        now=now,
    )
    other_platform = await resolve_identity(
        db,
        platform="discord",
        tenant_id="T1",
        platform_user_id="U1",
        display_name=None,
        email=None,
        now=now,
    )
    assert len({base.id, other_tenant.id, other_platform.id}) == 3
    assert await email_for(db, other_tenant.id) is None


async def test_concurrent_first_sight_makes_one_account(db: Database, now: datetime) -> None:
    results = await asyncio.gather(*(make_account(db, now=now, user="UX") for _ in range(10)))
    assert len({account.id for account in results}) == 1
    async with db.session() as session:
        accounts = (await session.execute(select(func.count()).select_from(AccountRow))).scalar()
        identities = (await session.execute(select(func.count()).select_from(IdentityRow))).scalar()
    assert (accounts, identities) == (1, 1)


async def test_set_timezone_and_get_account(db: Database, now: datetime) -> None:
    account = await make_account(db, now=now)
    await set_timezone(db, account_id=account.id, timezone="Europe/Paris")
    stored = await get_account(db, account.id)
    assert stored is not None and stored.timezone == "Europe/Paris"
    await set_timezone(db, account_id=account.id, timezone=None)
    stored = await get_account(db, account.id)
    assert stored is not None and stored.timezone is None
    assert await get_account(db, "no-such-account") is None
