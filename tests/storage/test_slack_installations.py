"""Slack installations: encrypted at rest, found by workspace/installer, deleted on uninstall."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import text

from storage.crypto import TokenCipher
from storage.db import Database
from storage.slack_installations import SlackInstallation, SlackInstallationRepository
from tests.storage.conftest import KEY_A, KEY_B

BOT_TOKEN = "xoxb-secret-bot-token-123"


def _install(now: datetime, *, team: str = "T1", user: str = "U1", bot: bool = True,
             token: str = BOT_TOKEN) -> SlackInstallation:  # fmt: skip
    return SlackInstallation(
        enterprise_id=None,
        team_id=team,
        user_id=user,
        is_enterprise_install=False,
        has_bot=bot,
        installed_at=now,
        data={"team_id": team, "user_id": user, "bot_token": token if bot else None},
    )


def _repo(db: Database, cipher: TokenCipher, now: datetime) -> SlackInstallationRepository:
    return SlackInstallationRepository(db=db, cipher=cipher, clock=lambda: now)


async def test_tokens_are_encrypted_at_rest(
    db: Database, cipher: TokenCipher, now: datetime
) -> None:
    repo = _repo(db, cipher, now)
    await repo.save(_install(now))
    async with db.engine.connect() as conn:
        stored = (await conn.execute(text("SELECT data FROM slack_installations"))).scalar_one()
    assert BOT_TOKEN not in stored
    found = await repo.find(enterprise_id=None, team_id="T1")
    assert found is not None
    assert found.data["bot_token"] == BOT_TOKEN
    assert found.installed_at == now
    assert found.enterprise_id is None


async def test_find_newest_per_workspace_and_per_installer(
    db: Database, cipher: TokenCipher, now: datetime
) -> None:
    repo = _repo(db, cipher, now)
    await repo.save(_install(now, user="U1", token="xoxb-old"))
    await repo.save(_install(now + timedelta(minutes=1), user="U2", bot=False))
    newest = await repo.find(enterprise_id=None, team_id="T1")
    assert newest is not None and newest.user_id == "U2"
    bot = await repo.find(enterprise_id=None, team_id="T1", bot_only=True)
    assert bot is not None and bot.data["bot_token"] == "xoxb-old"
    mine = await repo.find(enterprise_id=None, team_id="T1", user_id="U1")
    assert mine is not None and mine.user_id == "U1"
    assert await repo.find(enterprise_id=None, team_id="T2") is None


async def test_reinstall_replaces_the_installers_row(
    db: Database, cipher: TokenCipher, now: datetime
) -> None:
    repo = _repo(db, cipher, now)
    await repo.save(_install(now, token="xoxb-first"))
    await repo.save(_install(now + timedelta(hours=1), token="xoxb-second"))
    async with db.engine.connect() as conn:
        count = (await conn.execute(text("SELECT count(*) FROM slack_installations"))).scalar_one()
    assert count == 1
    found = await repo.find(enterprise_id=None, team_id="T1")
    assert found is not None and found.data["bot_token"] == "xoxb-second"


async def test_delete_one_installer_or_the_whole_workspace(
    db: Database, cipher: TokenCipher, now: datetime
) -> None:
    repo = _repo(db, cipher, now)
    await repo.save(_install(now, user="U1"))
    await repo.save(_install(now, user="U2"))
    await repo.save(_install(now, team="T2", user="U9"))
    assert await repo.delete(enterprise_id=None, team_id="T1", user_id="U1") == 1
    assert await repo.find(enterprise_id=None, team_id="T1", user_id="U1") is None
    assert await repo.delete(enterprise_id=None, team_id="T1") == 1
    assert await repo.find(enterprise_id=None, team_id="T1") is None
    assert await repo.find(enterprise_id=None, team_id="T2") is not None


async def test_org_wide_install_answers_for_any_workspace(
    db: Database, cipher: TokenCipher, now: datetime
) -> None:
    repo = _repo(db, cipher, now)
    org = replace(_install(now), enterprise_id="E1", team_id=None, is_enterprise_install=True)
    await repo.save(org)
    found = await repo.find(enterprise_id="E1", team_id="T77", is_enterprise_install=True)
    assert found is not None and found.is_enterprise_install
    assert await repo.find(enterprise_id="E1", team_id="T77") is None


async def test_rotate_re_encrypts_with_the_newest_key(
    db: Database, cipher: TokenCipher, now: datetime
) -> None:
    await _repo(db, cipher, now).save(_install(now))
    newer = TokenCipher.from_keys([KEY_B, KEY_A])
    assert await _repo(db, newer, now).rotate(newer) == 1
    only_new = TokenCipher.from_keys([KEY_B])
    found = await _repo(db, only_new, now).find(enterprise_id=None, team_id="T1")
    assert found is not None and found.data["bot_token"] == BOT_TOKEN
