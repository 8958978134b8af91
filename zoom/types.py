"""Zoom's raw JSON (TypedDicts) and our frozen internal values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, NotRequired, TypedDict

# ---- raw JSON, as the Zoom API sends and takes it --------------------------------


class RawRecurrence(TypedDict, total=False):
    type: int  # 1 daily, 2 weekly, 3 monthly
    repeat_interval: int
    weekly_days: str  # "1,3" with 1 = Sunday … 7 = Saturday (Zoom's numbering)
    monthly_day: int
    end_times: int
    end_date_time: str


class RawMeeting(TypedDict):
    id: int
    topic: str
    type: int
    join_url: str
    uuid: NotRequired[str]
    host_id: NotRequired[str]
    start_time: NotRequired[str]
    timezone: NotRequired[str]
    duration: NotRequired[int]
    agenda: NotRequired[str]
    status: NotRequired[str]
    created_at: NotRequired[str]
    password: NotRequired[str]
    start_url: NotRequired[str]
    recurrence: NotRequired[RawRecurrence]


class RawMeetingList(TypedDict):
    meetings: list[RawMeeting]
    next_page_token: NotRequired[str]
    page_size: NotRequired[int]
    total_records: NotRequired[int]


class RawUser(TypedDict):
    id: str
    email: NotRequired[str]
    first_name: NotRequired[str]
    last_name: NotRequired[str]
    display_name: NotRequired[str]
    timezone: NotRequired[str]
    account_id: NotRequired[str]


class RawToken(TypedDict):
    access_token: str
    token_type: str
    expires_in: int
    scope: NotRequired[str]
    refresh_token: NotRequired[str]
    api_url: NotRequired[str]


# ---- internal values ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecurrenceSpec:
    frequency: Literal["daily", "weekly", "monthly"]
    interval: int = 1
    weekdays: tuple[int, ...] = ()  # ISO weekdays, 1 = Monday
    month_day: int | None = None
    end_date: date | None = None
    count: int | None = None


@dataclass(frozen=True, slots=True)
class MeetingSpec:
    """What we ask Zoom to create. `start` is aware; it is sent as local time + `timezone`."""

    topic: str
    start: datetime | None
    timezone: str
    duration_minutes: int
    agenda: str | None = None
    recurrence: RecurrenceSpec | None = None
    invitees: tuple[str, ...] = ()  # e-mail addresses; Zoom sends them the invitation


@dataclass(frozen=True, slots=True)
class MeetingChanges:
    topic: str | None = None
    start: datetime | None = None
    timezone: str | None = None
    duration_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int
    topic: str
    start: datetime | None  # aware; None for instant/no-fixed-time meetings
    timezone: str
    duration_minutes: int
    join_url: str
    status: str | None = None
    agenda: str | None = None
    raw: RawMeeting | None = None


@dataclass(frozen=True, slots=True)
class ZoomUser:
    id: str
    email: str | None
    display_name: str | None
    timezone: str | None
    account_id: str | None


@dataclass(frozen=True, slots=True)
class ZoomTokens:
    """A user's Zoom OAuth tokens as stored (decrypted in memory only)."""

    access_token: str
    refresh_token: str | None
    expires_at: datetime  # aware, UTC
    scope: str
    zoom_account_id: str | None = None
    zoom_user_id: str | None = None
