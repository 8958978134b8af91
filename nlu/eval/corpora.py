"""Load the evaluation corpora (JSONL time corpora and the calendar-skill .lu file)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlu.types import Intent

DEFAULT_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
TIME_CORPORA: dict[str, str] = {
    "recognizers": "recognizers/DateTimeModel_en.jsonl",
    "ctparse": "ctparse/ctparse_timeparse_en.jsonl",
    "recognizers-calendar": "recognizers/DateTimeModelCalendarMode_en.jsonl",
    "recognizers-tasks": "recognizers/DateTimeModelTasksMode_en.jsonl",
    "recognizers-complex": "recognizers/DateTimeModelComplexCalendar_en.jsonl",
}
CALENDAR_LU = "botframework_calendar/Calendar.en-us.lu"
INTENT_MAP: dict[str, Intent] = {
    "CreateCalendarEntry": Intent.SCHEDULE,
    "ChangeCalendarEntry": Intent.RESCHEDULE,
    "AddCalendarEntryAttribute": Intent.RESCHEDULE,
    "FindCalendarEntry": Intent.LIST,
    "ShowNextCalendar": Intent.LIST,
    "ShowPreviousCalendar": Intent.LIST,
    "FindCalendarDetail": Intent.SHOW,
    "FindCalendarWho": Intent.SHOW,
    "FindCalendarWhen": Intent.SHOW,
    "FindCalendarWhere": Intent.SHOW,
    "FindDuration": Intent.SHOW,
    "TimeRemaining": Intent.SHOW,
    "DeleteCalendarEntry": Intent.CANCEL,
    "ConnectToMeeting": Intent.JOIN,
    "CheckAvailability": Intent.FIND_TIME,
}
NEGATIVE_LABELS = frozenset(
    {"FindMeetingRoom", "AcceptEventEntry", "RejectCalendar", "ContactMeetingAttendees",
     "CancelCalendar", "None"}
)  # fmt: skip
_GRAIN_CHARS = {"minute": 16, "hour": 13, "day": 10}
_ENTITY = re.compile(r"\{[A-Za-z]+=([^}]*)\}")


@dataclass(frozen=True, slots=True)
class TimeCase:
    text: str
    reference: str  # naive ISO wall-clock time
    expected: str  # the expected start, cut to the grain


@dataclass(frozen=True, slots=True)
class Utterance:
    text: str
    label: str


def is_scored(row: dict[str, Any]) -> bool:
    """The README's rule: clean, a single value, no holiday, grain minute/hour/day."""
    return (
        row.get("clean") is not False
        and row.get("expected_type") == "value"
        and row.get("expected_grain") in _GRAIN_CHARS
        and "holiday" not in json.dumps(row).lower()
    )


def time_cases(root: Path, name: str) -> list[TimeCase]:
    out: list[TimeCase] = []
    with (root / TIME_CORPORA[name]).open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if is_scored(row):
                cut = _GRAIN_CHARS[row["expected_grain"]]
                out.append(
                    TimeCase(row["text"], row["reference_time"], row["expected_start"][:cut])
                )
    return out


def utterances(root: Path) -> Iterator[Utterance]:
    label = ""
    with (root / CALENDAR_LU).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("## "):
                label = line[3:].strip()
            elif line.startswith("- ") and label:
                yield Utterance(_ENTITY.sub(r"\1", line[2:]).strip(), label)
            elif line.startswith("> # Entity"):
                return
