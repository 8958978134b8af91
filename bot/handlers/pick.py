"""Shared step for handlers that act on one existing meeting: find it or ask which."""

from __future__ import annotations

from bot import conversation, meetings
from bot.context import Context
from bot.errors import UserFacingError
from bot.replies import Clarify
from bot.timefmt import format_when
from nlu.types import ParsedCommand
from zoom.types import Meeting

MAX_CHOICES = 5


async def one_meeting(ctx: Context, cmd: ParsedCommand, *, verb: str) -> Meeting | Clarify:
    """The single meeting the command means, or a question listing the candidates."""
    found = await meetings.candidates(ctx, cmd)
    if len(found) == 1:
        return found[0]
    if not found:
        raise UserFacingError(
            f"I couldn't find that meeting to {verb}. Say “list my meetings” to see them, "
            "then use its name or number."
        )
    choices = tuple(
        (f"{m.topic} — {format_when(m.start, ctx.tz)}", f"pick:{m.id}") for m in found[:MAX_CHOICES]
    )
    question = conversation.clarify(f"Which meeting do you want to {verb}?", *choices)
    return await conversation.ask(ctx, question, kind="choose", intent=cmd.intent.value)
