"""Builders for storage test data."""

from __future__ import annotations

from datetime import datetime, timedelta

from storage.accounts import Account, resolve_identity
from storage.db import Database
from zoom.types import ZoomTokens

ACCESS = "eyJhbGciOiJIUzUxMiJ9.access-PLAINTEXT-4f1c2a9e"
REFRESH = "eyJhbGciOiJIUzUxMiJ9.refresh-PLAINTEXT-8b7d6e5f"


def make_tokens(
    *, now: datetime, access: str = ACCESS, refresh: str | None = REFRESH
) -> ZoomTokens:
    return ZoomTokens(
        access_token=access,
        refresh_token=refresh,
        expires_at=now + timedelta(hours=1),
        scope="meeting:read meeting:write user:read",
        zoom_account_id="zoom-acct-1",
        zoom_user_id="zoom-user-1",
    )


async def make_account(db: Database, *, now: datetime, user: str = "U1") -> Account:
    return await resolve_identity(
        db,
        platform="slack",
        tenant_id="T1",
        platform_user_id=user,
        display_name=f"User {user}",
        email=f"{user.lower()}@example.com",
        now=now,
    )
