"""Two replicas on one database: a question asked by one is answered through the other."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.factories import command
from tests.fixtures.app_server import AppServer, serve_app
from tests.fixtures.databases import make_test_database_url
from tests.fixtures.zoom_sandbox import ZoomSandbox

COMMANDS = "/api/zoom/enhanced/chat/commands"


@pytest.fixture(params=["sqlite", "postgres"])
async def replicas(
    request: pytest.FixtureRequest, tmp_path: Path, zoom_sandbox: ZoomSandbox
) -> AsyncIterator[tuple[AppServer, AppServer]]:
    async with make_test_database_url(request.param, tmp_path=tmp_path) as url:
        async for one in serve_app(tmp_path=tmp_path, sandbox=zoom_sandbox, database_url=url):
            async for two in serve_app(tmp_path=tmp_path, sandbox=zoom_sandbox, database_url=url):
                yield one, two


async def test_conversation_state_is_shared_between_replicas(
    replicas: tuple[AppServer, AppServer], zoom_sandbox: ZoomSandbox
) -> None:
    one, two = replicas
    async with one.client() as a:
        await a.get("/")
        cookie = dict(a.cookies)
        prompt = (await a.post(COMMANDS, json=command("connect"))).json()["response"]
        location = await zoom_sandbox.approve(a, prompt["oauth_url"], "rep@example.com")
        assert (await a.get(location)).status_code == 200
        created = await a.post(
            COMMANDS, json=command("schedule a meeting called Sync tomorrow at 9am")
        )
        assert created.json()["response"]["type"] == "meeting_created"
        question = await a.post(COMMANDS, json=command("cancel it"))
        assert question.json()["response"]["type"] == "clarify"

    async with two.client(cookies=cookie) as b:
        answer = await b.post(COMMANDS, json=command("yes"))
    assert answer.json()["response"]["type"] == "meeting_cancelled"
    assert not zoom_sandbox.state.meetings
