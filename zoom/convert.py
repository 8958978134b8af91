"""Our frozen values <-> Zoom's raw JSON. Pure functions, no I/O."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import TypedDict
from zoneinfo import ZoneInfo

from zoom.types import (
    Meeting,
    MeetingChanges,
    MeetingSpec,
    RawMeeting,
    RawRecurrence,
    RawUser,
    RecurrenceSpec,
    ZoomUser,
)

INSTANT, SCHEDULED, RECURRING_NO_TIME, RECURRING_FIXED = 1, 2, 3, 8
_FREQUENCY = {"daily": 1, "weekly": 2, "monthly": 3}


class MeetingBody(TypedDict, total=False):
    """The JSON body of POST /users/{userId}/meetings and PATCH /meetings/{meetingId}."""

    topic: str
    type: int
    start_time: str
    timezone: str
    duration: int
    agenda: str
    recurrence: RawRecurrence
    settings: MeetingSettings


class MeetingSettings(TypedDict, total=False):
    meeting_invitees: list[Invitee]


class Invitee(TypedDict):
    email: str


def local_wall_time(moment: datetime, tz: str) -> str:
    """`moment` as wall-clock time in `tz`, Zoom's "yyyy-MM-ddTHH:mm:ss" (no Z, no offset)."""
    _require_aware(moment)
    return moment.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%dT%H:%M:%S")


def utc_text(moment: datetime) -> str:
    _require_aware(moment)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def zoom_weekday(iso_weekday: int) -> int:
    """ISO 1=Monday..7=Sunday -> Zoom 1=Sunday..7=Saturday."""
    if not 1 <= iso_weekday <= 7:
        raise ValueError(f"not an ISO weekday: {iso_weekday}")
    return iso_weekday % 7 + 1


def recurrence_body(spec: RecurrenceSpec, *, tz: str) -> RawRecurrence:
    body: RawRecurrence = {"type": _FREQUENCY[spec.frequency], "repeat_interval": spec.interval}
    if spec.frequency == "weekly" and spec.weekdays:
        body["weekly_days"] = ",".join(
            str(d) for d in sorted({zoom_weekday(d) for d in spec.weekdays})
        )
    if spec.frequency == "monthly" and spec.month_day is not None:
        body["monthly_day"] = spec.month_day
    if spec.count is not None:
        body["end_times"] = spec.count
    elif spec.end_date is not None:
        body["end_date_time"] = _end_of_day_utc(spec.end_date, tz)
    return body


def _end_of_day_utc(day: date, tz: str) -> str:
    return utc_text(datetime.combine(day, time(23, 59, 59), tzinfo=ZoneInfo(tz)))


def create_body(spec: MeetingSpec) -> MeetingBody:
    """Type 2 (scheduled), 8 (recurring, fixed time), 1 (instant) or 3 (recurring, no time)."""
    body: MeetingBody = {
        "topic": spec.topic,
        "timezone": spec.timezone,
        "duration": spec.duration_minutes,
    }
    if spec.agenda:
        body["agenda"] = spec.agenda
    if spec.invitees:
        body["settings"] = {"meeting_invitees": [{"email": e} for e in spec.invitees]}
    if spec.start is None:
        body["type"] = RECURRING_NO_TIME if spec.recurrence else INSTANT
        return body
    body["start_time"] = local_wall_time(spec.start, spec.timezone)
    body["type"] = SCHEDULED
    if spec.recurrence is not None:
        body["type"] = RECURRING_FIXED
        body["recurrence"] = recurrence_body(spec.recurrence, tz=spec.timezone)
    return body


def changes_body(changes: MeetingChanges) -> MeetingBody:
    """Only the changed fields. A new start without a zone goes as UTC ("…Z"), which Zoom takes."""
    body: MeetingBody = {}
    if changes.topic is not None:
        body["topic"] = changes.topic
    if changes.duration_minutes is not None:
        body["duration"] = changes.duration_minutes
    if changes.timezone is not None:
        body["timezone"] = changes.timezone
    if changes.start is not None:
        if changes.timezone is not None:
            body["start_time"] = local_wall_time(changes.start, changes.timezone)
        else:
            body["start_time"] = utc_text(changes.start)
    return body


def parse_zoom_time(text: str, tz: str | None) -> datetime:
    """Zoom's "…Z" (or local time plus `tz`) -> an aware datetime in the meeting's zone."""
    zone = ZoneInfo(tz) if tz else UTC
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def parse_meeting(raw: RawMeeting) -> Meeting:
    tz = raw.get("timezone") or "UTC"
    start_text = raw.get("start_time")
    return Meeting(
        id=int(raw["id"]),
        topic=raw["topic"],
        start=parse_zoom_time(start_text, tz) if start_text else None,
        timezone=tz,
        duration_minutes=int(raw.get("duration", 0)),
        join_url=raw["join_url"],
        status=raw.get("status"),
        agenda=raw.get("agenda") or None,
        raw=raw,
    )


def parse_user(raw: RawUser) -> ZoomUser:
    return ZoomUser(
        id=raw["id"],
        email=raw.get("email"),
        display_name=raw.get("display_name"),
        timezone=raw.get("timezone") or None,
        account_id=raw.get("account_id"),
    )


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("naive datetime: every datetime must be timezone-aware")
