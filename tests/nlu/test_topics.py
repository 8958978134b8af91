from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlu import parse

NOW = datetime(2026, 11, 26, 9, tzinfo=ZoneInfo("America/New_York"))


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("schedule standup tomorrow at 9am", "standup"),
        ("schedule a 30 minute sync with @alice next friday at 10am", "sync"),
        ("set up a design review with bob on friday at 3pm", "design review"),
        ("schedule a 1:1 with sam at 2pm tomorrow", "1:1"),
        ("start a quick sync now", "sync"),
        ("schedule a meeting called Team Sync tomorrow at 2pm", "Team Sync"),
        ('schedule "Budget: Q3" tomorrow at 4pm', "Budget: Q3"),
    ],
)
def test_the_topic_is_the_phrase_people_use(text: str, topic: str) -> None:
    assert parse(text, now=NOW, tz="America/New_York").topic == topic


@pytest.mark.parametrize(
    "text",
    [
        "schedule a meeting tomorrow at 3",
        "start a meeting now",
        "book a quick call with dave at 5pm",
        "schedule time with alice tomorrow at 4pm",
        "schedule it for 3pm",
    ],
)
def test_generic_words_are_not_a_topic(text: str) -> None:
    assert parse(text, now=NOW, tz="America/New_York").topic is None
