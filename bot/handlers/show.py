"""show / join: one meeting's details and its Join link."""

from __future__ import annotations

from bot import meetings
from bot.context import Context
from bot.handlers.pick import one_meeting
from bot.handlers.registry import handles
from bot.replies import MeetingDetails, Reply
from nlu.types import Intent, ParsedCommand
from zoom.types import Meeting


async def details(ctx: Context, meeting: Meeting) -> Reply:
    await meetings.remember(ctx, meeting.id)
    await ctx.audit("get_meeting", target=str(meeting.id))
    return MeetingDetails(meeting=meeting, viewer_tz=ctx.tz)


@handles(Intent.SHOW, Intent.JOIN)
async def show(ctx: Context, cmd: ParsedCommand) -> Reply:
    verb = "join" if cmd.intent is Intent.JOIN else "look at"
    found = await one_meeting(ctx, cmd, verb=verb)
    if isinstance(found, Meeting):
        return await details(ctx, found)
    return found
