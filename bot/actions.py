"""Button presses and answers to the bot's own questions ("Yes, cancel it", "2", "intent:list").

An action value is "<name>:<argument>", the same whether it comes from a Slack button,
a web chat button or a typed answer matched against the question's choices.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from bot import connect as connect_flow
from bot import conversation
from bot.context import Context
from bot.errors import UserFacingError
from bot.events import Action
from bot.handlers import cancel, reschedule, show
from bot.replies import Notice, Reply
from nlu.types import Intent, ParsedCommand

HandleFn = Callable[[Context, ParsedCommand], Awaitable[Reply]]


def parse_value(value: str) -> Action:
    name, _, arg = value.partition(":")
    return Action(name=name, value=arg)


def _meeting_id(action: Action) -> int:
    if not action.value.isdigit():
        raise UserFacingError("That button is out of date. Say “list my meetings” to start again.")
    return int(action.value)


async def run(
    ctx: Context, action: Action, *, pending: dict[str, Any] | None, handle: HandleFn
) -> Reply:
    if action.owner_id is not None and action.owner_id != ctx.event.user.platform_id:
        raise UserFacingError("That button belongs to someone else's message, so I left it alone.")
    await conversation.clear(ctx)
    if action.name == "cancel_meeting":
        return await cancel.delete(ctx, _meeting_id(action))
    if action.name == "confirm_cancel":  # a button without its own confirm dialog
        meeting = await ctx.services.zoom.get_meeting(ctx.account.id, _meeting_id(action))
        return await cancel.confirm(ctx, meeting)
    if action.name == "keep":
        return Notice(text="OK, I left it as it was.")
    if action.name in ("show_meeting", "pick", "reschedule_meeting"):
        return await _on_meeting(ctx, action, pending=pending, handle=handle)
    if action.name == "intent" and pending is not None:
        cmd = ctx.services.parse(pending["text"], now=ctx.now, tz=ctx.tz)
        return await handle(ctx, replace(cmd, intent=Intent(action.value), confidence=1.0))
    if action.name == "connect":
        return await connect_flow.prompt(
            ctx, reason="Connect your Zoom account to let me manage your meetings.", resume=False
        )
    if action.name == "dismiss":
        return Notice(text="OK. Say “help” to see what I can do.")
    raise UserFacingError("That button is out of date. Say “help” to start again.")


async def _on_meeting(
    ctx: Context, action: Action, *, pending: dict[str, Any] | None, handle: HandleFn
) -> Reply:
    meeting = await ctx.services.zoom.get_meeting(ctx.account.id, _meeting_id(action))
    intent = (pending or {}).get("intent")
    if action.name == "reschedule_meeting":
        intent = Intent.RESCHEDULE.value
    if intent == Intent.CANCEL.value:
        return await cancel.confirm(ctx, meeting)
    if intent == Intent.RESCHEDULE.value:
        source = (pending or {}).get("text", "") if action.name == "pick" else ""
        cmd = ctx.services.parse(source, now=ctx.now, tz=ctx.tz)
        return await reschedule.move(ctx, meeting, cmd)
    return await show.details(ctx, meeting)
