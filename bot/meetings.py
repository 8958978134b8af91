"""Finding the meeting a user points at ("cancel Team Sync", "my 3pm", "it", "123 456 7890")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from bot.context import Context
from nlu.types import MeetingRef, ParsedCommand
from storage import conversation
from zoom.types import Meeting

_FILLER = frozenset({"the", "my", "a", "an", "our", "meeting", "call", "zoom", "with"})


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in _FILLER}


def _same_minute(a: datetime | None, b: datetime | None) -> bool:
    return a is not None and b is not None and abs((a - b).total_seconds()) < 60


def match(
    meetings: Sequence[Meeting], ref: MeetingRef, *, last_meeting_id: int | None
) -> list[Meeting]:
    """The meetings the reference fits, best first. Pure."""
    if ref.kind == "number":
        return [m for m in meetings if m.id == ref.meeting_id]
    if ref.kind == "context":
        return [m for m in meetings if m.id == last_meeting_id]
    if ref.kind == "time":
        return [m for m in meetings if _same_minute(m.start, ref.start)]
    wanted = _words(ref.text)
    if not wanted:
        return []
    exact = [m for m in meetings if _words(m.topic) == wanted]
    return exact or [m for m in meetings if wanted <= _words(m.topic)]


async def last_meeting_id(ctx: Context) -> int | None:
    state = await conversation.get_state(
        ctx.services.db, account_id=ctx.account.id, channel_key=ctx.channel_key
    )
    return state.last_meeting_id if state is not None else None


async def remember(ctx: Context, meeting_id: int) -> None:
    await conversation.remember_meeting(
        ctx.services.db,
        account_id=ctx.account.id,
        channel_key=ctx.channel_key,
        meeting_id=meeting_id,
        now=ctx.now,
    )


async def candidates(ctx: Context, cmd: ParsedCommand) -> list[Meeting]:
    """Upcoming meetings that fit the command's reference (or its time, when it has no ref)."""
    ref = cmd.meeting_ref
    if ref is None and cmd.start is not None:
        ref = MeetingRef(kind="time", text="", start=cmd.start)
    if ref is None:
        ref = MeetingRef(kind="context", text="it")
    if ref.kind == "number" and ref.meeting_id is not None:
        return [await ctx.services.zoom.get_meeting(ctx.account.id, ref.meeting_id)]
    upcoming = await ctx.services.zoom.list_upcoming(ctx.account.id)
    return match(upcoming, ref, last_meeting_id=await last_meeting_id(ctx))
