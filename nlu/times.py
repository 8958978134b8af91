"""Resolve the time expressions found by `nlu.timegrammar` into aware datetimes.

Conventions (each one has a test in tests/nlu/test_times.py):

- Everything is computed in the user's zone, or in the zone the text names ("3pm CET",
  "noon Berlin time"); an explicit zone wins over the user's zone.
- A bare hour with no am/pm and no part of day follows office hours: 8-11 are morning,
  12 is noon, 1-7 are afternoon/evening ("at 9" -> 09:00, "at 2" -> 14:00, "Sat at 5" ->
  17:00). 0 and 13-23 are read as a 24-hour clock.
- Parts of day: morning 09:00-12:00 ("early morning" 06:00-09:00), afternoon 13:00-17:00,
  evening 17:00-21:00, night/tonight 20:00-23:59, lunch 12:00-13:00, end of day 17:00.
  "this afternoon" therefore starts at 13:00. A part of day turns a bare hour into pm
  (afternoon, evening, night), except that "tonight at 1-4" is after midnight.
- "next friday" is the Friday of next week (Monday-based weeks): on Thursday 26 Nov it is
  Fri 4 Dec; "this friday" / "coming friday" is the one of this week; a bare "friday" is
  the next Friday, or today if today is Friday. "last friday" is the Friday of last week;
  "past friday" is the most recent Friday before today.
- A day and month with no year is the next such date on or after today; when a weekday is
  given too ("Fri 14th", "Friday 28/06"), the nearest date that falls on that weekday wins.
- Slash dates are month/day ("7/6" is July 6) unless the first number is above 12; dot
  and dash dates are day.month ("14.09", "12-11-2017"); a weekday, when given, settles it.
- With `roll_forward` (commands that look ahead: schedule, reschedule, find a time), a
  time that has already passed today moves to the next day, and a weekday-time that has
  passed moves to next week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from nlu.timegrammar import FALLBACK_KINDS, Expression
from nlu.timehandlers import apply_date_part, apply_time_part
from nlu.timeparts import DateState

POD_WINDOWS: dict[str, tuple[time, time]] = {
    "morning": (time(9), time(12)),
    "early morning": (time(6), time(9)),
    "afternoon": (time(13), time(17)),
    "evening": (time(17), time(21)),
    "night": (time(20), time(23, 59)),
    "lunch": (time(12), time(13)),
    "eod": (time(17), time(17)),
}


@dataclass(frozen=True, slots=True)
class Resolved:
    start: datetime
    end: datetime | None
    grain: str  # "minute", "hour", "day", "week", "month", "year"


def resolve(
    expr: Expression, *, now: datetime, zone: ZoneInfo, roll_forward: bool
) -> Resolved | None:
    """Turn one expression into a start (and, for parts of day, an end)."""
    if any(p.kind in FALLBACK_KINDS for p in expr.parts):
        return None  # the caller hands the span to dateparser
    local_now = now.astimezone(zone)
    state = DateState(today=local_now.date(), now=local_now)
    try:
        for part in expr.parts:
            if not apply_date_part(state, part):
                apply_time_part(state, part)
        return _finish(state, zone=zone, roll_forward=roll_forward)
    except (ValueError, OverflowError):  # e.g. "31 feb", or a year beyond datetime's range
        return None


def _finish(state: DateState, *, zone: ZoneInfo, roll_forward: bool) -> Resolved | None:
    if state.exact is not None:
        return Resolved(state.exact.astimezone(zone), None, state.exact_grain)
    day = state.resolve_day()
    clock = state.clock()
    if day is None and clock is None and state.pod is None:
        return None
    explicit_day = day is not None
    day = day or state.today
    if clock is None:
        return _without_clock(state, day, zone)
    start = datetime.combine(day, clock[0], tzinfo=zone)
    if state.pod == "night" and clock[0].hour < 5 <= state.now.hour:
        start += timedelta(days=1)  # "tonight at 2" is after midnight
    if roll_forward and start < state.now:
        start = _roll(start, weekday_given=state.weekday is not None, explicit_day=explicit_day)
    return Resolved(start, None, clock[1])


def _without_clock(state: DateState, day: date, zone: ZoneInfo) -> Resolved:
    if state.pod is not None:
        first, last = POD_WINDOWS[state.pod]
        start = datetime.combine(day, first, tzinfo=zone)
        return Resolved(start, datetime.combine(day, last, tzinfo=zone), "hour")
    return Resolved(datetime.combine(day, time(0), tzinfo=zone), None, state.grain)


def _roll(start: datetime, *, weekday_given: bool, explicit_day: bool) -> datetime:
    if not explicit_day:
        return start + timedelta(days=1)
    if weekday_given:
        return start + timedelta(days=7)
    return start


def resolve_range(
    first: Resolved, second: Resolved, *, second_has_day: bool
) -> tuple[datetime, datetime]:
    """ "from 2 to 3:30pm tomorrow": the end borrows the start's day unless it names one."""
    end = second.start
    start = first.start
    if not second_has_day:
        end = datetime.combine(start.date(), end.timetz())
    elif start.date() != end.date() and first.grain not in ("day",):
        start = datetime.combine(end.date(), start.timetz())
    if end <= start and end.hour < 12:
        end += timedelta(hours=12)
    return start, end


def has_day(expr: Expression) -> bool:
    return any(p.kind in DAY_KINDS for p in expr.parts)


DAY_KINDS = frozenset(
    {"iso", "compact", "ymon", "numdate", "daymon", "monday", "reldayoff", "relday", "weekwd",
     "wdweek", "wd", "offset", "period", "ordday", "dateish", "holiday", "wdday", "theday"}
)  # fmt: skip
