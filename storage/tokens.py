"""Zoom tokens at rest: encrypted, one row per account. Implements zoom.token_store.TokenStore."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, func, select, update
from sqlmodel import col

from storage.crypto import TokenCipher
from storage.db import Database
from storage.models import ZoomTokenRow
from storage.upsert import upsert
from zoom.token_store import TokenStore
from zoom.types import ZoomTokens

TokenStatus = Literal["connected", "broken", "none"]
CONNECTED = "connected"
BROKEN = "broken"


class ZoomTokenRepository:
    """Tokens are encrypted before they reach SQL and decrypted only in memory."""

    def __init__(self, *, db: Database, cipher: TokenCipher, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._cipher = cipher
        self._clock = clock

    async def load(self, account_id: str) -> ZoomTokens | None:
        stmt = select(ZoomTokenRow).where(
            col(ZoomTokenRow.user_id) == account_id, col(ZoomTokenRow.status) == CONNECTED
        )
        async with self._db.session() as session:
            row = (await session.execute(stmt)).scalar_one_or_none()
        if row is None:
            return None
        refresh = self._cipher.decrypt(row.refresh_token) if row.refresh_token else None
        return ZoomTokens(
            access_token=self._cipher.decrypt(row.access_token),
            refresh_token=refresh,
            expires_at=row.expires_at,
            scope=row.scope,
            zoom_account_id=row.account_id,
            zoom_user_id=row.zoom_user_id,
        )

    async def save(self, account_id: str, tokens: ZoomTokens) -> None:
        now = self._clock()
        refresh = self._cipher.encrypt(tokens.refresh_token) if tokens.refresh_token else None
        changes = {
            "access_token": self._cipher.encrypt(tokens.access_token),
            "refresh_token": refresh,
            "expires_at": tokens.expires_at,
            "scope": tokens.scope,
            "account_id": tokens.zoom_account_id,
            "zoom_user_id": tokens.zoom_user_id,
            "status": CONNECTED,
            "broken_reason": None,
            "updated_at": now,
        }
        stmt = upsert(
            self._db.dialect,
            ZoomTokenRow,
            values={"user_id": account_id, "created_at": now, **changes},
            keys=["user_id"],
            update=changes,
        )
        async with self._db.session() as session:
            await session.execute(stmt)

    async def mark_broken(self, account_id: str, reason: str) -> None:
        stmt = (
            update(ZoomTokenRow)
            .where(col(ZoomTokenRow.user_id) == account_id)
            .values(status=BROKEN, broken_reason=reason, updated_at=self._clock())
        )
        async with self._db.session() as session:
            await session.execute(stmt)

    async def delete(self, account_id: str) -> None:
        async with self._db.session() as session:
            await session.execute(
                delete(ZoomTokenRow).where(col(ZoomTokenRow.user_id) == account_id)
            )

    async def status(self, account_id: str) -> TokenStatus:
        stmt = select(col(ZoomTokenRow.status)).where(col(ZoomTokenRow.user_id) == account_id)
        async with self._db.session() as session:
            found = (await session.execute(stmt)).scalar_one_or_none()
        if found is None:
            return "none"
        return "connected" if found == CONNECTED else "broken"

    async def count_by_status(self) -> dict[str, int]:
        """{"connected": n, "broken": m}, both keys always present."""
        stmt = select(col(ZoomTokenRow.status), func.count()).group_by(col(ZoomTokenRow.status))
        async with self._db.session() as session:
            rows = (await session.execute(stmt)).all()
        counts = {CONNECTED: 0, BROKEN: 0}
        counts.update({status: int(n) for status, n in rows})
        return counts


def _implements_token_store(repo: ZoomTokenRepository) -> TokenStore:
    return repo  # mypy checks ZoomTokenRepository against the TokenStore protocol here
