from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlu import parse

NOW = datetime(2026, 11, 26, 9, tzinfo=ZoneInfo("America/New_York"))


@pytest.mark.parametrize("text", ["list", "List", "meetings", "agenda"])
def test_single_word_list_commands(text: str) -> None:
    parsed = parse(text, now=NOW, tz="America/New_York")
    assert (parsed.intent.value, parsed.confidence >= 0.8) == ("list", True)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("log me out of zoom", "disconnect"),
        ("sign me out", "disconnect"),
        ("quick zoom please", "start_now"),
        ("an instant call!", "start_now"),
        ("what time is it in tokyo", "unknown"),
        ("what's the time", "unknown"),
    ],
)
def test_everyday_phrasings(text: str, intent: str) -> None:
    assert parse(text, now=NOW, tz="America/New_York").intent.value == intent
