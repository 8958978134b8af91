"""Hands out valid access tokens: refresh ahead of expiry, once, saved before use."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from zoom.errors import ZoomAuthError, ZoomNotConnected
from zoom.oauth import TokenEndpointError, ZoomOAuth
from zoom.token_store import TokenStore
from zoom.types import ZoomTokens


@dataclass(frozen=True, slots=True)
class Grant:
    """What a REST call needs: the bearer token and the `{userId}` to put in paths."""

    access_token: str
    user_path: str


class TokenManager:
    def __init__(
        self,
        *,
        oauth: ZoomOAuth,
        store: TokenStore,
        clock: Callable[[], datetime],
        refresh_margin: timedelta = timedelta(minutes=5),
        s2s_user_lookup: Callable[[str], Awaitable[str | None]] | None = None,
    ) -> None:
        self._oauth = oauth
        self._store = store
        self._clock = clock
        self._margin = refresh_margin
        self._s2s_user_lookup = s2s_user_lookup
        self._locks: dict[str, asyncio.Lock] = {}
        self._s2s_lock = asyncio.Lock()
        self._s2s_tokens: ZoomTokens | None = None

    async def grant(self, account_id: str) -> Grant:
        if self._oauth.server_to_server:
            return await self._s2s_grant(account_id, rejected_token=None)
        tokens = await self._store.load(account_id)
        if tokens is None:
            raise ZoomNotConnected("no Zoom connection for this account")
        if self._is_stale(tokens):
            tokens = await self._refresh_locked(account_id, need=self._is_stale)
        return Grant(access_token=tokens.access_token, user_path="me")

    async def force_refresh(self, account_id: str, *, rejected_token: str) -> Grant:
        """After a 401: refresh unless someone already replaced `rejected_token`."""
        if self._oauth.server_to_server:
            return await self._s2s_grant(account_id, rejected_token=rejected_token)
        tokens = await self._refresh_locked(
            account_id, need=lambda t: t.access_token == rejected_token
        )
        return Grant(access_token=tokens.access_token, user_path="me")

    async def mark_broken(self, account_id: str, reason: str) -> None:
        """Zoom still refuses a freshly refreshed token: the user must reconnect."""
        if not self._oauth.server_to_server:
            await self._store.mark_broken(account_id, reason)

    def _is_stale(self, tokens: ZoomTokens) -> bool:
        return tokens.expires_at - self._margin <= self._clock()

    def _lock(self, account_id: str) -> asyncio.Lock:
        return self._locks.setdefault(account_id, asyncio.Lock())

    async def _refresh_locked(
        self, account_id: str, *, need: Callable[[ZoomTokens], bool]
    ) -> ZoomTokens:
        async with self._lock(account_id):
            # Another task, worker or replica may have refreshed while we waited.
            tokens = await self._store.load(account_id)
            if tokens is None:
                raise ZoomNotConnected("no Zoom connection for this account")
            if not need(tokens):
                return tokens
            return await self._refresh(account_id, tokens)

    async def _refresh(self, account_id: str, old: ZoomTokens) -> ZoomTokens:
        if old.refresh_token is None:
            await self._store.mark_broken(account_id, "no refresh token")
            raise ZoomAuthError("the Zoom connection has no refresh token")
        try:
            fresh = await self._oauth.refresh(old.refresh_token)
        except TokenEndpointError as exc:
            if exc.error != "invalid_grant":
                raise
            # Another replica (its own lock) may have spent this refresh token a moment ago:
            # then the store already holds the rotated tokens, and nothing is broken.
            current = await self._store.load(account_id)
            if current is not None and current.refresh_token != old.refresh_token:
                return current
            await self._store.mark_broken(account_id, f"invalid_grant: {exc}")
            raise
        fresh = dataclasses.replace(
            fresh,
            refresh_token=fresh.refresh_token or old.refresh_token,
            zoom_account_id=fresh.zoom_account_id or old.zoom_account_id,
            zoom_user_id=fresh.zoom_user_id or old.zoom_user_id,
        )
        # Zoom killed the old refresh token: persist the new one before anyone uses it.
        await self._store.save(account_id, fresh)
        return fresh

    async def _s2s_grant(self, account_id: str, *, rejected_token: str | None) -> Grant:
        if self._s2s_user_lookup is None:
            raise ZoomNotConnected("Server-to-Server mode needs a user lookup")
        email = await self._s2s_user_lookup(account_id)
        if email is None:
            raise ZoomNotConnected("no Zoom user known for this account")
        async with self._s2s_lock:
            cached = self._s2s_tokens
            if cached is None or self._is_stale(cached) or cached.access_token == rejected_token:
                self._s2s_tokens = cached = await self._oauth.account_credentials()
        return Grant(access_token=cached.access_token, user_path=email)
