"""How the user points at an existing meeting: a number, "it", "my 3pm", "the standup"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from nlu.types import MeetingRef

_CONTEXT = re.compile(
    r"\b(?:it|that|this|that one|this one|this meeting|that meeting|the meeting|that call|"
    r"this call)\b\s*[.!?]*$"
)
_CONTEXT_ANY = re.compile(
    r"\b(?:cancel|move|delete|reschedule|push|join|end|stop|postpone|start|"
    r"record)\s+(?:it|that|this|that one|this one|this meeting|that meeting|that call)\b"
)
_MY_TIME = re.compile(
    r"\b(?:my|the)\s+(\d{1,2}(?::\d\d)?\s*(?:am|pm)?|noon)(?:\s+(?:meeting|call|sync))?\b"
)
_NAMED = re.compile(
    r"\b(?:the|my|our|today'?s|tomorrow'?s|yesterday'?s|this week'?s|last week'?s)\s+"
    r"((?:(?!(?:of|for|from|in|with|to|on|at)\b)[a-z0-9][\w'-]*\s+){0,3}?(?:standup|stand-up|sync|review|retro|retrospective|"
    r"meeting|call|oneonone|interview|demo|planning|huddle|all[- ]hands|kickoff|"
    r"kick-off|check-in|catch ?up|session|webinar|presentation|training|workshop|offsite|"
    r"lunch|briefing)s?)\b"
)
_GENERIC = {"meeting", "call", "meetings", "calls"}
_AFTER_VERB = re.compile(
    r"^(?:cancel|delete|remove|drop|scrap|call off|move|reschedule|push|postpone|join|end|"
    r"rename)\s+(?:my\s+|the\s+)?(.+?)(?=\s+(?:to|from|until|till|on|at|for|by|tomorrow|"
    r"today|next|this)\b|[.!?]*$)"
)


def find_ref(
    norm: str,
    to_original: Callable[[int, int], str],
    *,
    number: int | None,
    number_text: str | None,
    time_start: datetime | None,
) -> MeetingRef | None:
    """The meeting the text points at, if any (None when it names no existing meeting)."""
    if number is not None:
        return MeetingRef(kind="number", text=number_text or str(number), meeting_id=number)
    my_time = _MY_TIME.search(norm)
    if my_time and time_start is not None:
        return MeetingRef(kind="time", text=my_time.group(0), start=time_start)
    context = _CONTEXT_ANY.search(norm) or _CONTEXT.search(norm)
    if context:
        return MeetingRef(kind="context", text=context.group(0))
    named = _NAMED.search(norm)
    if named and named.group(1) not in _GENERIC:
        return MeetingRef(kind="topic", text=to_original(named.start(1), named.end(1)))
    verb = _AFTER_VERB.search(norm)
    if verb and verb.group(1) not in _GENERIC | {"meeting", "a meeting"}:
        return MeetingRef(kind="topic", text=to_original(verb.start(1), verb.end(1)))
    return None
