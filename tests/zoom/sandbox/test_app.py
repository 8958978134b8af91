from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from aiohttp import web

from tests.fixtures.zoom_contract import ContractChecker
from tests.fixtures.zoom_sandbox import ZoomSandbox
from tests.zoom.conftest import REDIRECT_URI, Clock, connect
from zoom.oauth import OAuthApp, ZoomOAuth, new_pkce_pair
from zoom.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, SandboxState, build_sandbox_app


async def test_consent_page_is_plain_and_clearly_the_sandbox(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, oauth: ZoomOAuth
) -> None:
    url = oauth.authorize_url(state="s", code_challenge=new_pkce_pair()[1])
    page = await http.get(url + "&login_hint=zed@example.com")
    assert page.status_code == 200 and "SANDBOX" in page.text
    assert DEFAULT_CLIENT_ID in page.text and "zed@example.com" in page.text
    assert "<script" not in page.text and "method='post'" in page.text


async def test_authorize_requires_s256_pkce(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient
) -> None:
    form = {"client_id": DEFAULT_CLIENT_ID, "redirect_uri": REDIRECT_URI, "response_type": "code"}
    answer = await http.post(f"{zoom_sandbox.oauth_base}/authorize", data=form)
    assert answer.status_code == 400


async def test_unknown_token_is_zooms_124(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient
) -> None:
    answer = await http.get(
        f"{zoom_sandbox.api_base}/users/me", headers={"Authorization": "Bearer nope"}
    )
    assert answer.status_code == 401
    assert answer.json() == {"code": 124, "message": "Invalid access token."}


async def test_a_token_only_sees_its_own_meetings(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, oauth: ZoomOAuth
) -> None:
    alice = await connect(sandbox=zoom_sandbox, http=http, oauth=oauth, email="a@example.com")
    bob = await connect(sandbox=zoom_sandbox, http=http, oauth=oauth, email="b@example.com")
    created = await http.post(
        f"{zoom_sandbox.api_base}/users/me/meetings",
        json={"topic": "t", "type": 2, "start_time": "2031-01-01T10:00:00Z", "timezone": "UTC"},
        headers={"Authorization": f"Bearer {alice.access_token}"},
    )
    assert created.status_code == 201
    peek = await http.get(
        f"{zoom_sandbox.api_base}/meetings/{created.json()['id']}",
        headers={"Authorization": f"Bearer {bob.access_token}"},
    )
    assert peek.status_code == 404 and peek.json()["code"] == 3001


async def test_faults_over_http(zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient) -> None:
    added = await http.post(
        f"{zoom_sandbox.base_url}/_sandbox/faults",
        json={"method": "GET", "path": "/v2/users/", "status": 429, "times": 1},
    )
    assert added.status_code == 201
    limited = await http.get(f"{zoom_sandbox.api_base}/users/me")
    assert limited.status_code == 429
    assert limited.headers["X-RateLimit-Type"] == "QPS"
    assert int(limited.headers["X-RateLimit-Reset"]) > 0
    assert (await http.get(f"{zoom_sandbox.api_base}/users/me")).status_code == 401
    stats = await http.get(f"{zoom_sandbox.base_url}/_sandbox/stats")
    assert stats.json()["requests"] == 2


async def test_contract_checker_catches_a_wrong_request(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, oauth: ZoomOAuth
) -> None:
    tokens = await connect(sandbox=zoom_sandbox, http=http, oauth=oauth)
    await http.post(
        f"{zoom_sandbox.api_base}/users/me/meetings",
        json={"topic": "t", "type": 2, "start_time": 1700000000, "timezone": "UTC"},
        headers={"Authorization": f"Bearer {tokens.access_token}"},
    )
    await http.post(f"{zoom_sandbox.oauth_base}/token", data={"grant_type": "refresh_token"})
    found = list(zoom_sandbox.contract.violations)
    zoom_sandbox.contract.violations.clear()  # deliberate: don't fail this test at teardown
    assert any("start_time" in v or "1700000000" in v for v in found), found
    assert any("Basic" in v for v in found) and any("without refresh_token" in v for v in found)


@pytest.fixture
async def mounted() -> AsyncIterator[ZoomSandbox]:
    checker, state = ContractChecker(), SandboxState()
    outer = web.Application()
    outer.add_subapp(
        "/zoom-sandbox", build_sandbox_app(state=state, middlewares=[checker.middleware])
    )
    runner = web.AppRunner(outer)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    base = f"http://{host}:{port}/zoom-sandbox"
    yield ZoomSandbox(base, f"{base}/v2", f"{base}/oauth", state, checker)
    await runner.cleanup()
    assert checker.violations == []


async def test_works_mounted_under_a_prefix(
    mounted: ZoomSandbox, http: httpx.AsyncClient, clock: Clock
) -> None:
    app = OAuthApp(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, mounted.oauth_base, REDIRECT_URI)
    oauth = ZoomOAuth(http=http, app=app, clock=clock)
    tokens = await connect(sandbox=mounted, http=http, oauth=oauth, email="m@example.com")
    created = await http.post(
        f"{mounted.api_base}/users/me/meetings",
        json={"topic": "t", "type": 1},
        headers={"Authorization": f"Bearer {tokens.access_token}"},
    )
    assert created.json()["join_url"].startswith(f"{mounted.base_url}/j/")
    assert (await http.get(created.json()["join_url"])).status_code == 200
    assert mounted.state.meetings_of("m@example.com")
