"""Finishing the Zoom OAuth round trip: store the tokens, tell the chat, resume the command."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from bot import codec, outbox
from bot.dispatcher import Dispatcher
from bot.events import CommandEvent
from bot.replies import Notice
from bot.services import Services
from bot.timefmt import valid_zone
from storage import accounts, audit, oauth_states
from zoom.errors import ZoomError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CallbackResult:
    ok: bool
    message: str


async def complete(
    services: Services, dispatcher: Dispatcher, *, code: str, state: str
) -> CallbackResult:
    now = services.clock()
    pending = await oauth_states.consume_state(services.db, services.cipher, state=state, now=now)
    if pending is None:
        return CallbackResult(
            False,
            "This link has expired or was already used. "
            "Go back to the chat and say “connect” for a new one.",
        )
    try:
        tokens = await services.oauth.exchange_code(code=code, code_verifier=pending.code_verifier)
        await services.tokens.save(pending.account_id, tokens)
        me = await services.zoom.get_me(pending.account_id)
    except ZoomError as exc:
        log.warning("zoom oauth callback failed: %s", type(exc).__name__)
        return CallbackResult(
            False,
            "Zoom didn't accept the connection. "
            "Go back to the chat and say “connect” to try again.",
        )
    await services.tokens.save(
        pending.account_id, replace(tokens, zoom_user_id=me.id, zoom_account_id=me.account_id)
    )
    await audit.record(
        services.db,
        account_id=pending.account_id,
        action="connect",
        target=me.id,
        result="ok",
        detail=None,
        at=now,
    )
    if valid_zone(me.timezone):
        await accounts.set_zoom_timezone(
            services.db, account_id=pending.account_id, timezone=me.timezone
        )
    await _tell_chat(services, dispatcher, pending.account_id, pending.return_to)
    return CallbackResult(True, "Connected — you can close this tab.")


async def _tell_chat(
    services: Services, dispatcher: Dispatcher, account_id: str, return_to: dict[str, object]
) -> None:
    raw_event = return_to.get("event")
    if not isinstance(raw_event, dict):
        return
    event = codec.from_json(CommandEvent, raw_event)
    notice = Notice(text="Zoom is connected.")
    await outbox.post(services, account_id=account_id, event=event, reply=notice)
    if return_to.get("resume"):
        again = replace(event, event_id=None, action=None, received_at=services.clock())
        reply = await dispatcher.dispatch(again)
        await outbox.post(services, account_id=account_id, event=event, reply=reply)
