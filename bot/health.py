"""GET /api/zoom/enhanced/health (for load balancers) and /status (the detail)."""

from __future__ import annotations

import time

from aiohttp import web

from bot.appkeys import CONFIG, SERVICES, STARTED_AT

VERSION = "0.1.0"


async def health(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    config = request.app[CONFIG]
    db_ok = await services.db.ping()
    body = {
        "status": "ok" if db_ok else "degraded",
        "database": "ok" if db_ok else "unavailable",
        "zoom": {"mode": config.zoom.mode, "sandbox": config.sandbox},
    }
    return web.json_response(body, status=200 if db_ok else 503)


async def status(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    config = request.app[CONFIG]
    db_ok = await services.db.ping()
    body = {
        "status": "ok" if db_ok else "degraded",
        "version": VERSION,
        "uptime_seconds": round(time.monotonic() - request.app[STARTED_AT], 1),
        "database": {"ok": db_ok, "dialect": services.db.dialect},
        "zoom": {
            "mode": config.zoom.mode,
            "sandbox": config.sandbox,
            "api_base": config.zoom.api_base,
            "connections": await services.tokens.count_by_status() if db_ok else None,
        },
        "rest_api": config.api_token is not None or config.sandbox,
    }
    return web.json_response(body, status=200 if db_ok else 503)


def setup(app: web.Application) -> None:
    app.router.add_get("/api/zoom/enhanced/health", health)
    app.router.add_get("/api/zoom/enhanced/status", status)
