"""JSON from the web chat or another ATOM service -> CommandEvent. Translation only."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from bot.events import Action, CommandEvent, Platform, ReplyTarget, User
from bot.timefmt import valid_zone
from bot.web_auth import Caller

MAX_COMMAND = 4000
MAX_ID = 128


class BadRequest(ValueError):
    """The body is not a valid command; the message says what to fix."""

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _text(body: dict[str, Any], name: str, *, limit: int, required: bool = False) -> str | None:
    value = body.get(name)
    if value is None or value == "":
        if required:
            raise BadRequest(f"'{name}' is required")
        return None
    if not isinstance(value, str):
        raise BadRequest(f"'{name}' must be a string")
    if len(value) > limit:
        raise BadRequest(f"'{name}' is too long (at most {limit} characters)", status=413)
    return value


def to_event(body: Any, *, caller: Caller, now: datetime) -> CommandEvent:
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object")
    command = _text(body, "command", limit=MAX_COMMAND) or ""
    action_value = _text(body, "action", limit=200)
    if not command.strip() and action_value is None:
        raise BadRequest("'command' is empty: type a request such as “list my meetings”")
    context = body.get("context") or {}
    if not isinstance(context, dict):
        raise BadRequest("'context' must be an object")
    tz = valid_zone(_text(context, "timezone", limit=64))
    request_id = _text(body, "request_id", limit=MAX_ID)
    if caller.kind == "browser":
        platform, tenant, email = Platform.WEB, "web", None
        channel = caller.user_id
    else:
        platform, tenant = Platform.API, "api"
        email = _text(body, "email", limit=254)
        channel = _text(context, "channel_id", limit=MAX_ID) or f"user:{caller.user_id}"
    action = None
    if action_value is not None:
        name, _, value = action_value.partition(":")
        action = Action(name=name, value=value)
    return CommandEvent(
        platform=platform,
        tenant_id=tenant,
        channel_id=channel,
        user=User(platform_id=caller.user_id, display_name=None, email=email, timezone=tz),
        text=command,
        received_at=now,
        reply_to=ReplyTarget(channel_id=channel),
        event_id=request_id or (None if action is None else f"action-{uuid.uuid4().hex}"),
        action=action,
    )
