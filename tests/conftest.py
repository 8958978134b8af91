"""Suite-wide fixtures: the Zoom sandbox (contract-checked) and the bot served on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.fixtures.app_server import AppServer, serve_app
from tests.fixtures.databases import sqlite_test_url
from tests.fixtures.zoom_sandbox import ZoomSandbox, zoom_sandbox

__all__ = ["zoom_sandbox"]


@pytest.fixture
async def app_server(tmp_path: Path, zoom_sandbox: ZoomSandbox) -> AsyncIterator[AppServer]:
    """The bot on SQLite (a real file under tmp_path) against the sandbox."""
    async for server in serve_app(
        tmp_path=tmp_path, sandbox=zoom_sandbox, database_url=sqlite_test_url(tmp_path)
    ):
        yield server
