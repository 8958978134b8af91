from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest

from tests.fixtures.zoom_sandbox import ZoomSandbox
from tests.zoom.conftest import Clock, MemoryTokenStore
from zoom.errors import ZoomAuthError, ZoomNotConnected
from zoom.oauth import OAuthApp, ZoomOAuth
from zoom.tokens import Grant, TokenManager


async def test_fresh_token_is_used_without_refresh(
    zoom_sandbox: ZoomSandbox, tokens: TokenManager, store: MemoryTokenStore, connected: str
) -> None:
    grant = await tokens.grant(connected)
    assert grant == Grant(store.tokens[connected].access_token, "me")
    assert zoom_sandbox.state.token_requests["refresh_token"] == 0


async def test_refreshes_ahead_of_expiry_and_saves_first(
    zoom_sandbox: ZoomSandbox,
    tokens: TokenManager,
    store: MemoryTokenStore,
    clock: Clock,
    connected: str,
) -> None:
    old = store.tokens[connected]
    clock.advance(timedelta(minutes=56))  # inside the 5 minute margin
    grant = await tokens.grant(connected)
    saved = store.tokens[connected]
    assert grant.access_token == saved.access_token != old.access_token
    assert saved.refresh_token != old.refresh_token
    assert zoom_sandbox.state.token_requests["refresh_token"] == 1


async def test_twenty_concurrent_callers_cause_one_refresh(
    zoom_sandbox: ZoomSandbox,
    tokens: TokenManager,
    store: MemoryTokenStore,
    clock: Clock,
    connected: str,
) -> None:
    clock.advance(timedelta(hours=2))
    grants = await asyncio.gather(*(tokens.grant(connected) for _ in range(20)))
    assert zoom_sandbox.state.token_requests["refresh_token"] == 1
    assert {g.access_token for g in grants} == {store.tokens[connected].access_token}


async def test_another_replica_refreshed_first(
    zoom_sandbox: ZoomSandbox,
    oauth: ZoomOAuth,
    store: MemoryTokenStore,
    clock: Clock,
    connected: str,
) -> None:
    replica_a = TokenManager(oauth=oauth, store=store, clock=clock)
    replica_b = TokenManager(oauth=oauth, store=store, clock=clock)
    clock.advance(timedelta(hours=2))
    first = await replica_a.grant(connected)
    clock.advance(timedelta(minutes=1))
    assert await replica_b.grant(connected) == first  # re-read the store, no second refresh
    assert zoom_sandbox.state.token_requests["refresh_token"] == 1


async def test_two_replicas_refreshing_at_once_do_not_break_the_connection(
    zoom_sandbox: ZoomSandbox,
    oauth: ZoomOAuth,
    store: MemoryTokenStore,
    clock: Clock,
    connected: str,
) -> None:
    # Separate managers have separate locks, like replicas: both spend the same refresh token.
    replicas = [TokenManager(oauth=oauth, store=store, clock=clock) for _ in range(2)]
    clock.advance(timedelta(hours=2))
    grants = await asyncio.gather(*(r.grant(connected) for r in replicas))
    assert zoom_sandbox.state.token_requests["refresh_token"] == 2, "the race really happened"
    assert connected not in store.broken
    assert {g.access_token for g in grants} == {store.tokens[connected].access_token}


async def test_invalid_grant_marks_broken(
    zoom_sandbox: ZoomSandbox,
    tokens: TokenManager,
    store: MemoryTokenStore,
    clock: Clock,
    connected: str,
) -> None:
    zoom_sandbox.state.revoke("alice@example.com")
    clock.advance(timedelta(hours=2))
    with pytest.raises(ZoomAuthError):
        await tokens.grant(connected)
    assert "invalid_grant" in store.broken[connected]
    with pytest.raises(ZoomNotConnected):
        await tokens.grant(connected)


async def test_not_connected(tokens: TokenManager) -> None:
    with pytest.raises(ZoomNotConnected):
        await tokens.grant("nobody")


async def test_force_refresh_only_replaces_the_rejected_token(
    zoom_sandbox: ZoomSandbox, tokens: TokenManager, store: MemoryTokenStore, connected: str
) -> None:
    rejected = store.tokens[connected].access_token
    first = await tokens.force_refresh(connected, rejected_token=rejected)
    second = await tokens.force_refresh(connected, rejected_token=rejected)
    assert first == second and first.access_token != rejected
    assert zoom_sandbox.state.token_requests["refresh_token"] == 1


async def test_server_to_server_caches_one_account_token(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, store: MemoryTokenStore, clock: Clock
) -> None:
    zoom_sandbox.state.register_app("s2s", "s2s-secret", account_id="ACCT")
    app = OAuthApp("s2s", "s2s-secret", zoom_sandbox.oauth_base, "", account_id="ACCT")
    emails = {"acct-1": "erin@example.com"}

    async def lookup(account_id: str) -> str | None:
        return emails.get(account_id)

    manager = TokenManager(
        oauth=ZoomOAuth(http=http, app=app, clock=clock),
        store=store,
        clock=clock,
        s2s_user_lookup=lookup,
    )
    grants = await asyncio.gather(*(manager.grant("acct-1") for _ in range(5)))
    assert {g.user_path for g in grants} == {"erin@example.com"}
    assert zoom_sandbox.state.token_requests["account_credentials"] == 1
    clock.advance(timedelta(minutes=58))
    assert (await manager.grant("acct-1")).access_token != grants[0].access_token
    assert zoom_sandbox.state.token_requests["account_credentials"] == 2
    with pytest.raises(ZoomNotConnected):
        await manager.grant("acct-unknown")
