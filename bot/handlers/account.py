"""connect / disconnect / settings: the user's Zoom link and preferences."""

from __future__ import annotations

from bot import connect as connect_flow
from bot.context import Context
from bot.handlers.registry import handles
from bot.replies import Notice, Reply
from bot.timefmt import valid_zone
from nlu.types import Intent, ParsedCommand
from storage import accounts


@handles(Intent.CONNECT)
async def connect(ctx: Context, cmd: ParsedCommand) -> Reply:
    status = await ctx.services.tokens.status(ctx.account.id)
    reason = (
        "You're already connected. Use this link to connect a different Zoom account."
        if status == "connected"
        else "Connect your Zoom account to let me manage your meetings."
    )
    return await connect_flow.prompt(ctx, reason=reason, resume=False)


@handles(Intent.DISCONNECT)
async def disconnect(ctx: Context, cmd: ParsedCommand) -> Reply:
    if await ctx.services.tokens.status(ctx.account.id) == "none":
        return Notice(text="You weren't connected to Zoom. Say “connect” to link your account.")
    await ctx.services.tokens.delete(ctx.account.id)
    await ctx.audit("disconnect")
    return Notice(text="Disconnected from Zoom. Say “connect” whenever you want me back.")


@handles(Intent.SETTINGS)
async def settings(ctx: Context, cmd: ParsedCommand) -> Reply:
    zone = valid_zone(cmd.timezone)
    if zone is None:
        return Notice(
            text="I can set your time zone: try “set my timezone to Europe/Berlin”. "
            f"Right now I show times in {ctx.tz}."
        )
    await accounts.set_timezone(ctx.services.db, account_id=ctx.account.id, timezone=zone)
    return Notice(text=f"Done: I'll show your times in {zone}.")
