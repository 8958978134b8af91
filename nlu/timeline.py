"""Pick the command's start/end from the time expressions (ranges, recurrences, windows)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from nlu.fallback import resolve_span
from nlu.normalize import Normalized
from nlu.timegrammar import Expression, find_expressions
from nlu.times import Resolved, has_day, resolve, resolve_range
from nlu.types import Intent, Recurrence

# Commands about the future: a time that has already passed means its next occurrence.
FORWARD_INTENTS = frozenset(
    {Intent.SCHEDULE, Intent.RESCHEDULE, Intent.FIND_TIME, Intent.START_NOW}
)
# Commands that create or move one meeting: a part of day gives a start, not a window.
_POINT_INTENTS = frozenset({Intent.SCHEDULE, Intent.RESCHEDULE, Intent.START_NOW})
_RANGE_GLUE = re.compile(r"^\s*(?:-|–|to|until|till|through|and)\s*$")
_STARTING = re.compile(r"(?:starting|beginning|from|as of|effective)\s*(?:on\s+|from\s+)?$")


@dataclass(frozen=True, slots=True)
class TimeResult:
    start: datetime | None = None
    end: datetime | None = None
    grain: str | None = None
    explicit_end: bool = False
    source: datetime | None = None  # "move my 2pm to 4pm": the time of the meeting to move


def find_times(
    norm: Normalized, *, now: datetime, zone: ZoneInfo, intent: Intent,
    recurrence: Recurrence | None,
) -> TimeResult:  # fmt: skip
    exprs = find_expressions(norm.text)
    roll = intent in FORWARD_INTENTS
    resolved = [(e, resolve(e, now=now, zone=zone, roll_forward=roll)) for e in exprs]
    usable = [
        (e, r) for e, r in ((e, r or _fallback(norm, e, now, zone)) for e, r in resolved) if r
    ]
    if not usable:
        return TimeResult()
    if recurrence is not None and recurrence.weekdays:
        return _recurring(norm.text, usable, recurrence, now.astimezone(zone))
    if intent is Intent.RESCHEDULE and len(usable) > 1:
        moved = _move(norm.text, usable)
        if moved is not None:
            return moved
    first_e, first = usable[0]
    if len(usable) > 1:
        second_e, second = usable[1]
        if _RANGE_GLUE.match(norm.text[first_e.end : second_e.start]):
            start, end = resolve_range(first, second, second_has_day=has_day(second_e))
            if not has_day(first_e) and has_day(second_e):
                start = datetime.combine(end.date(), start.timetz())
            return TimeResult(start, end, first.grain, explicit_end=True)
        if not has_day(first_e) and has_day(second_e) and second.grain == "day":
            first = _on_day(first, second)
    window_end = first.end if intent not in _POINT_INTENTS else None
    return TimeResult(first.start, window_end, first.grain)


_DESTINATION = re.compile(r"\b(?:to|until|till|for|at)\s*$")


def _move(text: str, usable: list[tuple[Expression, Resolved]]) -> TimeResult | None:
    """Reschedule: the time after "to" is the new start; an earlier one names the meeting."""
    for k in range(1, len(usable)):
        dest_e, dest = usable[k]
        if _DESTINATION.search(text[usable[k - 1][0].end : dest_e.start]):
            src_e, src = usable[0]
            start = dest.start
            if not has_day(dest_e) and has_day(src_e):
                start = datetime.combine(src.start.date(), dest.start.timetz())
            return TimeResult(start, None, dest.grain, source=src.start)
    return None


def _fallback(norm: Normalized, expr: Expression, now: datetime, zone: ZoneInfo) -> Resolved | None:
    found = resolve_span(norm.text[expr.start : expr.end], now=now, zone=zone)
    if found is None:
        return None
    return Resolved(found, None, "day" if (found.hour, found.minute) == (0, 0) else "minute")


def _on_day(clock: Resolved, day: Resolved) -> Resolved:
    """ "at 3pm ... on friday": a clock time and a day in separate expressions."""
    start = datetime.combine(day.start.date(), clock.start.timetz())
    end = datetime.combine(day.start.date(), clock.end.timetz()) if clock.end else None
    return Resolved(start, end, clock.grain)


def _recurring(
    text: str, usable: list[tuple[Expression, Resolved]], rule: Recurrence, now: datetime
) -> TimeResult:
    """ "every monday at 9am starting next week": the first matching day on/after the start."""
    anchor = next((r for e, r in usable if _STARTING.search(text[: e.start])), None)
    clock = next((r for _, r in usable if r.grain in ("minute", "hour") and r is not anchor), None)
    day = anchor.start.date() if anchor else now.date()
    tod = clock.start.timetz() if clock else datetime.min.time().replace(tzinfo=now.tzinfo)
    while day.isoweekday() not in rule.weekdays or datetime.combine(day, tod) < now:
        day += timedelta(days=1)
    return TimeResult(datetime.combine(day, tod), None, clock.grain if clock else "day")
