"""Bad input gets a clear 4xx or a polite reply, never a 500, and never a meeting."""

from __future__ import annotations

import httpx
import pytest

from tests.factories import command
from tests.fixtures.app_server import API_TOKEN, AppServer

COMMANDS = "/api/zoom/enhanced/chat/commands"


@pytest.fixture
async def browser_client(app_server: AppServer) -> httpx.AsyncClient:
    client = app_server.client()
    assert (await client.get("/")).status_code == 200
    return client


async def test_no_cookie_and_no_token_is_401(app_server: AppServer) -> None:
    async with app_server.client() as client:
        answer = await client.post(COMMANDS, json=command("list my meetings"))
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "unauthorized"


async def test_a_forged_cookie_is_401(app_server: AppServer) -> None:
    async with app_server.client(cookies={"zoombot_session": "abc.def"}) as client:
        answer = await client.post(COMMANDS, json=command("list my meetings"))
    assert answer.status_code == 401


async def test_a_wrong_bearer_token_is_401_even_with_a_cookie(
    browser_client: httpx.AsyncClient,
) -> None:
    answer = await browser_client.post(
        COMMANDS,
        json=command("list my meetings", user_id="u1"),
        headers={"Authorization": "Bearer not-the-token"},
    )
    assert answer.status_code == 401


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        (b"{not json", 400, "not valid JSON"),
        (b"[1, 2]", 400, "JSON object"),
        (b'{"command": ""}', 400, "empty"),
        (b'{"command": "   "}', 400, "empty"),
        (b'{"command": 42}', 400, "string"),
        (b'{"command": "' + b"a" * 10_000 + b'"}', 413, "too long"),
        (b'{"command": "list", "context": "Berlin"}', 400, "context"),
    ],
)
async def test_malformed_bodies_get_a_clear_4xx(
    app_server: AppServer, browser_client: httpx.AsyncClient, body: bytes, status: int, says: str
) -> None:
    answer = await browser_client.post(
        COMMANDS, content=body, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == status
    assert says in answer.json()["error"]["message"]
    assert not app_server.sandbox.state.meetings


async def test_a_body_over_64_kib_is_refused(browser_client: httpx.AsyncClient) -> None:
    answer = await browser_client.post(
        COMMANDS, content=b"x" * 70_000, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 413


@pytest.mark.parametrize(
    "text", ["what's the weather", "set a 5 minute timer", "book the big conference room"]
)
async def test_off_topic_text_gets_help_not_a_meeting(
    app_server: AppServer, browser_client: httpx.AsyncClient, text: str
) -> None:
    answer = await browser_client.post(COMMANDS, json=command(text))
    assert answer.status_code == 200
    assert answer.json()["response"]["type"] in {"help", "clarify", "notice"}
    assert not app_server.sandbox.state.meetings


async def test_service_calls_need_a_user_id(app_server: AppServer) -> None:
    async with app_server.client() as client:
        answer = await client.post(
            COMMANDS,
            json=command("list my meetings"),
            headers={"Authorization": f"Bearer {API_TOKEN}"},
        )
    assert answer.status_code == 400
    assert "user_id" in answer.json()["error"]["message"]


async def test_a_cross_site_form_post_is_refused(
    app_server: AppServer, browser_client: httpx.AsyncClient
) -> None:
    # What an attacker's page can send with the user's cookie: a text/plain form.
    answer = await browser_client.post(
        COMMANDS,
        content=b'{"command": "schedule a meeting called Pwned tomorrow at 9am"}',
        headers={"Content-Type": "text/plain"},
    )
    assert answer.status_code == 415
    assert not app_server.sandbox.state.meetings
