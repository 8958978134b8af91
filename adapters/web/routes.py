"""HTTP for the web chat and the REST API: authenticate, translate, dispatch, render."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from aiohttp import web

from adapters.web import translate
from adapters.web.render import render
from bot import outbox
from bot.appkeys import CONFIG, DISPATCHER, SERVICES, WEB_AUTH
from bot.events import Platform
from bot.replies import ConnectPrompt, Error
from bot.web_auth import COOKIE, Caller

COMMANDS = "/api/zoom/enhanced/chat/commands"
UPDATES = "/api/zoom/enhanced/chat/updates"
SANDBOX_BANNER = (
    '<div class="sandbox">Sandbox mode: Zoom is simulated locally; no real meetings are made.</div>'
)


def _problem(status: int, code: str, message: str) -> web.Response:
    body = {"success": False, "error": {"code": code, "message": message}}
    return web.json_response(body, status=status)


def _caller(request: web.Request, user_id: Any) -> Caller | web.Response:
    auth = request.app[WEB_AUTH]
    header = request.headers.get("Authorization")
    if header is not None:
        if not auth.service_ok(header):
            return _problem(401, "unauthorized", "The bearer token is not valid.")
        if not isinstance(user_id, str) or not 0 < len(user_id) <= translate.MAX_ID:
            return _problem(400, "invalid_user", "'user_id' is required with a bearer token.")
        return Caller(kind="service", user_id=user_id)
    browser = auth.browser_id(request.cookies.get(COOKIE))
    if browser is None:
        return _problem(401, "unauthorized", "Open the chat page, or send a bearer token.")
    return Caller(kind="browser", user_id=browser)


async def _json_body(request: web.Request) -> Any:
    try:
        return await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise translate.BadRequest("the body is not valid JSON") from None


async def post_command(request: web.Request) -> web.Response:
    if request.content_type != "application/json":  # also keeps cross-site forms out (CSRF)
        return _problem(415, "unsupported_media_type", "Send the command as application/json.")
    if request.headers.get("Authorization") is not None:
        pre = _caller(request, "-")  # reject a wrong token before reading the body
        if isinstance(pre, web.Response):
            return pre
    try:
        body = await _json_body(request)
        caller = _caller(request, body.get("user_id") if isinstance(body, dict) else None)
        if isinstance(caller, web.Response):
            return caller
        event = translate.to_event(body, caller=caller, now=request.app[SERVICES].clock())
    except translate.BadRequest as exc:
        return _problem(exc.status, "bad_request", str(exc))
    reply = await request.app[DISPATCHER].dispatch(event)
    return web.json_response({"success": not isinstance(reply, Error), "response": render(reply)})


async def get_updates(request: web.Request) -> web.Response:
    caller = _caller(request, request.query.get("user_id"))
    if isinstance(caller, web.Response):
        return caller
    platform = Platform.WEB if caller.kind == "browser" else Platform.API
    channel = caller.user_id if caller.kind == "browser" else f"user:{caller.user_id}"
    found = await outbox.collect(
        request.app[SERVICES],
        platform=platform.value,
        tenant_id=platform.value,
        user_id=caller.user_id,
        channel_id=request.query.get("channel_id", channel),
        worker=f"web-{id(request.app)}",
    )
    return web.json_response({"success": True, "updates": [render(r) for r in found]})


async def _connect_url(request: web.Request) -> str | web.Response:
    caller = _caller(request, request.query.get("user_id"))
    if isinstance(caller, web.Response):
        return caller
    body = {"command": "connect", "action": "connect:", "context": {}}
    event = translate.to_event(body, caller=caller, now=request.app[SERVICES].clock())
    reply = await request.app[DISPATCHER].dispatch(event)
    if not isinstance(reply, ConnectPrompt):
        return _problem(503, "unavailable", render(reply)["text"])
    return reply.url


async def oauth_url(request: web.Request) -> web.Response:
    url = await _connect_url(request)
    return url if isinstance(url, web.Response) else web.json_response({"oauth_url": url})


async def oauth_start(request: web.Request) -> web.StreamResponse:
    url = await _connect_url(request)
    if isinstance(url, web.Response):
        return url
    raise web.HTTPFound(url)


async def index(request: web.Request) -> web.Response:
    page = resources.files("adapters.web").joinpath("static/index.html").read_text()
    banner = SANDBOX_BANNER if request.app[CONFIG].sandbox else ""
    response = web.Response(text=page.replace("<!--BANNER-->", banner), content_type="text/html")
    auth = request.app[WEB_AUTH]
    if auth.browser_id(request.cookies.get(COOKIE)) is None:
        secure = request.app[CONFIG].public_base_url.startswith("https://")
        response.set_cookie(
            COOKIE,
            auth.new_session(),
            httponly=True,
            samesite="Lax",
            secure=secure,
            max_age=365 * 24 * 3600,
        )
    return response


def setup(app: web.Application) -> None:
    static = resources.files("adapters.web").joinpath("static")
    app.router.add_get("/", index)
    app.router.add_static("/static/", path=str(static))
    app.router.add_post(COMMANDS, post_command)
    app.router.add_get(UPDATES, get_updates)
    app.router.add_get("/api/oauth/zoom/url", oauth_url)
    app.router.add_get("/api/auth/zoom/start", oauth_start)
