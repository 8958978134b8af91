"""Making the per-user Zoom OAuth link (authorization code + PKCE, state tied to the user)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot import codec
from bot.context import Context
from bot.events import CommandEvent
from bot.replies import ConnectPrompt
from bot.services import Services
from storage import oauth_states
from zoom.oauth import new_pkce_pair

STATE_TTL = timedelta(minutes=15)


async def authorize_url(
    services: Services, *, account_id: str, event: CommandEvent, now: datetime, resume: bool
) -> str:
    """A single-use link; when `resume`, `event` runs again after the user approves."""
    verifier, challenge = new_pkce_pair()
    state = await oauth_states.create_state(
        services.db,
        services.cipher,
        account_id=account_id,
        code_verifier=verifier,
        return_to={"event": codec.to_json(event), "resume": resume},
        now=now,
        ttl=STATE_TTL,
    )
    return services.oauth.authorize_url(state=state, code_challenge=challenge)


async def prompt(ctx: Context, *, reason: str, resume: bool) -> ConnectPrompt:
    url = await authorize_url(
        ctx.services, account_id=ctx.account.id, event=ctx.event, now=ctx.now, resume=resume
    )
    return ConnectPrompt(url=url, reason=reason)
