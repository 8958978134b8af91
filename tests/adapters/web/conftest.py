"""A browser-like web chat user: a cookie session, its own time zone, and its own Zoom login."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from typing import Any

import httpx
import pytest

from tests.factories import BERLIN, command
from tests.fixtures.app_server import AppServer

COMMANDS = "/api/zoom/enhanced/chat/commands"
UPDATES = "/api/zoom/enhanced/chat/updates"


class WebChatUser:
    def __init__(self, server: AppServer, client: httpx.AsyncClient, *, tz: str) -> None:
        self.server = server
        self.client = client
        self.tz = tz

    async def open(self) -> None:
        page = await self.client.get("/")
        assert page.status_code == 200

    async def say(self, text: str, **kwargs: Any) -> dict[str, Any]:
        answer = await self.client.post(COMMANDS, json=command(text, tz=self.tz, **kwargs))
        assert answer.status_code == 200, answer.text
        return answer.json()["response"]  # type: ignore[no-any-return]

    async def updates(self) -> list[dict[str, Any]]:
        answer = await self.client.get(UPDATES)
        assert answer.status_code == 200, answer.text
        return answer.json()["updates"]  # type: ignore[no-any-return]

    async def approve(self, oauth_url: str, email: str) -> httpx.Response:
        """Approve in the sandbox's consent page and follow Zoom's redirect to our callback."""
        location = await self.server.sandbox.approve(self.client, oauth_url, email)
        return await self.client.get(location)

    async def connect(self, email: str) -> None:
        prompt = await self.say("connect my zoom")
        assert prompt["type"] == "connect"
        done = await self.approve(prompt["oauth_url"], email)
        assert done.status_code == 200, done.text
        assert any(u["type"] == "notice" for u in await self.updates())


@pytest.fixture
async def make_user(
    app_server: AppServer,
) -> AsyncIterator[Callable[..., Any]]:
    async with AsyncExitStack() as stack:

        async def make(tz: str = BERLIN) -> WebChatUser:
            client = await stack.enter_async_context(app_server.client())
            user = WebChatUser(app_server, client, tz=tz)
            await user.open()
            return user

        yield make
