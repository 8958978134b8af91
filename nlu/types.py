"""The NLU's output types. This is a contract: the dispatcher and the evaluations use it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Literal


class Intent(StrEnum):
    SCHEDULE = "schedule"
    START_NOW = "start_now"
    LIST = "list"
    SHOW = "show"
    RESCHEDULE = "reschedule"
    CANCEL = "cancel"
    JOIN = "join"
    STATUS = "status"
    RECORDINGS = "recordings"
    PARTICIPANTS = "participants"
    SUMMARY = "summary"
    FIND_TIME = "find_time"
    CONNECT = "connect"
    DISCONNECT = "disconnect"
    SETTINGS = "settings"
    HELP = "help"
    UNKNOWN = "unknown"


# Intents that change something in Zoom. A low-confidence parse never runs one of these.
ACTION_INTENTS: frozenset[Intent] = frozenset(
    {Intent.SCHEDULE, Intent.START_NOW, Intent.RESCHEDULE, Intent.CANCEL}
)


@dataclass(frozen=True, slots=True)
class Person:
    """One entry of the people directory, or one participant found in the text."""

    name: str | None = None
    email: str | None = None
    mention_id: str | None = None


Participant = Person

# The people a user can reach (the workspace directory), passed to `parse`.
Directory = tuple[Person, ...]

Frequency = Literal["daily", "weekly", "monthly"]


@dataclass(frozen=True, slots=True)
class Recurrence:
    """Maps onto Zoom's `recurrence` object (type 1 daily, 2 weekly, 3 monthly)."""

    frequency: Frequency
    interval: int = 1
    weekdays: tuple[int, ...] = ()  # ISO weekdays, 1 = Monday … 7 = Sunday
    month_day: int | None = None
    end_date: date | None = None
    count: int | None = None


MeetingRefKind = Literal["number", "context", "time", "topic"]


@dataclass(frozen=True, slots=True)
class MeetingRef:
    """How the user pointed at an existing meeting.

    kind "number": `meeting_id` holds the Zoom meeting number ("join 123 456 7890").
    kind "context": "it" / "that" / "this meeting", the last meeting in the conversation.
    kind "time": "my 3pm"; `start` holds the resolved time.
    kind "topic": "the standup"; `text` holds the words that name it.
    """

    kind: MeetingRefKind
    text: str
    meeting_id: int | None = None
    start: datetime | None = None


@dataclass(frozen=True, slots=True)
class Span:
    label: str  # e.g. "TIME", "DURATION", "PERSON", "TOPIC", "EMAIL", "MENTION"
    start: int  # character offsets into the text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ParsedCommand:
    intent: Intent
    confidence: float
    start: datetime | None = None  # aware, in the user's zone (or the explicit zone)
    end: datetime | None = None
    duration: timedelta | None = None
    recurrence: Recurrence | None = None
    participants: tuple[Person, ...] = ()
    topic: str | None = None
    meeting_ref: MeetingRef | None = None
    timezone: str | None = None  # an explicit IANA zone named in the text
    spans: tuple[Span, ...] = field(default=())
    # Added by the NLU (issue 3): how precise `start` is: "minute" or "hour" when the text
    # gave a clock time, "day" / "week" / "month" / "year" when it gave only a date
    # (then `start` is midnight and the bot must ask for the time), None without a time.
    grain: str | None = None
    # Added by the NLU (issue 3): "push it back 30 minutes" / "bring it forward by an hour"
    # (reschedule only): how far to move the meeting; negative means earlier.
    shift: timedelta | None = None
