from __future__ import annotations

import logging

import httpx
import pytest
from aiohttp import web

from bot.access_log import PathOnlyAccessLogger


async def test_query_strings_never_reach_the_access_log(caplog: pytest.LogCaptureFixture) -> None:
    async def ok(request: web.Request) -> web.Response:
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/cb", ok)
    runner = web.AppRunner(app, access_log_class=PathOnlyAccessLogger)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        with caplog.at_level(logging.INFO, logger="aiohttp.access"):
            async with httpx.AsyncClient() as client:
                await client.get(f"http://127.0.0.1:{port}/cb?code=SECRETCODE&state=S")
    finally:
        await runner.cleanup()
    assert '"GET /cb" 200' in caplog.text
    assert "SECRETCODE" not in caplog.text
