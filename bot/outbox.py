"""Replies that arrive later (after the OAuth callback, reminders): kept in storage until
the platform collects or is sent them, claimed atomically so replicas never send one twice."""

from __future__ import annotations

from dataclasses import dataclass

from bot import codec
from bot.events import CommandEvent, ReplyTarget
from bot.replies import Reply
from bot.services import Services
from storage import accounts, outbox


async def post(services: Services, *, account_id: str, event: CommandEvent, reply: Reply) -> None:
    await outbox.enqueue(
        services.db,
        platform=event.platform.value,
        tenant_id=event.tenant_id,
        channel_id=event.channel_id,
        account_id=account_id,
        payload={
            "reply": codec.reply_to_json(reply),
            "reply_to": codec.to_json(event.reply_to),
            "user_id": event.user.platform_id,
        },
        now=services.clock(),
    )


async def collect(
    services: Services,
    *,
    platform: str,
    tenant_id: str,
    user_id: str,
    channel_id: str,
    worker: str,
) -> list[Reply]:
    """The waiting replies for one user in one channel (the web chat polls this)."""
    now = services.clock()
    account = await accounts.resolve_identity(
        services.db,
        platform=platform,
        tenant_id=tenant_id,
        platform_user_id=user_id,
        display_name=None,
        email=None,
        now=now,
    )
    items = await outbox.claim_for_channel(
        services.db,
        platform=platform,
        account_id=account.id,
        channel_id=channel_id,
        worker=worker,
        now=now,
    )
    return [codec.reply_from_json(item.payload["reply"]) for item in items]


@dataclass(frozen=True, slots=True)
class Delivery:
    """One reply for a platform adapter to send on its own (e.g. Slack chat.postMessage)."""

    tenant_id: str
    channel_id: str
    account_id: str | None
    reply_to: ReplyTarget
    reply: Reply
    user_id: str | None  # the platform user the reply is for (ephemeral messages, buttons)


async def due(services: Services, *, platform: str, worker: str, limit: int = 50) -> list[Delivery]:
    """Claim waiting replies for `platform` across channels; each is handed out once."""
    items = await outbox.claim_due(
        services.db, platform=platform, worker=worker, now=services.clock(), limit=limit
    )
    return [
        Delivery(
            tenant_id=item.tenant_id or "",
            channel_id=item.channel_id,
            account_id=item.account_id,
            reply_to=codec.from_json(ReplyTarget, item.payload["reply_to"]),
            reply=codec.reply_from_json(item.payload["reply"]),
            user_id=item.payload.get("user_id"),
        )
        for item in items
    ]
