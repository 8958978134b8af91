"""The written time conventions of nlu.times (clock: Thursday 26 Nov 2026, 09:00 New York)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nlu import Intent
from tests.nlu.conftest import NOW, Parse, at


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("schedule a sync next friday at 3pm", at(4, 15, month=12)),  # Friday of next week
        ("schedule a sync this friday at 3pm", at(27, 15)),
        ("schedule a sync friday at 3pm", at(27, 15)),  # the next Friday
        ("schedule a sync coming monday at 3pm", at(30, 15)),
        ("schedule a sync next week wednesday at 3pm", at(2, 15, month=12)),
        ("schedule a sync tuesday of next week at 3pm", at(1, 15, month=12)),
    ],
)
def test_weekdays(p: Parse, text: str, expected: object) -> None:
    assert p(text).start == expected


def test_last_and_past_weekday(p: Parse) -> None:
    assert p("what did I have last wednesday").start == at(18)  # Wednesday of last week
    assert p("what did I have this past wednesday").start == at(25)  # the most recent one


@pytest.mark.parametrize(
    ("text", "hour"),
    [("at 9", 9), ("at 11", 11), ("at 12", 12), ("at 2", 14), ("at 7", 19), ("at 17", 17)],
)
def test_bare_hours_follow_office_hours(p: Parse, text: str, hour: int) -> None:
    r = p(f"schedule a sync tomorrow {text}")
    assert r.start == at(27, hour)


def test_a_past_time_rolls_forward_for_scheduling(p: Parse) -> None:
    assert p("schedule a sync at 8am").start == at(27, 8)  # 08:00 has passed today
    assert p("schedule a sync thursday at 8am").start == at(3, 8, month=12)  # next Thursday
    assert p("schedule a sync at 10am").start == at(26, 10)  # still ahead today


def test_a_past_time_stays_put_when_looking_back(p: Parse) -> None:
    r = p("who attended my 8am")
    assert r.intent is Intent.PARTICIPANTS
    assert r.start == at(26, 8)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("am I free this afternoon", at(26, 13), at(26, 17)),
        ("am I free tomorrow morning", at(27, 9), at(27, 12)),
        ("am I free friday evening", at(27, 17), at(27, 21)),
        ("am I free early morning tomorrow", at(27, 6), at(27, 9)),
    ],
)
def test_parts_of_day_are_windows(p: Parse, text: str, start: object, end: object) -> None:
    r = p(text)
    assert (r.start, r.end) == (start, end)


def test_a_part_of_day_is_a_start_when_scheduling(p: Parse) -> None:
    r = p("schedule a sync this afternoon")
    assert (r.start, r.end) == (at(26, 13), None)


def test_part_of_day_sets_the_meridiem(p: Parse) -> None:
    assert p("schedule a sync tomorrow evening at 6").start == at(27, 18)
    assert p("schedule a sync tomorrow morning at 7").start == at(27, 7)
    assert p("schedule a sync tonight at 2").start == at(27, 2)  # after midnight


def test_an_explicit_zone_wins(p: Parse) -> None:
    r = p("schedule a sync tomorrow at 3pm CET")
    assert r.timezone == "Europe/Berlin"
    assert r.start is not None
    assert (r.start.hour, r.start.utcoffset()) == (15, timedelta(hours=1))
    assert r.start == at(27, 9)  # the same instant in New York
    assert p("sync tomorrow at 9am PT").start == at(27, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 7/6", at(6, month=7, year=2027)),  # slash: month/day, next occurrence
        ("on 22/4", at(22, month=4, year=2027)),  # first number above 12: day/month
        ("on 14.09", at(14, month=9, year=2027)),  # dots: day.month
        ("on 12-11-2027", at(12, month=11, year=2027)),
        ("on friday 4/12", at(4, month=12)),  # the weekday settles the order
        ("on 3/18/40", at(18, month=3, year=1940)),  # two-digit year: 19yy past +10 years
        ("on 24.11.27", at(24, month=11, year=2027)),
        ("on 2027-01-15", at(15, month=1, year=2027)),
        ("on december 3rd", at(3, month=12)),
        ("on the 5th", at(5, month=12)),  # the 5th of this month has passed
        ("on the 28th", at(28)),
        ("on 3 dec", at(3, month=12)),
        ("on fri 4 dec", at(4, month=12)),
        ("on jan 3", at(3, month=1, year=2027)),
    ],
)
def test_calendar_dates(p: Parse, text: str, expected: object) -> None:
    r = p(f"what do I have {text}")
    assert r.start == expected
    assert r.grain == "day"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 weeks before christmas", at(11, month=12)),
        ("the day after tomorrow", at(28)),
        ("in 3 days", at(29)),
        ("3 days from tuesday", at(4, month=12)),
        ("in a fortnight", at(10, month=12)),
        ("next easter", at(28, month=3, year=2027)),
        ("new year's eve", at(31, month=12)),
    ],
)
def test_relative_dates_and_holidays(p: Parse, text: str, expected: object) -> None:
    assert p(f"what do I have {text}").start == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at half past seven", at(26, 19, 30)),
        ("at quarter to 5", at(26, 16, 45)),
        ("at 10 past 9", at(26, 9, 10)),
        ("at 8.30pm", at(26, 20, 30)),
        ("at 1530", at(26, 15, 30)),
        ("at 9a", at(26, 9)),
        ("at 3 p.m.", at(26, 15)),
        ("at noon", at(26, 12)),
        ("at five thirty pm", at(26, 17, 30)),
    ],
)
def test_clock_times(p: Parse, text: str, expected: object) -> None:
    assert p(f"what do I have {text}").start == expected


def test_durations_are_not_times(p: Parse) -> None:
    r = p("schedule a 45 minutes sync")
    assert r.start is None
    assert r.duration == timedelta(minutes=45)
    assert p("set a 5 minute timer").start is None


def test_date_only_asks_for_a_time(p: Parse) -> None:
    r = p("schedule a sync tomorrow")
    assert r.start == at(27) and r.grain == "day"


def test_now_is_now(p: Parse) -> None:
    assert p("start a meeting now").start == NOW


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("schedule a sync 3-4pm tomorrow", at(27, 15), at(27, 16)),
        ("schedule a sync wednesday 10am-11am", at(2, 10, month=12), at(2, 11, month=12)),
        ("schedule a sync between 2 and 4 on friday", at(27, 14), at(27, 16)),
        ("schedule lunch noon to 1 tomorrow", at(27, 12), at(27, 13)),
        ("schedule a sync tomorrow 10:00–11:00", at(27, 10), at(27, 11)),
    ],
)
def test_ranges(p: Parse, text: str, start: object, end: object) -> None:
    r = p(text)
    assert (r.start, r.end) == (start, end)


def test_decimal_hours_are_a_duration_not_a_date(p: Parse) -> None:
    r = p("schedule a sync for 1.5 hours tomorrow at 1")
    assert (r.start, r.duration) == (at(27, 13), timedelta(minutes=90))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("january twenty five nineteen eighty six", at(25, month=1, year=1986)),
        ("january first two thousand and thirty two", at(1, month=1, year=2032)),
        ("fifteen august nineteen hundred ninety three", at(15, month=8, year=1993)),
    ],
)
def test_spoken_years(p: Parse, text: str, expected: object) -> None:
    assert p(f"what happened on {text}").start == expected


def test_a_dashed_pair_of_hours_is_a_range_not_minutes(p: Parse) -> None:
    parsed = p("schedule a sync friday 10-11am")
    assert (parsed.start, parsed.end) == (at(27, 10), at(27, 11))
    assert p("schedule a sync at 10-11").start == at(26, 10)
    assert p("schedule a sync at 10 15 am").start == at(26, 10, 15)
