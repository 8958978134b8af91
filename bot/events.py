"""The common command event every adapter produces."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Platform(StrEnum):
    WEB = "web"  # the built-in web chat (browser session)
    API = "api"  # other ATOM services over the REST API (bearer token)
    SLACK = "slack"
    DISCORD = "discord"
    TEAMS = "teams"


@dataclass(frozen=True, slots=True)
class User:
    platform_id: str
    display_name: str | None = None
    email: str | None = None
    timezone: str | None = None  # IANA, when the platform or browser told us


@dataclass(frozen=True, slots=True)
class Mention:
    platform_id: str
    display_name: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class ReplyTarget:
    """Where replies go. Opaque to the core; each adapter fills what it needs."""

    channel_id: str
    thread_id: str | None = None
    response_url: str | None = None
    message_id: str | None = None  # the message a button was pressed in, to update it


@dataclass(frozen=True, slots=True)
class Action:
    """A button press or menu choice, as opposed to typed text.

    `name` is one of bot.actions.ActionName; `value` its argument (a meeting id, a choice).
    `owner_id` is the platform user id the message with the button was made for, if known.
    """

    name: str
    value: str
    owner_id: str | None = None


@dataclass(frozen=True, slots=True)
class CommandEvent:
    platform: Platform
    tenant_id: str  # Slack team, Discord guild, Teams tenant; "web" for the web chat
    channel_id: str
    user: User
    text: str
    received_at: datetime  # aware
    reply_to: ReplyTarget
    mentions: tuple[Mention, ...] = ()
    event_id: str | None = None  # the platform's delivery id, for de-duplicating retries
    action: Action | None = None
    people: tuple[Mention, ...] = field(default=())  # the reachable directory, when known
