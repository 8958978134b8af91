from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage.crypto import TokenCipher
from storage.db import Database
from tests.fixtures.databases import DatabaseKind, migrated_database

KEY_A = "Wl3fH7m2bQkR0yqv5y0N0f8b3cVq2d9X1uQm4sJt6aE="
KEY_B = "b0cW9a2r8zT1xY4uV7nM3kL6jH5gF0dS2aP9oI8uY7Q="


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    kind: DatabaseKind = request.param
    async with migrated_database(kind, tmp_path=tmp_path) as database:
        yield database


@pytest.fixture
def cipher() -> TokenCipher:
    return TokenCipher.from_keys([KEY_A])


@pytest.fixture
def now() -> datetime:
    return datetime(2026, 3, 10, 14, 30, tzinfo=UTC)
