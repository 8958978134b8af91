from __future__ import annotations

import pytest

from nlu.zones import find_zone


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("3pm CET", "Europe/Berlin"),
        ("at noon Berlin time", "Europe/Berlin"),
        ("9am PT", "America/Los_Angeles"),
        ("set my timezone to Asia/Tokyo", "Asia/Tokyo"),
        ("10am new york time", "America/New_York"),
    ],
)
def test_explicit_zones(text: str, zone: str) -> None:
    found = find_zone(text, text.lower())
    assert found is not None and found[0] == zone


@pytest.mark.parametrize("text", ["lunch at 1pm", "the et al paper", "and/or", "show time"])
def test_no_zone(text: str) -> None:
    assert find_zone(text, text.lower()) is None
