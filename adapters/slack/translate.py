"""Slack payloads -> CommandEvent. Translation only: no I/O here.

The Slack user who typed or clicked is the identity (platform "slack", tenant = team id).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, NotRequired, TypedDict

from adapters.slack.blocks import split_value
from bot.events import Action, CommandEvent, Mention, Platform, ReplyTarget, User

MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
Source = Literal["command", "event", "action"]


class SlashCommand(TypedDict):
    team_id: str
    channel_id: str
    user_id: str
    command: str
    text: str
    response_url: str
    trigger_id: str


class MessageEvent(TypedDict):
    type: str
    user: str
    text: str
    channel: str
    ts: str
    thread_ts: NotRequired[str]
    channel_type: NotRequired[str]
    bot_id: NotRequired[str]
    subtype: NotRequired[str]


class EventCallback(TypedDict):
    team_id: str
    event_id: str
    event: MessageEvent


class _Id(TypedDict):
    id: str


class _Container(TypedDict, total=False):
    message_ts: str
    thread_ts: str
    is_ephemeral: bool


class _Option(TypedDict):
    value: str


class ActionItem(TypedDict):
    action_id: str
    action_ts: str
    value: NotRequired[str]
    selected_option: NotRequired[_Option]


class BlockActions(TypedDict):
    team: _Id
    user: _Id
    channel: NotRequired[_Id]
    container: _Container
    response_url: str
    trigger_id: str
    actions: list[ActionItem]


@dataclass(frozen=True, slots=True)
class Origin:
    """What the adapter needs to answer, beside the event: where the request came from."""

    source: Source
    team_id: str
    user_id: str
    channel_id: str
    ephemeral_container: bool = False  # a click inside an ephemeral message
    direct: bool = False  # a DM with the bot


def mention_ids(text: str, *, bot_user_id: str | None = None) -> tuple[str, ...]:
    found = dict.fromkeys(MENTION.findall(text))
    return tuple(uid for uid in found if uid != bot_user_id)


def strip_bot(text: str, bot_user_id: str | None) -> str:
    if not bot_user_id:
        return text.strip()
    return re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text).strip()


def _event(*, origin: Origin, user: User, text: str, now: datetime, target: ReplyTarget,
           event_id: str | None, mentions: tuple[Mention, ...], people: tuple[Mention, ...],
           action: Action | None = None) -> CommandEvent:  # fmt: skip
    return CommandEvent(
        platform=Platform.SLACK,
        tenant_id=origin.team_id,
        channel_id=origin.channel_id,
        user=user,
        text=text,
        received_at=now,
        reply_to=target,
        mentions=mentions,
        event_id=event_id,
        action=action,
        people=people,
    )


def from_command(
    body: SlashCommand,
    *,
    user: User,
    mentions: tuple[Mention, ...],
    people: tuple[Mention, ...],
    now: datetime,
) -> tuple[CommandEvent, Origin]:
    origin = Origin("command", body["team_id"], body["user_id"], body["channel_id"])
    target = ReplyTarget(channel_id=body["channel_id"], response_url=body["response_url"])
    event_id = f"cmd-{body['trigger_id']}"  # one slash command, one trigger id
    text = body.get("text", "")
    event = _event(origin=origin, user=user, text=text, now=now, target=target,
                   event_id=event_id, mentions=mentions, people=people)  # fmt: skip
    return event, origin


def from_message(
    body: EventCallback,
    *,
    text: str,
    user: User,
    mentions: tuple[Mention, ...],
    people: tuple[Mention, ...],
    now: datetime,
) -> tuple[CommandEvent, Origin]:
    msg = body["event"]
    direct = msg.get("channel_type") == "im"
    origin = Origin("event", body["team_id"], msg["user"], msg["channel"], direct=direct)
    thread = None if direct else msg.get("thread_ts", msg["ts"])
    target = ReplyTarget(channel_id=msg["channel"], thread_id=thread)
    event = _event(origin=origin, user=user, text=text, now=now, target=target,
                   event_id=body["event_id"], mentions=mentions, people=people)  # fmt: skip
    return event, origin


def action_value(item: ActionItem) -> str:
    if "selected_option" in item:
        return item["selected_option"]["value"]
    return item.get("value", "")


def from_action(body: BlockActions, *, user: User, now: datetime) -> tuple[CommandEvent, Origin]:
    item = body["actions"][0]
    owner, value = split_value(action_value(item))
    name, _, arg = value.partition(":")
    container = body.get("container", {})
    channel = body.get("channel", {"id": ""})["id"]
    origin = Origin("action", body["team"]["id"], body["user"]["id"], channel,
                    ephemeral_container=bool(container.get("is_ephemeral")))  # fmt: skip
    target = ReplyTarget(
        channel_id=channel,
        thread_id=container.get("thread_ts"),
        response_url=body.get("response_url"),
        message_id=container.get("message_ts"),
    )
    action = Action(name=name, value=arg, owner_id=owner)
    event_id = f"act-{body['user']['id']}-{item['action_ts']}"
    event = _event(origin=origin, user=user, text="", now=now, target=target,
                   event_id=event_id, mentions=(), people=(), action=action)  # fmt: skip
    return event, origin


def passive_action(body: dict[str, Any]) -> bool:
    """Link buttons (Join, Connect) also send a click; there is nothing to do for them."""
    actions = body.get("actions") or [{}]
    _, value = split_value(action_value(actions[0]))
    return value.partition(":")[0] in ("join", "link", "")
