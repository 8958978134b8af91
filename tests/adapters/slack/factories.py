"""Slack request builders: signed with the real v0 algorithm (HMAC-SHA256 of v0:ts:body)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from typing import Any
from urllib.parse import urlencode

from tests.adapters.slack.fake_slack import TEAM

SIGNING_SECRET = "test-signing-secret-0123456789abcdef"
CHANNEL = "C0GENERAL"


def sign(body: bytes, *, secret: str = SIGNING_SECRET, ts: int | None = None) -> dict[str, str]:
    stamp = str(int(time.time()) if ts is None else ts)
    base = b"v0:" + stamp.encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


def form(fields: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    body = urlencode(fields).encode()
    return body, {"Content-Type": "application/x-www-form-urlencoded"}


def slash_command(
    text: str, *, user: str, response_url: str, channel: str = CHANNEL, command: str = "/zoom"
) -> dict[str, str]:
    return {
        "token": "deprecated-verification-token",
        "team_id": TEAM,
        "team_domain": "test",
        "channel_id": channel,
        "channel_name": "general",
        "user_id": user,
        "user_name": user.lower(),
        "command": command,
        "text": text,
        "api_app_id": "A0APP0001",
        "response_url": response_url,
        "trigger_id": f"{uuid.uuid4().int % 10**12}.{uuid.uuid4().hex[:10]}",
    }


def event_callback(
    event: dict[str, Any], *, event_id: str | None = None, team: str = TEAM
) -> dict[str, Any]:
    """The Events API wrapper (events-api/slack_common_event_wrapper_schema.json)."""
    return {
        "token": "deprecated-verification-token",
        "team_id": team,
        "api_app_id": "A0APP0001",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
        "event_time": int(time.time()),
        "authed_users": ["U0BOT0001"],
    }


def mention(
    text: str, *, user: str, channel: str = CHANNEL, ts: str = "1700000001.000100"
) -> dict[str, Any]:
    return {"type": "app_mention", "user": user, "text": text, "ts": ts, "channel": channel,
            "event_ts": ts}  # fmt: skip


def direct_message(text: str, *, user: str, channel: str = "D0ALICE01") -> dict[str, Any]:
    ts = f"{int(time.time())}.000200"
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts,
            "channel": channel, "event_ts": ts}  # fmt: skip


def block_actions(
    value: str,
    *,
    user: str,
    response_url: str,
    message_ts: str = "1700000002.000100",
    ephemeral: bool = False,
    channel: str = CHANNEL,
    action_id: str = "zb:2",
) -> dict[str, Any]:
    action = {"type": "button", "action_id": action_id, "block_id": "b1", "value": value,
              "action_ts": f"{time.time():.6f}"}  # fmt: skip
    return {
        "type": "block_actions",
        "team": {"id": TEAM, "domain": "test"},
        "user": {"id": user, "username": user.lower(), "team_id": TEAM},
        "api_app_id": "A0APP0001",
        "token": "deprecated-verification-token",
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel,
            "is_ephemeral": ephemeral,
        },
        "trigger_id": f"{uuid.uuid4().int % 10**12}.{uuid.uuid4().hex[:10]}",
        "channel": {"id": channel, "name": "general"},
        "response_url": response_url,
        "actions": [action],
    }


def interaction_form(payload: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    return form({"payload": json.dumps(payload)})


def json_body(payload: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    return json.dumps(payload).encode(), {"Content-Type": "application/json"}
