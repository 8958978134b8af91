"""reschedule: move a meeting to a new time, or by a shift ("30 minutes later")."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import conversation, meetings
from bot.context import Context
from bot.handlers.pick import one_meeting
from bot.handlers.registry import handles
from bot.handlers.schedule import DATE_ONLY
from bot.replies import Clarify, MeetingUpdated, Reply
from nlu.types import Intent, ParsedCommand
from zoom.types import Meeting, MeetingChanges


def new_start(meeting: Meeting, cmd: ParsedCommand, tz: str) -> datetime | None:
    """Where the meeting goes. A date alone ("to Friday") keeps the meeting's time of day."""
    if cmd.shift is not None and meeting.start is not None:
        return meeting.start + cmd.shift
    if cmd.start is None:
        return None
    if cmd.grain in DATE_ONLY:
        if meeting.start is None:
            return None
        zone = ZoneInfo(tz)
        clock = meeting.start.astimezone(zone)
        return cmd.start.astimezone(zone).replace(hour=clock.hour, minute=clock.minute)
    return cmd.start


async def move(ctx: Context, meeting: Meeting, cmd: ParsedCommand) -> Reply:
    start = new_start(meeting, cmd, ctx.tz)
    if start is None:
        question = Clarify(question=f"When should “{meeting.topic}” move to?", choices=())
        return await conversation.ask(
            ctx, question, kind="ask_time", intent="reschedule", meeting_id=meeting.id
        )
    zone = cmd.timezone or ctx.tz
    minutes = round(cmd.duration.total_seconds() / 60) if cmd.duration else None
    changes = MeetingChanges(start=start, timezone=zone, duration_minutes=minutes)
    await ctx.services.zoom.update_meeting(ctx.account.id, meeting.id, changes)
    await ctx.audit("update_meeting", target=str(meeting.id), detail=f"start={start.isoformat()}")
    await meetings.remember(ctx, meeting.id)
    updated = await ctx.services.zoom.get_meeting(ctx.account.id, meeting.id)
    return MeetingUpdated(meeting=updated, viewer_tz=ctx.tz)


@handles(Intent.RESCHEDULE)
async def reschedule(ctx: Context, cmd: ParsedCommand) -> Reply:
    # The new time is the command's time; the meeting is found by its name/number/"it".
    target = cmd if cmd.meeting_ref is not None else replace(cmd, start=None, end=None)
    found = await one_meeting(ctx, target, verb="move")
    if isinstance(found, Meeting):
        return await move(ctx, found, cmd)
    return found
