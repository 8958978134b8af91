"""Platform-neutral replies. Adapters render them through a registry keyed by type."""

from __future__ import annotations

from dataclasses import dataclass

from zoom.types import Meeting


@dataclass(frozen=True, slots=True)
class Choice:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class MeetingCreated:
    meeting: Meeting
    viewer_tz: str


@dataclass(frozen=True, slots=True)
class MeetingUpdated:
    meeting: Meeting
    viewer_tz: str


@dataclass(frozen=True, slots=True)
class MeetingList:
    meetings: tuple[Meeting, ...]
    viewer_tz: str
    title: str = "Your upcoming meetings"


@dataclass(frozen=True, slots=True)
class MeetingDetails:
    meeting: Meeting
    viewer_tz: str


@dataclass(frozen=True, slots=True)
class MeetingCancelled:
    meeting_id: int
    topic: str


@dataclass(frozen=True, slots=True)
class ConnectPrompt:
    url: str
    reason: str  # why we ask ("Connect Zoom first", "Your Zoom connection expired")


@dataclass(frozen=True, slots=True)
class Clarify:
    question: str
    choices: tuple[Choice, ...]


@dataclass(frozen=True, slots=True)
class Help:
    title: str
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Notice:
    """A plain informational message ("Disconnected from Zoom", "Time zone set")."""

    text: str


@dataclass(frozen=True, slots=True)
class Error:
    message: str  # safe to show; says what to do next
    correlation_id: str | None = None


Reply = (
    MeetingCreated
    | MeetingUpdated
    | MeetingList
    | MeetingDetails
    | MeetingCancelled
    | ConnectPrompt
    | Clarify
    | Help
    | Notice
    | Error
)
