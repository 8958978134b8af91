"""Accounts and the platform identities that link to them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.db import Database
from storage.models import AccountRow, IdentityRow

_ATTEMPTS = 5


@dataclass(frozen=True, slots=True)
class Account:
    id: str
    timezone: str | None  # IANA zone the user chose, or None
    created_at: datetime
    zoom_timezone: str | None = None  # from the Zoom profile; only a default


def _account(row: AccountRow) -> Account:
    return Account(
        id=row.id,
        timezone=row.timezone,
        created_at=row.created_at,
        zoom_timezone=row.zoom_timezone,
    )


async def resolve_identity(
    db: Database,
    *,
    platform: str,
    tenant_id: str,
    platform_user_id: str,
    display_name: str | None,
    email: str | None,
    now: datetime,
) -> Account:
    """The account behind a platform user; created on first sight, name/email refreshed after.

    Concurrent first calls are safe: the unique (platform, tenant_id, platform_user_id)
    constraint lets exactly one insert win; the others retry and find it.
    """
    for _ in range(_ATTEMPTS):
        try:
            async with db.session() as session:
                found = await _existing(
                    session, platform=platform, tenant_id=tenant_id, user_id=platform_user_id
                )
                if found is None:
                    account = AccountRow(id=str(uuid.uuid4()), timezone=None, created_at=now)
                    session.add(account)
                    await session.flush()  # the identity's foreign key needs the account row
                    session.add(
                        IdentityRow(
                            platform=platform,
                            tenant_id=tenant_id,
                            platform_user_id=platform_user_id,
                            account_id=account.id,
                            display_name=display_name,
                            email=email,
                            created_at=now,
                            updated_at=now,
                        )
                    )
                    return _account(account)
                identity, account = found
                if (identity.display_name, identity.email) != (display_name, email):
                    identity.display_name, identity.email = display_name, email
                    identity.updated_at = now
                return _account(account)
        except IntegrityError:
            continue  # another caller created this identity first; read theirs
    raise RuntimeError("resolve_identity: could not create or find the identity")


async def _existing(
    session: AsyncSession, *, platform: str, tenant_id: str, user_id: str
) -> tuple[IdentityRow, AccountRow] | None:
    stmt = (
        select(IdentityRow, AccountRow)
        .join(AccountRow, col(AccountRow.id) == col(IdentityRow.account_id))
        .where(
            col(IdentityRow.platform) == platform,
            col(IdentityRow.tenant_id) == tenant_id,
            col(IdentityRow.platform_user_id) == user_id,
        )
    )
    row = (await session.execute(stmt)).first()
    return None if row is None else (row[0], row[1])


async def get_account(db: Database, account_id: str) -> Account | None:
    async with db.session() as session:
        row = await session.get(AccountRow, account_id)
        return None if row is None else _account(row)


async def set_timezone(db: Database, *, account_id: str, timezone: str | None) -> None:
    """Store the user's IANA zone (validated by the caller), or None to forget it."""
    async with db.session() as session:
        await session.execute(
            update(AccountRow).where(col(AccountRow.id) == account_id).values(timezone=timezone)
        )


async def set_zoom_timezone(db: Database, *, account_id: str, timezone: str | None) -> None:
    """Remember the zone of the user's Zoom profile (a default, below the user's own choice)."""
    async with db.session() as session:
        await session.execute(
            update(AccountRow)
            .where(col(AccountRow.id) == account_id)
            .values(zoom_timezone=timezone)
        )


async def email_for(db: Database, account_id: str) -> str | None:
    """The most recently updated e-mail among the account's identities."""
    stmt = (
        select(col(IdentityRow.email))
        .where(col(IdentityRow.account_id) == account_id, col(IdentityRow.email).is_not(None))
        .order_by(col(IdentityRow.updated_at).desc())
        .limit(1)
    )
    async with db.session() as session:
        return (await session.execute(stmt)).scalar_one_or_none()
