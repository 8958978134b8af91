"""Server-to-Server mode: one company Zoom account; users are matched by e-mail."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.factories import command
from tests.fixtures.app_server import API_TOKEN, AppServer, serve_app
from tests.fixtures.databases import sqlite_test_url
from tests.fixtures.zoom_sandbox import ZoomSandbox

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
COMMANDS = "/api/zoom/enhanced/chat/commands"


@pytest.fixture
async def s2s(tmp_path: Path, zoom_sandbox: ZoomSandbox) -> AsyncIterator[AppServer]:
    zoom_sandbox.state.register_app("s2s-id", "s2s-secret", account_id="ACME")
    zoom_sandbox.state.add_user("kim@acme.test", account_id="ACME", timezone="Europe/Paris")
    env = {
        "ZOOM_CLIENT_ID": "s2s-id",
        "ZOOM_CLIENT_SECRET": "s2s-secret",
        "ZOOM_ACCOUNT_ID": "ACME",
    }
    async for server in serve_app(
        tmp_path=tmp_path,
        sandbox=zoom_sandbox,
        database_url=sqlite_test_url(tmp_path),
        extra_env=env,
    ):
        yield server


async def test_a_user_with_a_matching_email_schedules_without_connecting(s2s: AppServer) -> None:
    body = command(
        "schedule a meeting called Planning tomorrow at 10am",
        user_id="kim",
        email="kim@acme.test",
    )
    async with s2s.client(headers=AUTH) as client:
        answer = await client.post(COMMANDS, json=body)
    assert answer.json()["response"]["type"] == "meeting_created"
    (meeting,) = s2s.sandbox.state.meetings.values()
    assert s2s.sandbox.state.users[meeting.host_id].email == "kim@acme.test"
    assert s2s.sandbox.state.token_requests["account_credentials"] == 1


async def test_a_user_without_an_email_is_told_why_not_sent_an_oauth_link(s2s: AppServer) -> None:
    async with s2s.client(headers=AUTH) as client:
        answer = await client.post(COMMANDS, json=command("list my meetings", user_id="anon"))
    reply = answer.json()["response"]
    assert reply["type"] == "error"
    assert "e-mail" in reply["text"]
    assert "oauth_url" not in reply
