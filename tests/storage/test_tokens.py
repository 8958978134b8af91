from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from storage.crypto import TokenCipher
from storage.db import Database
from storage.models import ZoomTokenRow
from storage.tokens import ZoomTokenRepository
from tests.fixtures.databases import migrated_database
from tests.storage.factories import ACCESS, REFRESH, make_account, make_tokens


def _repo(db: Database, cipher: TokenCipher, now: datetime) -> ZoomTokenRepository:
    return ZoomTokenRepository(db=db, cipher=cipher, clock=lambda: now)


async def test_save_then_load_round_trips(db: Database, cipher: TokenCipher, now: datetime) -> None:
    account = await make_account(db, now=now)
    repo = _repo(db, cipher, now)
    assert await repo.load(account.id) is None
    tokens = make_tokens(now=now)
    await repo.save(account.id, tokens)
    loaded = await repo.load(account.id)
    assert loaded == tokens
    assert loaded is not None and loaded.expires_at.tzinfo is not None


async def test_save_replaces_and_keeps_refresh_none(
    db: Database, cipher: TokenCipher, now: datetime
) -> None:
    account = await make_account(db, now=now)
    repo = _repo(db, cipher, now)
    await repo.save(account.id, make_tokens(now=now))
    newer = make_tokens(now=now + timedelta(hours=2), access="access-2", refresh=None)
    await repo.save(account.id, newer)
    assert await repo.load(account.id) == newer


async def test_broken_hides_tokens_until_saved_again(
    db: Database, cipher: TokenCipher, now: datetime
) -> None:
    account = await make_account(db, now=now)
    repo = _repo(db, cipher, now)
    assert await repo.status(account.id) == "none"
    await repo.save(account.id, make_tokens(now=now))
    assert await repo.status(account.id) == "connected"
    await repo.mark_broken(account.id, "invalid_grant")
    assert await repo.load(account.id) is None
    assert await repo.status(account.id) == "broken"
    assert await repo.count_by_status() == {"connected": 0, "broken": 1}
    await repo.save(account.id, make_tokens(now=now))
    assert await repo.status(account.id) == "connected"
    async with db.session() as session:
        row = (await session.execute(select(ZoomTokenRow))).scalar_one()
    assert row.broken_reason is None


async def test_delete_and_count_by_status(db: Database, cipher: TokenCipher, now: datetime) -> None:
    repo = _repo(db, cipher, now)
    assert await repo.count_by_status() == {"connected": 0, "broken": 0}
    ids = [(await make_account(db, now=now, user=f"U{i}")).id for i in range(3)]
    for account_id in ids:
        await repo.save(account_id, make_tokens(now=now))
    await repo.mark_broken(ids[0], "revoked")
    assert await repo.count_by_status() == {"connected": 2, "broken": 1}
    await repo.delete(ids[1])
    assert await repo.status(ids[1]) == "none"
    assert await repo.count_by_status() == {"connected": 1, "broken": 1}


def _database_file_bytes(directory: Path) -> tuple[list[str], bytes]:
    files = sorted(directory.glob("zoombot.db*"))
    return [path.name for path in files], b"".join(path.read_bytes() for path in files)


async def test_plaintext_tokens_never_reach_the_sqlite_file(
    tmp_path: Path, cipher: TokenCipher, now: datetime
) -> None:
    async with migrated_database("sqlite", tmp_path=tmp_path) as db:
        account = await make_account(db, now=now)
        repo = _repo(db, cipher, now)
        await repo.save(account.id, make_tokens(now=now))
        async with db.session() as session:
            row = (await session.execute(select(ZoomTokenRow))).scalar_one()
        assert cipher.decrypt(row.access_token) == ACCESS
        assert row.refresh_token is not None and cipher.decrypt(row.refresh_token) == REFRESH
        names, raw = _database_file_bytes(tmp_path)  # before dispose, while the WAL exists
        assert names == ["zoombot.db", "zoombot.db-shm", "zoombot.db-wal"]
        assert row.access_token.encode() in raw  # we are reading the right bytes
    for secret in (ACCESS, REFRESH, "access-PLAINTEXT", "refresh-PLAINTEXT"):
        assert secret.encode() not in raw
