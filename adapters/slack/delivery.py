"""Replies queued for later (after the Zoom OAuth callback, reminders): claimed from
bot.outbox about once a second and sent with the workspace's bot token."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.exc import SQLAlchemyError

from adapters.slack.sender import Sender, prepare
from adapters.slack.translate import Origin
from bot import outbox
from bot.services import Services

log = logging.getLogger(__name__)
ClientFor = Callable[[str], Awaitable[AsyncWebClient | None]]
INTERVAL = 1.0


async def deliver_once(
    services: Services, *, sender: Sender, client_for: ClientFor, worker: str
) -> int:
    """Send what is due; returns how many were claimed."""
    due = await outbox.due(services, platform="slack", worker=worker)
    for item in due:
        client = await client_for(item.tenant_id)
        if client is None:
            log.warning("no Slack installation for a queued reply; dropped")
            continue
        origin = Origin(
            source="event",
            team_id=item.tenant_id,
            user_id=item.user_id or "",  # stamps the card's buttons; private replies go to them
            channel_id=item.channel_id,
            direct=item.channel_id.startswith("D"),
        )
        answer = prepare(item.reply, target=item.reply_to, origin=origin)
        if not await sender.send(answer, client=client):
            log.warning("a queued %s reply could not be delivered", type(item.reply).__name__)
    return len(due)


async def deliver_forever(
    services: Services, *, sender: Sender, client_for: ClientFor, worker: str
) -> None:
    while True:
        try:
            claimed = await deliver_once(
                services, sender=sender, client_for=client_for, worker=worker
            )
        except (SQLAlchemyError, OSError) as exc:  # keep polling; the database may come back
            log.warning("Slack delivery round failed: %s", type(exc).__name__)
            claimed = 0
        await asyncio.sleep(0 if claimed else INTERVAL)
