from __future__ import annotations

import asyncio
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import text

from storage.db import Database
from storage.migrate import alembic_config, upgrade


async def test_ping_true_on_a_live_database(db: Database) -> None:
    assert await db.ping() is True


async def test_ping_false_when_the_server_is_unreachable() -> None:
    # Port 1 on loopback: nothing listens, the connection is refused at once.
    db = Database.from_url("postgresql+asyncpg://u:secret@127.0.0.1:1/x")
    try:
        assert await db.ping() is False
    finally:
        await db.dispose()


def test_url_hides_the_password() -> None:
    db = Database.from_url("postgresql+asyncpg://u:secret@127.0.0.1:5432/x")
    assert "secret" not in db.url
    assert db.dialect == "postgresql"


async def test_sqlite_creates_parent_dir_and_uses_wal_and_busy_timeout(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'deep' / 'er' / 'bot.db'}"
    db = Database.from_url(url)
    try:
        assert (tmp_path / "deep" / "er").is_dir()
        async with db.engine.connect() as conn:
            mode = (await conn.execute(text("PRAGMA journal_mode"))).scalar_one()
            timeout = (await conn.execute(text("PRAGMA busy_timeout"))).scalar_one()
            fks = (await conn.execute(text("PRAGMA foreign_keys"))).scalar_one()
        assert (mode, fks) == ("wal", 1)
        assert timeout >= 5000
    finally:
        await db.dispose()


async def test_migrations_are_idempotent(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    await upgrade(url)
    await upgrade(url)
    db = Database.from_url(url)
    try:
        async with db.engine.connect() as conn:
            version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
        head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
        assert version == [(head,)]
    finally:
        await db.dispose()


async def test_ping_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    await upgrade(url)
    db = Database.from_url(url)
    try:
        async with db.engine.connect() as writer:
            await writer.execute(text("SELECT 1"))  # BEGIN IMMEDIATE: holds the write lock
            assert await asyncio.wait_for(db.ping(), timeout=2.0) is True
            await writer.rollback()
    finally:
        await db.dispose()
