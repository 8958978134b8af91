"""Fixtures for zoom/: the sandbox, a tiny in-memory TokenStore, a settable clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.fixtures import zoom_sandbox as sandbox_fixture
from tests.fixtures.zoom_sandbox import ZoomSandbox
from zoom.client import ZoomClient
from zoom.oauth import OAuthApp, ZoomOAuth, new_pkce_pair
from zoom.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET
from zoom.tokens import TokenManager
from zoom.types import ZoomTokens

# The shared fixture (tests/conftest.py may import it too; the same function either way).
zoom_sandbox = sandbox_fixture.zoom_sandbox

REDIRECT_URI = "http://127.0.0.1/zoom/callback"


@dataclass
class MemoryTokenStore:
    """Stands in for storage/'s TokenStore (written elsewhere)."""

    tokens: dict[str, ZoomTokens] = field(default_factory=dict)
    broken: dict[str, str] = field(default_factory=dict)
    saves: int = 0

    async def load(self, account_id: str) -> ZoomTokens | None:
        await asyncio.sleep(0)  # a real store awaits I/O: let other tasks interleave
        return None if account_id in self.broken else self.tokens.get(account_id)

    async def save(self, account_id: str, tokens: ZoomTokens) -> None:
        await asyncio.sleep(0)
        self.saves += 1
        self.tokens[account_id] = tokens
        self.broken.pop(account_id, None)

    async def mark_broken(self, account_id: str, reason: str) -> None:
        self.broken[account_id] = reason

    async def delete(self, account_id: str) -> None:
        self.tokens.pop(account_id, None)


@dataclass
class Clock:
    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@dataclass
class Sleeps:
    waits: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store() -> MemoryTokenStore:
    return MemoryTokenStore()


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=5.0) as client:
        yield client


@pytest.fixture
def oauth_app(zoom_sandbox: ZoomSandbox) -> OAuthApp:
    return OAuthApp(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        oauth_base=zoom_sandbox.oauth_base,
        redirect_uri=REDIRECT_URI,
    )


@pytest.fixture
def oauth(http: httpx.AsyncClient, oauth_app: OAuthApp, clock: Clock) -> ZoomOAuth:
    return ZoomOAuth(http=http, app=oauth_app, clock=clock)


@pytest.fixture
def tokens(oauth: ZoomOAuth, store: MemoryTokenStore, clock: Clock) -> TokenManager:
    return TokenManager(oauth=oauth, store=store, clock=clock)


@pytest.fixture
def client(
    http: httpx.AsyncClient, zoom_sandbox: ZoomSandbox, tokens: TokenManager, sleeps: Sleeps
) -> ZoomClient:
    return ZoomClient(http=http, api_base=zoom_sandbox.api_base, tokens=tokens, sleep=sleeps)


async def connect(
    *,
    sandbox: ZoomSandbox,
    http: httpx.AsyncClient,
    oauth: ZoomOAuth,
    email: str = "alice@example.com",
) -> ZoomTokens:
    """The whole user-OAuth dance against the sandbox: consent page, code, PKCE exchange."""
    verifier, challenge = new_pkce_pair()
    location = await sandbox.approve(
        http, oauth.authorize_url(state="s1", code_challenge=challenge), email
    )
    query = parse_qs(urlsplit(location).query)
    assert query["state"] == ["s1"]
    return await oauth.exchange_code(code=query["code"][0], code_verifier=verifier)


@pytest.fixture
async def connected(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, oauth: ZoomOAuth, store: MemoryTokenStore
) -> str:
    """Our account "acct-1" connected as alice@example.com; returns the account id."""
    await store.save("acct-1", await connect(sandbox=zoom_sandbox, http=http, oauth=oauth))
    return "acct-1"
