"""Payload builders for zoom/ tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from zoom.types import MeetingSpec, RecurrenceSpec

PARIS = "Europe/Paris"


def meeting_spec(
    *,
    topic: str = "Weekly sync",
    start: datetime | None = None,
    timezone: str = PARIS,
    duration_minutes: int = 30,
    recurrence: RecurrenceSpec | None = None,
    invitees: tuple[str, ...] = (),
) -> MeetingSpec:
    if start is None:
        start = datetime.now(ZoneInfo(timezone)).replace(microsecond=0) + timedelta(days=2)
    return MeetingSpec(
        topic=topic,
        start=start,
        timezone=timezone,
        duration_minutes=duration_minutes,
        recurrence=recurrence,
        invitees=invitees,
    )
