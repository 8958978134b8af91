"""slack_sdk Installation <-> our encrypted rows; the signed OAuth state."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from slack_sdk.oauth.installation_store.models.installation import Installation

from adapters.slack.installations import (
    STATE_TTL_SECONDS,
    SignedStateStore,
    SlackInstallationStore,
)
from storage.crypto import TokenCipher
from storage.db import Database
from storage.slack_installations import SlackInstallationRepository
from tests.fixtures.databases import migrated_database

KEY = "Wl3fH7m2bQkR0yqv5y0N0f8b3cVq2d9X1uQm4sJt6aE="


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SlackInstallationStore]:
    async with migrated_database("sqlite", tmp_path=tmp_path) as db:
        yield SlackInstallationStore(_repo(db))


def _repo(db: Database) -> SlackInstallationRepository:
    now = datetime(2026, 11, 26, tzinfo=UTC)
    return SlackInstallationRepository(
        db=db, cipher=TokenCipher.from_keys([KEY]), clock=lambda: now
    )


def _installation(**overrides: object) -> Installation:
    fields: dict[str, object] = {
        "app_id": "A1",
        "team_id": "T1",
        "team_name": "Test",
        "bot_token": "xoxb-1",
        "bot_id": "B1",
        "bot_user_id": "U0BOT",
        "bot_scopes": "commands,chat:write",
        "user_id": "U0ALICE01",
        "bot_refresh_token": "xoxe-1",
        "bot_token_expires_at": 1_800_000_000,
        "installed_at": 1_790_000_000.5,
        **overrides,
    }
    return Installation(**fields)  # type: ignore[arg-type]


async def test_an_installation_round_trips(store: SlackInstallationStore) -> None:
    await store.async_save(_installation())
    found = await store.async_find_installation(enterprise_id=None, team_id="T1")
    assert found is not None
    assert found.to_dict() == _installation().to_dict()
    bot = await store.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None
    assert (bot.bot_token, bot.bot_user_id, bot.bot_scopes) == (
        "xoxb-1",
        "U0BOT",
        ["commands", "chat:write"],
    )
    assert bot.bot_token_expires_at == 1_800_000_000


async def test_uninstall_deletes_everything_for_the_workspace(
    store: SlackInstallationStore,
) -> None:
    await store.async_save(_installation())
    await store.async_save(_installation(user_id="U0BOB0001", installed_at=1_790_000_100.0))
    await store.async_delete_installation(enterprise_id=None, team_id="T1", user_id="U0BOB0001")
    found = await store.async_find_installation(enterprise_id=None, team_id="T1")
    assert found is not None and found.user_id == "U0ALICE01"
    await store.async_delete_all(enterprise_id=None, team_id="T1")
    assert await store.async_find_bot(enterprise_id=None, team_id="T1") is None


async def test_the_oauth_state_is_signed_and_expires() -> None:
    now = [1_000_000.0]
    states = SignedStateStore(secret="s3cret", clock=lambda: now[0])
    state = await states.async_issue()
    assert await states.async_consume(state)
    assert not await SignedStateStore(secret="other", clock=lambda: now[0]).async_consume(state)
    nonce, expiry, signature = state.split(".")
    assert not await states.async_consume(f"{nonce}.{int(expiry) + 999}.{signature}")
    assert not await states.async_consume("garbage")
    now[0] += STATE_TTL_SECONDS + 1
    assert not await states.async_consume(state)
