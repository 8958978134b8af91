from __future__ import annotations

from datetime import UTC, datetime

from bot.timefmt import format_duration, format_when, valid_zone


def test_times_are_shown_in_the_viewers_zone() -> None:
    start = datetime(2026, 11, 27, 13, tzinfo=UTC)
    assert format_when(start, "Europe/Berlin") == "Fri 27 Nov 2026, 14:00 (Europe/Berlin)"
    assert format_when(start, "America/New_York") == "Fri 27 Nov 2026, 08:00 (America/New_York)"
    assert format_when(None, "UTC") == "now (instant meeting)"


def test_durations_read_naturally() -> None:
    assert [format_duration(m) for m in (30, 60, 90)] == ["30 min", "1 h", "1 h 30 min"]


def test_only_real_zones_are_valid() -> None:
    assert valid_zone("Asia/Tokyo") == "Asia/Tokyo"
    assert valid_zone("Mars/Base") is None
    assert valid_zone("") is None
    assert valid_zone("../../etc/passwd") is None
