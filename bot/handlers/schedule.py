"""schedule / start_now: create a Zoom meeting. A missing time is asked for, never guessed."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from bot import conversation, meetings
from bot.context import Context
from bot.handlers.registry import handles
from bot.replies import Clarify, MeetingCreated, Reply
from nlu.types import Intent, ParsedCommand, Person, Recurrence
from zoom.types import MeetingSpec, RecurrenceSpec

DATE_ONLY = frozenset({"day", "week", "month", "year"})
DEFAULT_MINUTES = 30
MAX_MINUTES = 24 * 60


def _minutes(cmd: ParsedCommand) -> int:
    span = cmd.duration
    if span is None and cmd.start is not None and cmd.end is not None and cmd.end > cmd.start:
        span = cmd.end - cmd.start
    if span is None:
        return DEFAULT_MINUTES
    return max(1, min(MAX_MINUTES, round(span / timedelta(minutes=1))))


def _who(person: Person) -> str:
    return person.name or person.email or person.mention_id or "someone"


def _topic(cmd: ParsedCommand) -> str:
    if cmd.topic:
        return (cmd.topic[:1].upper() + cmd.topic[1:])[:200]
    if cmd.participants:
        return "Meeting with " + ", ".join(_who(p) for p in cmd.participants)
    return "Zoom meeting"


def _recurrence(rec: Recurrence | None) -> RecurrenceSpec | None:
    if rec is None:
        return None
    return RecurrenceSpec(
        frequency=rec.frequency,
        interval=rec.interval,
        weekdays=rec.weekdays,
        month_day=rec.month_day,
        end_date=rec.end_date,
        count=rec.count,
    )


def _agenda(cmd: ParsedCommand) -> str | None:
    if not cmd.participants:
        return None
    return "Invited: " + ", ".join(_who(p) for p in cmd.participants)


async def create(ctx: Context, spec: MeetingSpec, *, action: str) -> Reply:
    meeting = await ctx.services.zoom.create_meeting(ctx.account.id, spec)
    await meetings.remember(ctx, meeting.id)
    await ctx.audit(action, target=str(meeting.id), detail=spec.topic)
    return MeetingCreated(meeting=meeting, viewer_tz=ctx.tz)


def has_clock_time(cmd: ParsedCommand) -> bool:
    """True when the text named a time of day, not just a date ("tomorrow")."""
    return cmd.start is not None and cmd.grain not in DATE_ONLY


def _when_question(cmd: ParsedCommand, topic: str, tz: str) -> str:
    if cmd.start is None:
        return f"When should “{topic}” start? For example “tomorrow at 2pm”."
    day = cmd.start.astimezone(ZoneInfo(tz))
    return f"What time on {day:%a} {day.day} {day:%b} should “{topic}” start? For example “2pm”."


@handles(Intent.SCHEDULE)
async def schedule(ctx: Context, cmd: ParsedCommand) -> Reply:
    topic = _topic(cmd)
    if cmd.start is None or not has_clock_time(cmd):
        question = Clarify(question=_when_question(cmd, topic, ctx.tz), choices=())
        return await conversation.ask(ctx, question, kind="ask_time", intent="schedule")
    zone = cmd.timezone or ctx.tz
    spec = MeetingSpec(
        topic=topic,
        start=cmd.start,
        timezone=zone,
        duration_minutes=_minutes(cmd),
        agenda=_agenda(cmd),
        recurrence=_recurrence(cmd.recurrence),
        invitees=tuple(dict.fromkeys(p.email for p in cmd.participants if p.email)),
    )
    return await create(ctx, spec, action="create_meeting")


@handles(Intent.START_NOW)
async def start_now(ctx: Context, cmd: ParsedCommand) -> Reply:
    spec = MeetingSpec(
        topic=_topic(cmd), start=None, timezone=ctx.tz, duration_minutes=_minutes(cmd)
    )
    return await create(ctx, spec, action="start_instant_meeting")
