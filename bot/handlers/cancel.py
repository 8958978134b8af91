"""cancel: always asks for confirmation first, then deletes in Zoom."""

from __future__ import annotations

from bot import conversation, meetings
from bot.context import Context
from bot.handlers.pick import one_meeting
from bot.handlers.registry import handles
from bot.replies import MeetingCancelled, Reply
from bot.timefmt import format_when
from nlu.types import Intent, ParsedCommand
from zoom.types import Meeting


async def confirm(ctx: Context, meeting: Meeting) -> Reply:
    question = conversation.clarify(
        f"Cancel “{meeting.topic}” on {format_when(meeting.start, ctx.tz)}? "
        "Everyone invited loses the slot.",
        ("Yes, cancel it", f"cancel_meeting:{meeting.id}"),
        ("No, keep it", f"keep:{meeting.id}"),
    )
    return await conversation.ask(ctx, question, kind="confirm", meeting_id=meeting.id)


async def delete(ctx: Context, meeting_id: int) -> Reply:
    meeting = await ctx.services.zoom.get_meeting(ctx.account.id, meeting_id)
    await ctx.services.zoom.delete_meeting(ctx.account.id, meeting_id)
    await ctx.audit("delete_meeting", target=str(meeting_id), detail=meeting.topic)
    await meetings.remember(ctx, meeting_id)
    return MeetingCancelled(meeting_id=meeting_id, topic=meeting.topic)


@handles(Intent.CANCEL)
async def cancel(ctx: Context, cmd: ParsedCommand) -> Reply:
    found = await one_meeting(ctx, cmd, verb="cancel")
    if isinstance(found, Meeting):
        return await confirm(ctx, found)
    return found
