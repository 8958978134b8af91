"""A stand-in Slack Web API on loopback (like slack-bolt's own mock_web_api_server).

It answers like Slack ({"ok": true, ...}), records every call, and holds our calls to the
published contract: the method must exist in slack_web_openapi_v2.json with its required
arguments present, and any `blocks` must parse and validate through slack_sdk's block
models. It also serves response_url endpoints. Violations are collected, never raised, so
the fixture can fail the test at teardown.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block

from tests.fixtures.zoom_contract import contracts_dir

TEAM = "T0TEAM001"
BOT_USER = "U0BOT0001"
BOT_TOKEN = "xoxb-test-bot-token"
INSTALLED_TOKEN = "xoxb-installed-bot-token"
CLIENT_ID = "111.222"
CLIENT_SECRET = "test-client-secret"
OAUTH_CODE = "test-oauth-code"
Json = dict[str, Any]


def slack_user(uid: str, name: str, email: str, tz: str) -> Json:
    profile = {"display_name": name, "real_name": name, "email": email}
    return {"id": uid, "name": name.lower(), "real_name": name, "tz": tz, "profile": profile}


USERS: dict[str, Json] = {
    "U0ALICE01": slack_user("U0ALICE01", "Alice", "alice@example.com", "Europe/Berlin"),
    "U0BOB0001": slack_user("U0BOB0001", "Bob", "bob@example.com", "America/New_York"),
    "U0MALLORY": slack_user("U0MALLORY", "Mallory", "mallory@example.com", "UTC"),
    "U0DAVE001": slack_user("U0DAVE001", "Dave Lee", "dave@example.com", "Asia/Tokyo"),
}


@lru_cache(maxsize=1)
def web_api_spec() -> Json:
    path = contracts_dir() / "slack" / "web-api" / "slack_web_openapi_v2.json"
    spec: Json = json.loads(path.read_text(encoding="utf-8"))
    return spec


def required_args(method: str) -> list[tuple[str, str]] | None:
    """[(name, location)] of the method's required parameters, or None when it doesn't exist."""
    path = web_api_spec()["paths"].get(f"/{method}")
    if path is None:
        return None
    found: list[tuple[str, str]] = []
    for operation in path.values():
        for param in operation.get("parameters", []):
            if param.get("required"):
                found.append((param["name"], param["in"]))
    return found


def block_problems(blocks: Any) -> list[str]:
    """Each block must parse into slack_sdk's model, validate, and survive the round trip."""
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    if not isinstance(blocks, list):
        return ["blocks is not a list"]
    problems = [] if len(blocks) <= 50 else [f"{len(blocks)} blocks (Slack allows 50)"]
    for raw in blocks:
        parsed = Block.parse(raw)
        if parsed is None:
            problems.append(f"unknown block {raw!r}")
            continue
        try:
            parsed.validate_json()
            if parsed.to_dict() != raw:
                problems.append(f"block has attributes Slack doesn't know: {raw!r}")
        except SlackObjectFormationError as exc:
            problems.append(f"invalid block ({exc}): {raw!r}")
    return problems


@dataclass
class Call:
    method: str
    args: Json
    token: str | None


@dataclass
class FakeSlack:
    base_url: str = ""
    calls: list[Call] = field(default_factory=list)
    responses: dict[str, list[Json]] = field(default_factory=lambda: defaultdict(list))
    violations: list[str] = field(default_factory=list)
    users: dict[str, Json] = field(default_factory=lambda: dict(USERS))
    valid_tokens: set[str] = field(default_factory=lambda: {BOT_TOKEN, INSTALLED_TOKEN})
    expired_response_urls: set[str] = field(default_factory=set)  # keys that answer 404
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    # --- what tests read -------------------------------------------------------------------
    def response_url(self, key: str) -> str:
        return f"{self.base_url}/response/{key}"

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, check: Callable[[], Any], *, within: float = 10.0) -> Any:
        """Wait until `check()` is truthy: re-checked after every request recorded here."""
        async with asyncio.timeout(within):
            while True:
                self._changed.clear()
                found = check()
                if found:
                    return found
                with contextlib.suppress(TimeoutError):  # also polls what isn't recorded here
                    await asyncio.wait_for(self._changed.wait(), 0.05)

    async def wait_responses(self, key: str, count: int = 1, within: float = 10.0) -> list[Json]:
        await self.wait_for(lambda: len(self.responses[key]) >= count, within=within)
        return self.responses[key]

    # --- the HTTP side ------------------------------------------------------------------------
    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{key}", self._response)
        return app

    def _record(self, call: Call) -> None:
        self.calls.append(call)
        self._changed.set()

    async def _response(self, request: web.Request) -> web.Response:
        if request.match_info["key"] in self.expired_response_urls:
            return web.Response(status=404, text="expired_url")
        body = await request.json()
        where = f"response_url {request.match_info['key']}"
        self.violations.extend(f"{where}: {p}" for p in _message_problems(body))
        if body.get("response_type") not in (None, "ephemeral", "in_channel"):
            self.violations.append(f"{where}: bad response_type {body.get('response_type')!r}")
        self.responses[request.match_info["key"]].append(body)
        self._changed.set()
        return web.Response(text="ok")

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await _arguments(request)
        auth = request.headers.get("Authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else args.get("token")
        self._check(method, args, token, basic=auth.startswith("Basic "))
        self._record(Call(method, args, token))
        if method != "oauth.v2.access" and token not in self.valid_tokens:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        answer = getattr(self, "_" + method.replace(".", "_"), None)
        body = answer(args) if answer is not None else {"ok": True}
        return web.json_response(body)

    def _check(self, method: str, args: Json, token: str | None, *, basic: bool) -> None:
        required = required_args(method)
        if required is None:
            self.violations.append(f"{method}: not a Slack Web API method")
            return
        for name, where in required:
            present = token is not None if name == "token" else name in args
            if name in ("client_id", "client_secret") and basic:
                present = True
            if not present:
                self.violations.append(f"{method}: required {where} argument {name!r} missing")
        self.violations.extend(f"{method}: {p}" for p in _message_problems(args))

    # --- Slack's answers ---------------------------------------------------------------------
    def _auth_test(self, args: Json) -> Json:
        return {"ok": True, "url": "https://test.slack.com/", "team": "Test", "user": "zoombot",
                "team_id": TEAM, "user_id": BOT_USER, "bot_id": "B0BOT0001",
                "is_enterprise_install": False}  # fmt: skip

    def _users_info(self, args: Json) -> Json:
        user = self.users.get(str(args.get("user")))
        return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}

    def _users_list(self, args: Json) -> Json:
        return {"ok": True, "members": list(self.users.values()),
                "response_metadata": {"next_cursor": ""}}  # fmt: skip

    def _chat_postMessage(self, args: Json) -> Json:
        ts = f"{1700000000 + next(self._ts)}.000100"
        return {"ok": True, "channel": args.get("channel"), "ts": ts,
                "message": {"text": args.get("text", ""), "ts": ts}}  # fmt: skip

    def _chat_postEphemeral(self, args: Json) -> Json:
        return {"ok": True, "message_ts": f"{1700000000 + next(self._ts)}.000200"}

    def _chat_update(self, args: Json) -> Json:
        return {"ok": True, "channel": args.get("channel"), "ts": args.get("ts")}

    def _oauth_v2_access(self, args: Json) -> Json:
        if args.get("code") != OAUTH_CODE:
            return {"ok": False, "error": "invalid_code"}
        return {"ok": True, "app_id": "A0APP0001", "access_token": INSTALLED_TOKEN,
                "token_type": "bot", "scope": "commands,chat:write,users:read",
                "bot_user_id": BOT_USER, "team": {"id": TEAM, "name": "Test"},
                "enterprise": None, "is_enterprise_install": False,
                "authed_user": {"id": "U0ALICE01"}}  # fmt: skip


def _message_problems(args: Json) -> list[str]:
    if "blocks" not in args:
        return []
    problems = block_problems(args["blocks"])
    if not args.get("text"):
        problems.append("blocks without a fallback `text`")
    return problems


async def _arguments(request: web.Request) -> Json:
    args: Json = dict(request.query)
    raw = await request.read()
    if not raw:
        return args
    if request.content_type == "application/json":
        body = json.loads(raw)
        if isinstance(body, dict):
            args.update(body)
    else:
        args.update(parse_qsl(raw.decode(), keep_blank_values=True))
    return args
