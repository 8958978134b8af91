"""Participants: emails, platform mentions and names ("with dave and Priya", "invite maría").

Mentions: Slack `<@U123>`, Discord `<@123>` / `<@!123>`, Teams `<at>Name</at>`, and a
plain `@alice`. Names after "with"/"invite"/"and" count when they are capitalised, or
when the directory knows them, or when they follow "with" in a meeting command.
"""

from __future__ import annotations

import re

from nlu.types import Directory, Person

_SLACK = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]+))?>")
_DISCORD = re.compile(r"<@[!&]?(\d{5,25})>")
_TEAMS = re.compile(r"<at(?:\s+id=\"([^\"]*)\")?>([^<]+)</at>")
_AT = re.compile(r"(?<![\w<])@([A-Za-z][\w.-]*[A-Za-z0-9]|[A-Za-z])")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_NAME = r"[^\W\d_][\w'’-]*"
_LIST = re.compile(
    rf"\b(?:with|invite|inviting|including|and|plus|add)\s+({_NAME}(?:\s+{_NAME})?)",
    re.IGNORECASE,
)
NOT_NAMES = frozenset(
    [
        "a",
        "an",
        "the",
        "me",
        "my",
        "our",
        "us",
        "you",
        "him",
        "her",
        "them",
        "everyone",
        "everybody",
        "team",
        "all",
        "it",
        "this",
        "that",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "people",
        "folks",
        "guys",
        "colleagues",
        "zoom",
        "meeting",
        "call",
        "sync",
        "and",
        "or",
        "for",
        "at",
        "on",
        "in",
        "to",
        "from",
        "next",
        "tomorrow",
        "today",
        "tonight",
        "every",
        "each",
        "about",
        "called",
        "named",
        "notes",
        "agenda",
        "video",
        "audio",
        "recording",
        "link",
        "invite",
        "invites",
        "room",
        "subject",
        "topic",
        "new",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "morning",
        "afternoon",
        "evening",
        "noon",
        "midnight",
        "week",
        "month",
        "year",
        "daily",
        "weekly",
        "monthly",
        "minutes",
        "minute",
        "hour",
        "hours",
        "an",
        "half",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "i",
    ]
)


def _dedupe(people: list[Person]) -> tuple[Person, ...]:
    seen: set[tuple[str | None, str | None, str | None]] = set()
    out: list[Person] = []
    for p in people:
        key = (p.name.lower() if p.name else None, p.email, p.mention_id)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return tuple(out)


def _lookup(directory: Directory, *, name: str | None = None, email: str | None = None,
            mention: str | None = None) -> Person | None:  # fmt: skip
    for person in directory:
        if mention and person.mention_id == mention:
            return person
        if email and person.email and person.email.lower() == email.lower():
            return person
        if name and person.name and _name_matches(person.name, name):
            return person
    return None


def _name_matches(full: str, said: str) -> bool:
    full_l, said_l = full.lower(), said.lower()
    return full_l == said_l or full_l.split()[0] == said_l or said_l in full_l.split()


def _mentions(text: str, directory: Directory) -> list[tuple[Person, int, int]]:
    found: list[tuple[Person, int, int]] = []
    for rx, label in ((_SLACK, "slack"), (_DISCORD, "discord")):
        for m in rx.finditer(text):
            known = _lookup(directory, mention=m.group(1))
            name = m.group(2) if label == "slack" else None
            found.append((known or Person(name=name, mention_id=m.group(1)), m.start(), m.end()))
    for m in _TEAMS.finditer(text):
        known = _lookup(directory, name=m.group(2).strip())
        person = Person(name=m.group(2).strip(), mention_id=m.group(1) or None)
        found.append((known or person, m.start(), m.end()))
    for m in _AT.finditer(text):
        if _EMAIL.match(text, max(0, text.rfind(" ", 0, m.start()) + 1)):
            continue
        known = _lookup(directory, name=m.group(1), mention=m.group(1))
        found.append((known or Person(name=m.group(1)), m.start(), m.end()))
    return found


def find_people(
    text: str, *, directory: Directory, taken: list[tuple[int, int]]
) -> tuple[tuple[Person, ...], list[tuple[int, int]]]:
    """People named in the text, and the spans they occupy."""
    found = _mentions(text, directory)
    for m in _EMAIL.finditer(text):
        known = _lookup(directory, email=m.group(0))
        found.append((known or Person(email=m.group(0)), m.start(), m.end()))
    spans = [(s, e) for _, s, e in found]
    for person, start, end in _names(text, directory, taken + spans):
        found.append((person, start, end))
    found.sort(key=lambda item: item[1])
    return _dedupe([p for p, _, _ in found]), [(s, e) for _, s, e in found]


def _names(
    text: str, directory: Directory, taken: list[tuple[int, int]]
) -> list[tuple[Person, int, int]]:
    out: list[tuple[Person, int, int]] = []
    pos = 0
    while (m := _LIST.search(text, pos)) is not None:
        pos = m.end(1) if m.end(1) > m.start() else m.end()
        words = _trim(m.group(1).split())
        if not words:
            continue
        name = " ".join(words)
        if any(m.start(1) < e and s < m.start(1) + len(name) for s, e in taken):
            continue
        known = _lookup(directory, name=name) or _lookup(directory, name=words[0])
        if known is None and m.group(0).lower().startswith("and") and not out:
            continue  # "and" only continues a list that already started
        if known is None and not (
            name[0].isupper()
            or m.group(0).lower().split()[0] in ("with", "invite", "inviting", "and")
        ):
            continue
        out.append((known or Person(name=name), m.start(1), m.start(1) + len(name)))
        pos = m.start(1) + len(name)
    return out


def _trim(words: list[str]) -> list[str]:
    kept: list[str] = []
    for w in words:
        if w.lower() in NOT_NAMES:
            break
        kept.append(w)
    if len(kept) == 2 and not kept[1][0].isupper():
        kept = kept[:1]
    return kept
