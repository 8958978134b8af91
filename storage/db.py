"""The async engine and its session factory; SQLite gets WAL, a busy timeout and BEGIN IMMEDIATE."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

DEFAULT_URL = "sqlite+aiosqlite:///var/zoombot.db"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def ensure_sqlite_parent(url: URL) -> None:
    """Create the directory of a file-backed SQLite database."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return
    assert url.database is not None
    Path(url.database).parent.mkdir(parents=True, exist_ok=True)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, decide where transactions begin (see _on_sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


READ_ONLY = "zoombot_read_only"  # execution option: this transaction never writes


def _on_sqlite_begin(conn: Connection) -> None:
    # Take the write lock up front: a deferred transaction that reads, then writes, fails with
    # SQLITE_BUSY at once when another connection wrote meanwhile; IMMEDIATE waits busy_timeout.
    # A transaction that only reads (READ_ONLY) stays deferred, so under WAL it never waits.
    read_only = conn.get_execution_options().get(READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _create_engine(url: URL) -> AsyncEngine:
    if url.get_backend_name() != "sqlite":
        return create_async_engine(url, pool_pre_ping=True)
    ensure_sqlite_parent(url)
    engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    event.listen(engine.sync_engine, "connect", _on_sqlite_connect)
    event.listen(engine.sync_engine, "begin", _on_sqlite_begin)
    return engine


class Database:
    """One engine per process. `session()` is for storage/ repositories only."""

    def __init__(self, *, url: URL, engine: AsyncEngine) -> None:
        self._url = url
        self.engine = engine
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def from_url(cls, url: str) -> Database:
        parsed = make_url(url)
        return cls(url=parsed, engine=_create_engine(parsed))

    @property
    def url(self) -> str:
        """The URL with any password hidden; safe to log."""
        return self._url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction: committed on success, rolled back on error."""
        async with self._sessions() as session, session.begin():
            yield session

    async def ping(self) -> bool:
        try:
            async with self.engine.connect() as conn:
                reader = await conn.execution_options(**{READ_ONLY: True})
                await reader.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError):
            return False
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()
