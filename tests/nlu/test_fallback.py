"""dateparser resolves the spans no rule can (unusual date orders), and only those spans."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from nlu.fallback import resolve_span
from tests.nlu.conftest import NOW, Parse, at


@pytest.mark.parametrize("text", ["2027/23/sep", "23-2027-september", "september-2027-23"])
def test_unusual_date_orders(p: Parse, text: str) -> None:
    r = p(f"what do I have on {text}")
    assert r.start == at(23, month=9, year=2027)
    assert r.grain == "day"


def test_resolve_span_keeps_the_zone() -> None:
    found = resolve_span("2027/23/sep 10:30", now=NOW, zone=ZoneInfo("Europe/Berlin"))
    assert found is not None
    assert (found.month, found.day, found.hour, found.minute) == (9, 23, 10, 30)
    assert found.tzinfo == ZoneInfo("Europe/Berlin")


def test_unreadable_span_is_none() -> None:
    assert resolve_span("31/31/sep", now=NOW, zone=ZoneInfo("UTC")) is None
