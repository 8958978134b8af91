"""Fold the parts of one time expression into a date and a clock time (see nlu.times)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

_UNIT_DAYS = {"d": 1, "w": 7, "f": 14}


@dataclass(slots=True)
class DateState:
    today: date
    now: datetime
    day: date | None = None  # an explicit calendar date
    rel_day: date | None = None  # "tomorrow", "next friday": loses to an explicit date
    month: int | None = None  # month and day-of-month still waiting for a year
    dom: int | None = None
    year: int | None = None
    weekday: int | None = None
    num_pair: tuple[int, int, str] | None = None  # ambiguous numeric date (a, b, sep)
    offsets: list[tuple[float, str, int]] = field(default_factory=list)
    anchored: bool = False  # "3 days from tuesday": the offset counts from another part
    hour: int | None = None
    minute: int = 0
    meri: str | None = None
    pod: str | None = None
    pod_mod: str | None = None
    exact: datetime | None = None
    exact_grain: str = "minute"
    grain: str = "day"
    loose_hour: bool = False  # a bare hour that only counts next to a date

    def resolve_day(self) -> date | None:
        base = self._calendar_day() or self.rel_day
        if base is None and self.anchored and self.weekday is not None:
            base = _next_weekday(self.today, self.weekday, inclusive=True)
        if self.offsets:
            moved = _apply_offsets(base or self.today, self.offsets)
            if self.weekday is not None and self.rel_day is None and not self.anchored:
                # "Monday two weeks from now": that weekday in the week the offset lands in
                moved += timedelta(days=self.weekday - moved.isoweekday())
            return moved
        if base is None and self.weekday is not None:
            base = _next_weekday(self.today, self.weekday, inclusive=True)
        return base

    def _calendar_day(self) -> date | None:
        if self.day is not None:
            return self.day
        if self.num_pair is not None:
            return _numeric_day(self)
        if self.month is not None and self.dom is not None:
            return _month_day(self, self.month, self.dom)
        if self.dom is not None:
            return _dom_only(self)
        return None

    def clock(self) -> tuple[time, str] | None:
        if self.hour is None:
            return None
        hour = _hour24(self.hour, self.meri, self.pod)
        if hour is None:
            return None
        grain = "minute" if self.minute else "hour"
        return time(hour % 24, self.minute), grain


def _hour24(hour: int, meri: str | None, pod: str | None) -> int | None:
    if hour > 24:
        return None
    if meri == "am":
        return 0 if hour == 12 else hour
    if meri == "pm":
        return hour if hour >= 12 else hour + 12
    if hour == 0 or hour >= 12:
        return hour % 24
    if pod in ("afternoon", "evening"):
        return hour + 12
    if pod == "night":
        return hour if hour <= 4 else hour + 12
    if pod in ("morning", "early morning"):
        return hour
    return hour + 12 if hour <= 7 else hour


def _next_weekday(today: date, weekday: int, *, inclusive: bool) -> date:
    delta = (weekday - today.isoweekday()) % 7
    if delta == 0 and not inclusive:
        delta = 7
    return today + timedelta(days=delta)


def _week_day(today: date, weekday: int, weeks: int) -> date:
    monday = today - timedelta(days=today.isoweekday() - 1)
    return monday + timedelta(weeks=weeks, days=weekday - 1)


def _safe_date(year: int, month: int, dom: int) -> date | None:
    if not 1 <= month <= 12 or dom > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, dom)


def _month_day(state: DateState, month: int, dom: int) -> date | None:
    if state.year is not None:
        return _safe_date(state.year, month, dom)
    years = (state.today.year, state.today.year + 1, state.today.year - 1)
    options = [d for y in years if (d := _safe_date(y, month, dom)) is not None]
    if state.weekday is not None:
        matching = [d for d in options if d.isoweekday() == state.weekday and d >= state.today]
        if matching:
            return min(matching, key=lambda d: abs((d - state.today).days))
    future = [d for d in options if d >= state.today]
    if future:
        return min(future)
    for y in range(state.today.year + 1, state.today.year + 9):  # Feb 29
        if (d := _safe_date(y, month, dom)) is not None:
            return d
    return None


def _numeric_day(state: DateState) -> date | None:
    assert state.num_pair is not None
    a, b, sep = state.num_pair
    orders = [(a, b), (b, a)] if sep == "/" else [(b, a), (a, b)]  # (month, day)
    valid = [(m, d) for m, d in orders if 1 <= m <= 12]
    if state.weekday is not None:
        for m, d in valid:
            found = _month_day(state, m, d)
            if found is not None and found.isoweekday() == state.weekday:
                return found
    for m, d in valid:
        found = _month_day(state, m, d)
        if found is not None:
            return found
    return None


def _dom_only(state: DateState) -> date | None:
    assert state.dom is not None
    year, month = state.today.year, state.today.month
    for _ in range(14):
        found = _safe_date(year, month, state.dom)
        ok = state.weekday is None or (found is not None and found.isoweekday() == state.weekday)
        if found is not None and found >= state.today and ok:
            return found
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return None


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _apply_offsets(base: date, offsets: list[tuple[float, str, int]]) -> date:
    for qty, unit, sign in offsets:
        if unit in ("m", "y"):
            base = _add_months(base, sign * int(qty) * (12 if unit == "y" else 1))
        else:
            base += timedelta(days=sign * qty * _UNIT_DAYS[unit])
    return base
