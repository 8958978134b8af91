from __future__ import annotations

from datetime import date

import pytest

from nlu.holidays import easter, holiday_date


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2018, date(2018, 4, 1)), (2019, date(2019, 4, 21)), (2027, date(2027, 3, 28))],
)
def test_easter(year: int, expected: date) -> None:
    assert easter(year) == expected


def test_next_and_last() -> None:
    today = date(2026, 11, 26)
    assert holiday_date("christmas", today=today, year=None, mod=None) == date(2026, 12, 25)
    assert holiday_date("halloween", today=today, year=None, mod=None) == date(2027, 10, 31)
    assert holiday_date("halloween", today=today, year=None, mod="last") == date(2026, 10, 31)
    assert holiday_date("thanksgiving", today=today, year=None, mod=None) == today
    assert holiday_date("black friday", today=today, year=2010, mod=None) == date(2010, 11, 26)
