"""Run the Alembic migrations: `await upgrade(url)` or `python -m storage.migrate [URL]`."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, make_url

from storage.db import DEFAULT_URL, Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> Config:
    """Alembic configured in code (no alembic.ini)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


async def upgrade(url: str, *, revision: str = "head") -> None:
    """Bring the database at `url` (async driver URL) up to `revision`."""
    db = Database.from_url(url)
    config = alembic_config(url)

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    try:
        async with db.engine.begin() as connection:
            await connection.run_sync(run)
    finally:
        await db.dispose()


def main(argv: list[str]) -> int:
    url = argv[1] if len(argv) > 1 else DEFAULT_URL
    asyncio.run(upgrade(url))
    print(f"migrated {make_url(url).render_as_string(hide_password=True)} to head")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
