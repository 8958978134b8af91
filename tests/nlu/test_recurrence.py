from __future__ import annotations

import pytest

from nlu.recurrence import find_recurrence
from nlu.types import Recurrence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every monday", Recurrence(frequency="weekly", weekdays=(1,))),
        ("every weekday", Recurrence(frequency="weekly", weekdays=(1, 2, 3, 4, 5))),
        ("every other week", Recurrence(frequency="weekly", interval=2)),
        ("every 3 days", Recurrence(frequency="daily", interval=3)),
        ("daily for 10 days", Recurrence(frequency="daily", count=10)),
        ("biweekly", Recurrence(frequency="weekly", interval=2)),
        ("monthly on the 15th", Recurrence(frequency="monthly", month_day=15)),
        ("on tuesdays and thursdays", Recurrence(frequency="weekly", weekdays=(2, 4))),
        (
            "every mon, wed and fri for 4 weeks",
            Recurrence(frequency="weekly", weekdays=(1, 3, 5), count=4),
        ),
    ],
)
def test_rules(text: str, expected: Recurrence) -> None:
    found = find_recurrence(text)
    assert found is not None and found[0] == expected


def test_no_rule() -> None:
    assert find_recurrence("tomorrow at 3pm") is None
