"""OAuth `state` values: random, single use, expiring; the PKCE verifier is stored encrypted."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, update
from sqlmodel import col

from storage.crypto import TokenCipher
from storage.db import Database
from storage.models import OAuthStateRow

STATE_BYTES = 32


@dataclass(frozen=True, slots=True)
class OAuthState:
    state: str
    account_id: str
    code_verifier: str  # decrypted
    return_to: dict[str, Any]
    created_at: datetime
    expires_at: datetime


async def create_state(
    db: Database,
    cipher: TokenCipher,
    *,
    account_id: str,
    code_verifier: str,
    return_to: dict[str, Any],
    now: datetime,
    ttl: timedelta,
) -> str:
    """A fresh url-safe state (32 random bytes) bound to the account; valid for `ttl`."""
    state = secrets.token_urlsafe(STATE_BYTES)
    stmt = insert(OAuthStateRow).values(
        state=state,
        account_id=account_id,
        code_verifier=cipher.encrypt(code_verifier),
        return_to=return_to,
        created_at=now,
        expires_at=now + ttl,
        used_at=None,
    )
    async with db.session() as session:
        await session.execute(stmt)
    return state


async def consume_state(
    db: Database, cipher: TokenCipher, *, state: str, now: datetime
) -> OAuthState | None:
    """Use the state once. None when unknown, expired or already used.

    One UPDATE … WHERE used_at IS NULL AND expires_at > now … RETURNING: of concurrent callers,
    only the one whose update changed the row gets it back.
    """
    stmt = (
        update(OAuthStateRow)
        .where(
            col(OAuthStateRow.state) == state,
            col(OAuthStateRow.used_at).is_(None),
            col(OAuthStateRow.expires_at) > now,
        )
        .values(used_at=now)
        .returning(
            col(OAuthStateRow.account_id),
            col(OAuthStateRow.code_verifier),
            col(OAuthStateRow.return_to),
            col(OAuthStateRow.created_at),
            col(OAuthStateRow.expires_at),
        )
    )
    async with db.session() as session:
        row = (await session.execute(stmt)).first()
    if row is None:
        return None
    account_id, verifier, return_to, created_at, expires_at = row
    return OAuthState(
        state=state,
        account_id=account_id,
        code_verifier=cipher.decrypt(verifier),
        return_to=return_to,
        created_at=created_at,
        expires_at=expires_at,
    )


async def purge_expired(db: Database, *, now: datetime) -> int:
    """Delete states that expired or were used; returns how many."""
    stmt = delete(OAuthStateRow).where(
        (col(OAuthStateRow.expires_at) <= now) | col(OAuthStateRow.used_at).is_not(None)
    )
    async with db.session() as session:
        result = await session.execute(stmt)
    return int(getattr(result, "rowcount", 0))
