"""Suite-wide fixtures: the Zoom sandbox (contract-checked) and the bot served on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.fixtures.app_server import AppServer, serve_app
from tests.fixtures.databases import DatabaseKind, make_test_database_url
from tests.fixtures.shared_dir import VARIABLE, shared_dir
from tests.fixtures.zoom_sandbox import ZoomSandbox, zoom_sandbox

__all__ = ["zoom_sandbox"]


def pytest_configure(config: pytest.Config) -> None:
    if shared_dir() is None:
        pytest.exit(
            "The platform contracts and NLU corpora (../shared) were not found beside this "
            f"repository or the one it was cloned from. Set {VARIABLE} to that folder.",
            returncode=4,
        )


@pytest.fixture
async def app_server(
    request: pytest.FixtureRequest, tmp_path: Path, zoom_sandbox: ZoomSandbox
) -> AsyncIterator[AppServer]:
    """The bot against the sandbox, on a SQLite file under tmp_path by default.

    Parametrize indirectly with "postgres" to run it on a fresh PostgreSQL database.
    """
    kind: DatabaseKind = getattr(request, "param", "sqlite")
    async with make_test_database_url(kind, tmp_path=tmp_path) as url:
        async for server in serve_app(tmp_path=tmp_path, sandbox=zoom_sandbox, database_url=url):
            yield server
