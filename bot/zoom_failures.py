"""What the user is told when Zoom fails: a reconnect link, or a message saying what to do
next. ZoomError is already translated from HTTP at the edge (zoom/transport.py)."""

from __future__ import annotations

import logging

from bot import connect as connect_flow
from bot.context import Context
from bot.replies import Error, Reply
from zoom import errors as zerr

log = logging.getLogger(__name__)


async def reply_for(ctx: Context, exc: zerr.ZoomError) -> Reply:
    cid = ctx.correlation_id
    if isinstance(exc, zerr.ZoomNotConnected) and ctx.services.oauth.server_to_server:
        return Error(  # one company Zoom account: there is nothing for the user to connect
            message="I can't tell which Zoom user you are: your chat profile has no e-mail "
            "address I can match to this Zoom account. Ask your Zoom admin to add you, or "
            "add your work e-mail to your chat profile.",
            correlation_id=cid,
        )
    if isinstance(exc, zerr.ZoomNotConnected):
        return await connect_flow.prompt(
            ctx,
            reason="Connect your Zoom account first; I'll carry on once you approve.",
            resume=True,
        )
    if isinstance(exc, zerr.ZoomAuthError):
        return await connect_flow.prompt(
            ctx,
            reason="Your Zoom connection expired or was revoked. Reconnect to continue; "
            "I'll carry on once you approve.",
            resume=True,
        )
    log.warning("zoom failure %s [%s]", type(exc).__name__, cid)
    return Error(message=message_for(exc), correlation_id=cid)


def message_for(exc: zerr.ZoomError) -> str:
    """What to tell the user; it says what to do next and never shows internals."""
    if isinstance(exc, zerr.ZoomRateLimited):
        wait = (
            f" in about {round(exc.retry_after_seconds)} seconds" if exc.retry_after_seconds else ""
        )
        return f"Zoom is limiting how fast I can work right now. Please try again{wait}."
    if isinstance(exc, zerr.ZoomOutcomeUnknown):
        return (
            "Zoom didn't confirm in time, so I can't tell whether that worked. "
            "Say “list my meetings” to check before trying again."
        )
    if isinstance(exc, zerr.ZoomUnavailable):
        return "Zoom isn't answering right now. Please try again in a few minutes."
    if isinstance(exc, zerr.ZoomNotFound):
        return (
            "That meeting doesn't exist any more; it may have been cancelled. "
            "Say “list my meetings” to see what's left."
        )
    if isinstance(exc, zerr.ZoomRejected):
        return f"Zoom refused that: {exc}. Check the details and try again."
    return "Zoom had a problem with that request. Please try again in a few minutes."
