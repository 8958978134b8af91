"""Topics: "called Team Sync", "about the Q3 budget", "titled …", or quoted text."""

from __future__ import annotations

import re

_QUOTED = re.compile(r"[\"“”']([^\"“”']{2,80})[\"“”']")
_STOP = (
    r"(?=\s+(?:with|for|on|at|from|tomorrow|today|tonight|next|this|every|each|in \d|in an?\b"
    r"|starting|between|by|to invite|and invite)\b|[,.;!?]|$)"
)
_CUE = re.compile(
    (
        r"\b(?:called|named|titled|entitled|about|re:|regarding|topic:?|subject:?|"
        r"on the topic of)\s+(.+?)"
    )
    + _STOP,
    re.IGNORECASE,
)


def find_topic(text: str, *, taken: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """The meeting's topic and its character span, avoiding spans already explained."""
    quoted = _QUOTED.search(text)
    if quoted and not _overlaps(quoted.start(1), quoted.end(1), taken):
        return quoted.group(1).strip(), quoted.start(1), quoted.end(1)
    for m in _CUE.finditer(text):
        start, end = m.start(1), m.end(1)
        for t_start, _t_end in sorted(taken):
            if start <= t_start < end:
                end = t_start
        topic = text[start:end].strip(" ,")
        if topic and not _overlaps(start, start + len(topic), taken):
            return topic, start, start + len(topic)
    return None


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


# "schedule standup tomorrow", "set up a design review with bob": the words after the verb.
_VERB = re.compile(
    r"\b(?:schedule|set\s+up|setup|book|arrange|organi[sz]e|plan|create|start|put\s+in|add)"
    r"\s+(?:me\s+|us\s+)?(?:an?\s+|the\s+|our\s+|my\s+|another\s+|quick\s+|short\s+|new\s+)*",
    re.IGNORECASE,
)
_HEAD_END = re.compile(_STOP.removeprefix("(?=").removesuffix(")"), re.IGNORECASE)
_GENERIC = frozenset(
    [
        "meeting",
        "meetings",
        "call",
        "calls",
        "zoom",
        "zoom-meeting",
        "session",
        "chat",
        "catchup",
        "time",
        "slot",
        "sync-up",
        "it",
        "one",
        "something",
        "sometime",
        "video",
        "conference",
        "videocall",
        "huddle",
    ]
)
_MAX_HEAD_WORDS = 6


def find_head_topic(text: str, *, taken: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """The noun phrase right after a scheduling verb, when it is more than "a meeting"."""
    verb = _VERB.search(text)
    if verb is None:
        return None
    start = verb.end()
    for t_start, t_end in sorted(taken):  # skip "30 minute" and the like right after the verb
        if t_start <= start < t_end or t_start == start:
            start = _skip_space(text, t_end)
    stop = _HEAD_END.search(text, start)
    end = stop.start() if stop else len(text)
    for t_start, _t_end in sorted(taken):
        if start <= t_start < end:
            end = t_start
    words = text[start:end].split()
    if not words or len(words) > _MAX_HEAD_WORDS:
        return None
    if all(w.lower().strip(".,!?") in _GENERIC for w in words):
        return None
    topic = " ".join(words)
    return topic, start, start + len(topic)


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] == " ":
        index += 1
    return index
