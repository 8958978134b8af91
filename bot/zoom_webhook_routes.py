"""POST /api/zoom/webhooks: Zoom's event notifications, verified before anything is read.

Every request must carry a valid x-zm-signature with a timestamp within 5 minutes.
`endpoint.url_validation` is answered so Zoom accepts the endpoint. Other events are
acknowledged and recorded in the audit log; posting them into channels is not built yet.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from aiohttp import web

from bot.appkeys import CONFIG, SERVICES
from storage import audit
from zoom.webhooks import url_validation_response, verify_signature

log = logging.getLogger(__name__)
PATH = "/api/zoom/webhooks"


def _problem(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def receive(request: web.Request) -> web.Response:
    secret = request.app[CONFIG].zoom.webhook_secret
    if secret is None:
        return _problem(404, "Zoom webhooks are not configured (ZOOM_WEBHOOK_SECRET_TOKEN)")
    body = await request.read()
    services = request.app[SERVICES]
    if not verify_signature(
        secret=secret,
        signature=request.headers.get("x-zm-signature"),
        timestamp=request.headers.get("x-zm-request-timestamp"),
        body=body,
        now=services.clock(),
    ):
        return _problem(401, "invalid or stale Zoom signature")
    try:
        event: Any = json.loads(body)
        name = event["event"]
        payload = event.get("payload") or {}
    except (ValueError, KeyError, TypeError, AttributeError):
        return _problem(400, "the body is not a Zoom event")
    if name == "endpoint.url_validation":
        plain = payload.get("plainToken")
        if not isinstance(plain, str):
            return _problem(400, "plainToken is missing")
        return web.json_response(url_validation_response(plain, secret))
    meeting = (payload.get("object") or {}) if isinstance(payload, dict) else {}
    await audit.record(
        services.db,
        account_id=None,
        action=f"webhook:{name}"[:64],
        target=str(meeting.get("id")) if isinstance(meeting, dict) else None,
        result="received",
        detail=None,
        at=services.clock(),
    )
    log.info("zoom webhook %s received", name)
    return web.json_response({"received": True})


def setup(app: web.Application) -> None:
    app.router.add_post(PATH, receive)
