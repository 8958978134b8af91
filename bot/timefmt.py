"""Times as people read them, always in the viewer's own zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def valid_zone(name: str | None) -> str | None:
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


def format_when(start: datetime | None, tz: str) -> str:
    """'Fri 27 Nov 2026, 14:00 (Europe/Berlin)'; instant meetings have no start."""
    if start is None:
        return "now (instant meeting)"
    local = start.astimezone(ZoneInfo(tz))
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M} ({tz})"


def format_duration(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    if hours and mins:
        return f"{hours} h {mins} min"
    return f"{hours} h" if hours else f"{mins} min"
