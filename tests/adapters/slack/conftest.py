"""The bot served on loopback with Slack on, against a stand-in Slack Web API and the Zoom
sandbox; a `workspace` that sends signed Slack requests to it over HTTP."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiohttp import web

from tests.adapters.slack import factories
from tests.adapters.slack.fake_slack import BOT_TOKEN, CLIENT_ID, CLIENT_SECRET, FakeSlack
from tests.fixtures.app_server import AppServer, serve_app
from tests.fixtures.databases import sqlite_test_url
from tests.fixtures.zoom_sandbox import ZoomSandbox

Json = dict[str, Any]


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    runner = web.AppRunner(fake.app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    fake.base_url = f"http://{host}:{port}"
    try:
        yield fake
    finally:
        await runner.cleanup()
    if fake.violations:
        pytest.fail("Slack contract violations:\n" + "\n".join(fake.violations))


def slack_env(fake: FakeSlack, *, oauth: bool = False) -> dict[str, str]:
    env = {
        "SLACK_SIGNING_SECRET": factories.SIGNING_SECRET,
        "SLACK_API_URL": f"{fake.base_url}/api/",
    }
    if oauth:
        return {**env, "SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": CLIENT_SECRET}
    return {**env, "SLACK_BOT_TOKEN": BOT_TOKEN}


@pytest.fixture
async def slack_server(
    tmp_path: Path, zoom_sandbox: ZoomSandbox, fake_slack: FakeSlack
) -> AsyncIterator[AppServer]:
    async for server in serve_app(
        tmp_path=tmp_path,
        sandbox=zoom_sandbox,
        database_url=sqlite_test_url(tmp_path),
        extra_env=slack_env(fake_slack),
    ):
        yield server


def buttons(message: Json) -> Iterator[Json]:
    """Every button and overflow option in a message's blocks."""
    for block in message.get("blocks", []):
        accessory = block.get("accessory")
        if accessory is not None:
            yield from accessory.get("options", [accessory])
        for element in block.get("elements", []):
            if element.get("type") == "button":
                yield element


def value_of(message: Json, name: str) -> str:
    """The full value (owner stamp included) of the button whose action is `name`."""
    for element in buttons(message):
        if element.get("value", "").partition("|")[2].startswith(f"{name}:"):
            return str(element["value"])
    raise AssertionError(f"no {name} button in {message}")


class SlackWorkspace:
    def __init__(self, server: AppServer, fake: FakeSlack, http: httpx.AsyncClient) -> None:
        self.server, self.fake, self.http = server, fake, http

    async def send(
        self, body: bytes, headers: dict[str, str], *, signed: dict[str, str] | None = None,
        extra: dict[str, str] | None = None,
    ) -> httpx.Response:  # fmt: skip
        signature = factories.sign(body) if signed is None else signed
        all_headers = {**headers, **signature, **(extra or {})}
        return await self.http.post("/slack/events", content=body, headers=all_headers)

    async def slash(self, user: str, text: str, **kwargs: Any) -> tuple[httpx.Response, str]:
        key = uuid.uuid4().hex
        fields = factories.slash_command(
            text, user=user, response_url=self.fake.response_url(key), **kwargs
        )
        return await self.send(*factories.form(fields)), key

    async def ask(self, user: str, text: str, count: int = 1) -> tuple[str, list[Json]]:
        """A /zoom command acked with 200; returns the response_url key and what came back."""
        answer, key = await self.slash(user, text)
        assert answer.status_code == 200, answer.text
        return key, await self.fake.wait_responses(key, count)

    async def click(self, user: str, value: str, **kwargs: Any) -> tuple[httpx.Response, str]:
        key = uuid.uuid4().hex
        payload = factories.block_actions(
            value, user=user, response_url=self.fake.response_url(key), **kwargs
        )
        return await self.send(*factories.interaction_form(payload)), key

    async def event(self, event: Json, **kwargs: Any) -> httpx.Response:
        payload = factories.event_callback(event, **kwargs)
        return await self.send(*factories.json_body(payload))

    async def connect(self, user: str, email: str) -> None:
        key, (prompt,) = await self.ask(user, "connect")
        url = next(b["url"] for b in buttons(prompt) if "url" in b)
        location = await self.server.sandbox.approve(self.http, url, email)
        done = await self.http.get(location)
        assert done.status_code == 200, done.text
        notice = await self.fake.wait_responses(key, 2)
        assert "Zoom is connected" in notice[1]["text"]


@pytest.fixture
async def workspace(
    slack_server: AppServer, fake_slack: FakeSlack
) -> AsyncIterator[SlackWorkspace]:
    async with slack_server.client() as http:
        yield SlackWorkspace(slack_server, fake_slack, http)
