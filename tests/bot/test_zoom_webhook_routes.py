"""Zoom webhooks: nothing is read until the signature and timestamp check out."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.fixtures.app_server import AppServer, serve_app
from tests.fixtures.databases import sqlite_test_url
from tests.fixtures.zoom_sandbox import ZoomSandbox
from zoom.webhooks import sign

SECRET = "webhook-secret-token"
PATH = "/api/zoom/webhooks"


@pytest.fixture
async def server(tmp_path: Path, zoom_sandbox: ZoomSandbox) -> AsyncIterator[AppServer]:
    async for running in serve_app(
        tmp_path=tmp_path,
        sandbox=zoom_sandbox,
        database_url=sqlite_test_url(tmp_path),
        extra_env={"ZOOM_WEBHOOK_SECRET_TOKEN": SECRET},
    ):
        yield running


def _signed(body: bytes, *, ts: int | None = None, secret: str = SECRET) -> dict[str, str]:
    stamp = str(ts if ts is not None else int(time.time()))
    return {
        "x-zm-request-timestamp": stamp,
        "x-zm-signature": sign(secret=secret, timestamp=stamp, body=body),
        "Content-Type": "application/json",
    }


async def test_url_validation_is_answered(server: AppServer) -> None:
    body = json.dumps(
        {"event": "endpoint.url_validation", "payload": {"plainToken": "abc123"}}
    ).encode()
    async with server.client() as client:
        answer = await client.post(PATH, content=body, headers=_signed(body))
    assert answer.status_code == 200
    data = answer.json()
    assert data["plainToken"] == "abc123"
    assert len(data["encryptedToken"]) == 64


async def test_a_signed_event_is_accepted(server: AppServer) -> None:
    body = json.dumps(
        {"event": "meeting.started", "payload": {"object": {"id": 123, "topic": "x"}}}
    ).encode()
    async with server.client() as client:
        answer = await client.post(PATH, content=body, headers=_signed(body))
    assert answer.status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"x-zm-request-timestamp": "1", "x-zm-signature": "v0=00"},
    ],
)
async def test_unsigned_or_forged_requests_are_401(
    server: AppServer, headers: dict[str, str]
) -> None:
    async with server.client() as client:
        answer = await client.post(PATH, content=b'{"event":"meeting.started"}', headers=headers)
    assert answer.status_code == 401


async def test_a_wrong_secret_or_stale_timestamp_is_401(server: AppServer) -> None:
    body = b'{"event":"meeting.started","payload":{}}'
    async with server.client() as client:
        forged = await client.post(PATH, content=body, headers=_signed(body, secret="guess"))
        stale = await client.post(
            PATH, content=body, headers=_signed(body, ts=int(time.time()) - 600)
        )
    assert (forged.status_code, stale.status_code) == (401, 401)


async def test_signed_garbage_is_400(server: AppServer) -> None:
    body = b"not json at all"
    async with server.client() as client:
        answer = await client.post(PATH, content=body, headers=_signed(body))
    assert answer.status_code == 400


async def test_webhooks_are_off_without_a_secret(app_server: AppServer) -> None:
    async with app_server.client() as client:
        answer = await client.post(PATH, content=b"{}")
    assert answer.status_code == 404
