"""Recurrence: "every monday", "daily", "every 2 weeks", "weekdays", "monthly on the 5th",
"for 6 weeks" (count), "until dec 20" (end date). Maps onto Zoom's recurrence object."""

from __future__ import annotations

import re
from dataclasses import replace

from nlu.timegrammar import WEEKDAYS
from nlu.types import Frequency, Recurrence

_WD = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_EVERY = re.compile(
    rf"\b(?:every|each)\s+(?:(?P<n>\d+|other)\s+)?(?P<what>weekday|working day|"
    rf"business day|day|week|month|{_WD}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_WD})*)s?\b"
)
_PLURAL = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days"
_ADVERB = re.compile(
    r"\b(?P<adv>daily|weekly|biweekly|bi-weekly|fortnightly|monthly|weekdays)\b"
    rf"|\bon\s+(?P<plural>{_PLURAL}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_PLURAL})*)\b"
)
_COUNT = re.compile(
    r"\bfor\s+(?:the\s+next\s+)?(?P<count>\d+)\s+(?P<unit>weeks|months|days|times|"
    r"occurrences|sessions)\b"
)
_DAY_OF_MONTH = re.compile(r"\bon\s+the\s+(?P<dom>\d{1,2})(?:st|nd|rd|th)\b")


def _weekdays(text: str) -> tuple[int, ...]:
    return tuple(sorted({WEEKDAYS[w[:3]] for w in re.findall(_WD, text)}))


def find_recurrence(norm: str) -> tuple[Recurrence, int, int] | None:
    """The recurrence rule in normalised text, with its span (the end date is set later)."""
    m = _EVERY.search(norm)
    if m:
        rule = _from_every(m)
        span = (m.start(), m.end())
    else:
        adv = _ADVERB.search(norm)
        if adv is None:
            return None
        rule = _from_adverb(adv)
        span = (adv.start(), adv.end())
    count = _COUNT.search(norm)
    if (count and count.group("unit") not in ("days",)) or (count and rule.frequency == "daily"):
        rule = _with(rule, count=int(count.group("count")))
    dom = _DAY_OF_MONTH.search(norm)
    if rule.frequency == "monthly" and dom:
        rule = _with(rule, month_day=int(dom.group("dom")))
    return rule, span[0], span[1]


def _with(
    rule: Recurrence, *, count: int | None = None, month_day: int | None = None
) -> Recurrence:
    return replace(
        rule,
        count=count if count is not None else rule.count,
        month_day=month_day if month_day is not None else rule.month_day,
    )


def _from_every(m: re.Match[str]) -> Recurrence:
    raw_n = m.group("n")
    interval = 2 if raw_n == "other" else int(raw_n) if raw_n else 1
    what = m.group("what")
    if what in ("weekday", "working day", "business day"):
        return Recurrence(frequency="weekly", weekdays=(1, 2, 3, 4, 5))
    freq: Frequency = "daily" if what == "day" else "monthly" if what == "month" else "weekly"
    days = _weekdays(what) if freq == "weekly" and what != "week" else ()
    return Recurrence(frequency=freq, interval=interval, weekdays=days)


def _from_adverb(m: re.Match[str]) -> Recurrence:
    if m.group("plural"):
        return Recurrence(frequency="weekly", weekdays=_weekdays(m.group("plural")))
    adv = m.group("adv")
    if adv == "weekdays":
        return Recurrence(frequency="weekly", weekdays=(1, 2, 3, 4, 5))
    if adv in ("biweekly", "bi-weekly", "fortnightly"):
        return Recurrence(frequency="weekly", interval=2)
    freq: Frequency = "daily" if adv == "daily" else "monthly" if adv == "monthly" else "weekly"
    return Recurrence(frequency=freq)
