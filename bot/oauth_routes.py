"""GET /api/auth/zoom/callback: where Zoom sends the browser after the user approves."""

from __future__ import annotations

import html

from aiohttp import web

from bot import oauth_callback
from bot.appkeys import DISPATCHER, SERVICES

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title></head><body style="font-family:system-ui;max-width:36rem;margin:3rem auto">
<h1>{title}</h1><p>{message}</p></body></html>"""


def _page(title: str, message: str, status: int) -> web.Response:
    text = PAGE.format(title=html.escape(title), message=html.escape(message))
    return web.Response(text=text, content_type="text/html", status=status)


async def callback(request: web.Request) -> web.Response:
    if request.query.get("error"):
        return _page(
            "Not connected",
            "You didn't approve the Zoom connection. "
            "Go back to the chat and say “connect” whenever you want to.",
            400,
        )
    code, state = request.query.get("code"), request.query.get("state")
    if not code or not state:
        return _page(
            "Not connected",
            "This link is incomplete. Go back to the chat and say “connect” for a new one.",
            400,
        )
    result = await oauth_callback.complete(
        request.app[SERVICES], request.app[DISPATCHER], code=code, state=state
    )
    title = "Connected" if result.ok else "Not connected"
    return _page(title, result.message, 200 if result.ok else 400)


def setup(app: web.Application) -> None:
    app.router.add_get("/api/auth/zoom/callback", callback)
