"""One small handler per kind of time part; each folds its part into a DateState."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from nlu.holidays import holiday_date
from nlu.timegrammar import MONTHS, WEEKDAYS, Part
from nlu.timeparts import DateState, _next_weekday, _safe_date, _week_day

Handler = Callable[[DateState, Part], None]

_PODS = {
    "morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "night",
    "eod": "eod", "lunch": "lunch", "lunchtime": "lunch", "lunch time": "lunch",
}  # fmt: skip
_MOD_WEEKS = {"next": 1, "following": 1, "last": -1, "previous": -1, "this": 0}
_QTY_WORDS = {"a": 1.0, "an": 1.0, "half a": 0.5, "half an": 0.5, "a couple of": 2.0,
              "couple of": 2.0, "a few": 3.0, "few": 3.0}  # fmt: skip
_SECONDS = {"min": 60, "h": 3600}


def _month(part: Part) -> int:
    return MONTHS[(part.get("mon") or "")[:3]]


def _weekday(part: Part) -> int:
    return WEEKDAYS[(part.get("wd") or "")[:3]]


def _year(raw: str | None, today: date) -> int | None:
    """Two-digit years: 20yy up to ten years ahead of today, else 19yy ("87" -> 1987)."""
    if raw is None:
        return None
    digits = raw.lstrip("'")
    if len(digits) != 2:
        return int(digits)
    year = 2000 + int(digits)
    return year if year <= today.year + 10 else year - 100


def _full_date(state: DateState, part: Part) -> None:
    month = _month(part) if part.get("mon") else int(part.get("month") or 0)
    state.day = _safe_date(int(part.get("year") or 0), month, int(part.get("day") or 0))


def _numdate(state: DateState, part: Part) -> None:
    a, b = int(part.get("a") or 0), int(part.get("b") or part.get("db") or 0)
    state.year = _year(part.get("year"), state.today)
    state.num_pair = (a, b, part.get("sep") or part.get("dsep") or "/")


def _mon_day(state: DateState, part: Part) -> None:
    state.month, state.dom = _month(part), int(part.get("day") or 0)
    state.year = _year(part.get("year"), state.today) or state.year


def _relday(state: DateState, part: Part) -> None:
    rel = part.get("rel") or ""
    if rel == "now":
        state.exact = state.now.replace(second=0, microsecond=0)
        return
    shift = {"tomorrow": 1, "yesterday": -1}.get(rel, 0)
    if rel.endswith("after tomorrow"):
        shift = 2
    elif rel.endswith("before yesterday"):
        shift = -2
    state.rel_day = state.today + timedelta(days=shift)
    if rel == "tonight":
        state.pod = state.pod or "night"


def _wd(state: DateState, part: Part) -> None:
    weekday = _weekday(part)
    mod = " ".join((part.get("mod") or "").split())
    state.weekday = weekday
    if mod in ("next", "following", "last", "previous"):
        state.rel_day = _week_day(state.today, weekday, _MOD_WEEKS[mod])
    elif mod in ("this", "coming", "upcoming", "this coming", "this upcoming"):
        state.rel_day = _next_weekday(state.today, weekday, inclusive=mod == "this")
    elif mod in ("past", "this past"):
        state.rel_day = state.today - timedelta(
            days=(state.today.isoweekday() - weekday - 1) % 7 + 1
        )


def _week_wd(state: DateState, part: Part) -> None:
    mod = " ".join((part.get("wmod") or part.get("mod") or "").split()).replace("the ", "")
    state.weekday = _weekday(part)
    state.rel_day = _week_day(state.today, state.weekday, _MOD_WEEKS.get(mod, 1))


def _qty(part: Part) -> float:
    raw = " ".join((part.get("qty") or "1").split())
    return _QTY_WORDS.get(raw) or float(raw)


def _offset(state: DateState, part: Part) -> None:
    direction = " ".join((part.get("dir") or "").split())
    sign = -1 if direction in ("ago", "before", "before yesterday") else 1
    if part.get("fn"):
        state.offsets.append((1, "f", sign))
        return
    unit = (part.get("unit") or "d")[:1]
    qty = _qty(part)
    unit_word = part.get("unit") or ""
    if unit_word.startswith(("min", "h")):
        seconds = _SECONDS["min" if unit_word.startswith("min") else "h"] * qty
        state.exact = state.now + sign * timedelta(seconds=seconds)
        state.exact_grain = "minute"
        return
    if unit_word.startswith("mon"):
        unit = "m"
    state.anchored = direction in ("from", "after", "before")
    if direction.startswith(("from ", "after ", "before ")):
        anchor = direction.split()[-1]
        if anchor != "now":
            state.rel_day = state.today + timedelta(
                days={"tomorrow": 1, "yesterday": -1}.get(anchor, 0)
            )
    state.offsets.append((qty, unit, sign))


def _period(state: DateState, part: Part) -> None:
    mod = " ".join((part.get("mod") or "").split())
    per = part.get("per") or "week"
    step = _MOD_WEEKS.get(mod, 1 if mod in ("coming", "upcoming", "this coming") else 0)
    if per == "weekend":
        state.day = _week_day(state.today, 6, step)
    elif per == "week":
        state.day = state.today if step == 0 else _week_day(state.today, 1, step)
        state.grain = "week"
    elif per == "month":
        total = state.today.year * 12 + state.today.month - 1 + step
        state.day = state.today if step == 0 else _safe_date(total // 12, total % 12 + 1, 1)
        state.grain = "month"
    else:
        state.day = state.today if step == 0 else _safe_date(state.today.year + step, 1, 1)
        state.grain = "year"


def _ordday(state: DateState, part: Part) -> None:
    dom = int(part.get("day") or 0)
    if (part.get("mmod") or part.get("mmod2")) == "next":
        total = state.today.year * 12 + state.today.month
        state.day = _safe_date(total // 12, total % 12 + 1, dom)
        return
    if state.month is None and state.num_pair is None:
        state.dom = dom


def _year_part(state: DateState, part: Part) -> None:
    state.year = _year(part.get("year"), state.today)


def _wdday(state: DateState, part: Part) -> None:
    state.weekday = _weekday(part)
    if state.month is None and state.num_pair is None:
        state.dom = int(part.get("day") or 0)


def _theday(state: DateState, part: Part) -> None:
    rel = " ".join((part.get("rel") or "").split())
    shift = -1 if rel in ("the day before", "last night") else 1 if rel == "the day after" else 0
    state.rel_day = state.today + timedelta(days=shift)
    if rel == "last night":
        state.pod = "night"


def _holiday(state: DateState, part: Part) -> None:
    name = part.get("hol") or ""
    year = _year(part.get("year"), state.today)
    mod = part.get("mod")
    if year is None and part.get("tyear"):
        year = state.today.year
    state.day = holiday_date(name, today=state.today, year=year, mod=mod)


DATE_HANDLERS: dict[str, Handler] = {
    "iso": _full_date, "compact": _full_date, "ymon": _full_date, "numdate": _numdate,
    "daymon": _mon_day, "monday": _mon_day, "relday": _relday, "reldayoff": _relday,
    "wd": _wd, "weekwd": _week_wd, "wdweek": _week_wd, "offset": _offset, "period": _period,
    "ordday": _ordday, "year": _year_part, "wdday": _wdday, "theday": _theday,
    "holiday": _holiday,
}  # fmt: skip


def _set_clock(state: DateState, hour: int, minute: int, meri: str | None) -> None:
    if state.hour is not None:
        return  # the first clock time in an expression wins
    state.hour, state.minute = hour, minute
    state.meri = meri or state.meri


def _clock(state: DateState, part: Part) -> None:
    _set_clock(state, int(part.get("h") or 0), int(part.get("m") or 0), part.get("meri"))


def _past(state: DateState, part: Part) -> None:
    raw = (part.get("mm") or "0").split()[0]
    minutes = 30 if raw == "half" else 15 if raw.endswith("quarter") else int(raw)
    hour = int(part.get("h") or 0)
    if (part.get("dir") or "") in ("to", "till", "before"):
        hour, minutes = (hour - 1) % 12 or 12, 60 - minutes
    _set_clock(state, hour, minutes, part.get("meri"))


def _noon(state: DateState, part: Part) -> None:
    word = part.get("w") or ""
    _set_clock(state, 0 if word == "midnight" else 12, 0, "am" if word == "midnight" else "pm")


def _pod(state: DateState, part: Part) -> None:
    word = " ".join((part.get("pod") or "").split())
    pod = "eod" if word.startswith("end") else _PODS.get(word, "night")
    mod = " ".join((part.get("pmod") or "").split())
    if pod == "morning" and mod.startswith("early"):
        pod = "early morning"
    state.pod = pod
    if mod == "tomorrow" and state.rel_day is None:
        state.rel_day = state.today + timedelta(days=1)


TIME_HANDLERS: dict[str, Handler] = {
    "clock": _clock, "hourm": _clock, "hmwords": _clock, "athour": _clock, "bare4": _clock,
    "barehour": _clock, "rangehour": _clock, "past": _past, "noon": _noon, "pod": _pod,
}  # fmt: skip


def apply_date_part(state: DateState, part: Part) -> bool:
    handler = DATE_HANDLERS.get(part.kind)
    if handler is None:
        return False
    handler(state, part)
    return True


def apply_time_part(state: DateState, part: Part) -> None:
    handler = TIME_HANDLERS.get(part.kind)
    if handler is not None:
        handler(state, part)
