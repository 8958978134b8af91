"""Natural-language understanding for the bot: `parse(text, *, now, tz, people)`."""

from nlu.intents import CONFIDENCE_THRESHOLD
from nlu.parse import parse
from nlu.types import (
    ACTION_INTENTS,
    Directory,
    Intent,
    MeetingRef,
    ParsedCommand,
    Participant,
    Person,
    Recurrence,
    Span,
)

__all__ = [
    "ACTION_INTENTS",
    "CONFIDENCE_THRESHOLD",
    "Directory",
    "Intent",
    "MeetingRef",
    "ParsedCommand",
    "Participant",
    "Person",
    "Recurrence",
    "Span",
    "parse",
]
