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
