"""list: the user's upcoming meetings, soonest first, in their own zone."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.context import Context
from bot.handlers.registry import handles
from bot.replies import MeetingList, Reply
from nlu.types import Intent, ParsedCommand
from zoom.types import Meeting


def _in_window(meeting: Meeting, cmd: ParsedCommand) -> bool:
    if cmd.start is None or meeting.start is None:
        return True
    end = cmd.end or cmd.start
    if end <= cmd.start:  # a single day or instant: widen to that whole day
        day_start = cmd.start.replace(hour=0, minute=0, second=0, microsecond=0)
        return day_start.date() == meeting.start.astimezone(cmd.start.tzinfo).date()
    return cmd.start <= meeting.start < end


def _sort_key(meeting: Meeting) -> datetime:
    return meeting.start or datetime.max.replace(tzinfo=UTC)


@handles(Intent.LIST)
async def list_meetings(ctx: Context, cmd: ParsedCommand) -> Reply:
    upcoming = await ctx.services.zoom.list_upcoming(ctx.account.id)
    chosen = sorted((m for m in upcoming if _in_window(m, cmd)), key=_sort_key)
    await ctx.audit("list_meetings", detail=f"{len(chosen)} of {len(upcoming)} shown")
    title = "Your upcoming meetings" if cmd.start is None else "Your meetings then"
    return MeetingList(meetings=tuple(chosen), viewer_tz=ctx.tz, title=title)
