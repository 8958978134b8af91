"""Multi-workspace install: bolt's OAuth flow over HTTP, installations stored encrypted."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from sqlalchemy import text

from bot.appkeys import SERVICES
from tests.adapters.slack import factories
from tests.adapters.slack.conftest import slack_env
from tests.adapters.slack.fake_slack import (
    CLIENT_ID,
    CLIENT_SECRET,
    INSTALLED_TOKEN,
    OAUTH_CODE,
    FakeSlack,
)
from tests.fixtures.app_server import AppServer, serve_app
from tests.fixtures.databases import sqlite_test_url
from tests.fixtures.zoom_sandbox import ZoomSandbox

ALICE = "U0ALICE01"


@pytest.fixture
async def oauth_server(
    tmp_path: Path, zoom_sandbox: ZoomSandbox, fake_slack: FakeSlack
) -> AsyncIterator[AppServer]:
    async for server in serve_app(
        tmp_path=tmp_path,
        sandbox=zoom_sandbox,
        database_url=sqlite_test_url(tmp_path),
        extra_env=slack_env(fake_slack, oauth=True),
    ):
        yield server


async def _rows(server: AppServer) -> list[str]:
    async with server.app[SERVICES].db.engine.connect() as conn:
        found = await conn.execute(text("SELECT data FROM slack_installations"))
        return [row[0] for row in found]


async def _signed_post(
    http: httpx.AsyncClient, body: bytes, headers: dict[str, str]
) -> httpx.Response:
    return await http.post(
        "/slack/events", content=body, headers={**headers, **factories.sign(body)}
    )


async def _install(http: httpx.AsyncClient) -> httpx.Response:
    page = await http.get("/slack/install")
    assert page.status_code == 200
    link = re.search(r'href="(https://slack.com/oauth/v2/authorize\?[^"]+)"', page.text)
    assert link is not None, page.text
    query = parse_qs(urlparse(link.group(1).replace("&amp;", "&")).query)
    assert query["client_id"] == [CLIENT_ID]
    assert "commands" in query["scope"][0].split(",")
    state = query["state"][0]
    cookie = page.headers["set-cookie"].split(";")[0]  # Secure cookie: sent by hand over http
    return await http.get(
        "/slack/oauth_redirect",
        params={"code": OAUTH_CODE, "state": state},
        headers={"Cookie": cookie},
    )


async def test_install_round_trip_stores_an_encrypted_installation(
    oauth_server: AppServer, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with oauth_server.client() as http:
        done = await _install(http)
        assert done.status_code == 200, done.text
        (stored,) = await _rows(oauth_server)
        assert INSTALLED_TOKEN not in stored
        assert fake_slack.calls_to("oauth.v2.access")

        key = "after-install"
        fields = factories.slash_command(
            "help", user=ALICE, response_url=fake_slack.response_url(key)
        )
        assert (await _signed_post(http, *factories.form(fields))).status_code == 200
        await fake_slack.wait_responses(key)
        assert {c.token for c in fake_slack.calls_to("users.info")} == {INSTALLED_TOKEN}

        uninstall = factories.event_callback({"type": "app_uninstalled", "event_ts": "1.2"})
        assert (await _signed_post(http, *factories.json_body(uninstall))).status_code == 200
        async with asyncio.timeout(5):  # bolt deletes it after the ack
            while await _rows(oauth_server):  # noqa: ASYNC110 (polls the database)
                await asyncio.sleep(0.05)
    assert fake_slack.calls_to("oauth.v2.access")
    for secret in (INSTALLED_TOKEN, CLIENT_SECRET, factories.SIGNING_SECRET):
        assert secret not in caplog.text, "a secret reached the log"


async def test_a_forged_state_installs_nothing(oauth_server: AppServer) -> None:
    async with oauth_server.client() as http:
        answer = await http.get(
            "/slack/oauth_redirect", params={"code": OAUTH_CODE, "state": "forged.1.abc"}
        )
        assert answer.status_code == 400
        assert await _rows(oauth_server) == []
