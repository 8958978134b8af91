"""Fixtures for the NLU tests: a fixed clock (Thursday 26 Nov 2026, 09:00 New York)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlu import ParsedCommand, Person, parse

TZ = "America/New_York"
NY = ZoneInfo(TZ)
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=NY)  # a Thursday

Parse = Callable[..., ParsedCommand]


def at(day: int, hour: int = 0, minute: int = 0, *, month: int = 11, year: int = 2026) -> datetime:
    """A wall-clock time in New York."""
    return datetime(year, month, day, hour, minute, tzinfo=NY)


@pytest.fixture
def p() -> Parse:
    """parse() with the fixed clock and zone; keyword arguments override them."""

    def run(text: str, **kwargs: object) -> ParsedCommand:
        options: dict[str, object] = {"now": NOW, "tz": TZ} | kwargs
        return parse(text, **options)  # type: ignore[arg-type]

    return run


@pytest.fixture
def directory() -> tuple[Person, ...]:
    return (
        Person(name="Alice Moreau", email="alice@example.com", mention_id="U01ALICE"),
        Person(name="Priya Natarajan", email="priya@example.com", mention_id="U02PRIYA"),
        Person(name="María García", email="maria@example.com", mention_id=None),
    )
