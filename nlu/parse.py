"""`parse`: one chat message -> ParsedCommand. Pure: no I/O, no environment, no clock."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from spacy.tokens import Doc

from nlu.durations import duration_of
from nlu.intents import BARE_VERB, IntentGuess, classify
from nlu.normalize import Normalized, normalize
from nlu.people import find_people
from nlu.pipeline import analyse
from nlu.recurrence import find_recurrence
from nlu.refs import find_ref
from nlu.timeline import TimeResult, find_times
from nlu.topics import find_head_topic, find_topic
from nlu.types import Directory, Intent, MeetingRef, ParsedCommand, Person, Span
from nlu.zones import find_zone

# Intents that name a meeting that already exists.
_REF_INTENTS = frozenset(
    {Intent.CANCEL, Intent.RESCHEDULE, Intent.JOIN, Intent.SHOW, Intent.STATUS,
     Intent.RECORDINGS, Intent.PARTICIPANTS, Intent.SUMMARY}
)  # fmt: skip
_TOPIC_INTENTS = frozenset({Intent.SCHEDULE, Intent.START_NOW, Intent.RESCHEDULE})


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    norm: Normalized
    doc: Doc
    intent: Intent


def parse(text: str, *, now: datetime, tz: str, people: Directory | None = None) -> ParsedCommand:
    """Understand one message. `now` must be timezone-aware; `tz` is an IANA zone name."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    norm = normalize(text)
    guess = classify(norm.text)
    explicit = find_zone(text, norm.text)
    zone = ZoneInfo(explicit[0] if explicit else tz)
    found_rule = find_recurrence(norm.text)
    rule = found_rule[0] if found_rule else None
    times = find_times(norm, now=now, zone=zone, intent=guess.intent, recurrence=rule)
    ctx = _Context(text, norm, analyse(text), _settle(guess.intent, times, now))
    spans = _time_spans(ctx)
    duration, shift, times = _lengths(ctx, times, spans)
    topic = _topic(ctx, [(s.start, s.end) for s in spans])
    spans += [topic] if topic else []
    taken = [(s.start, s.end) for s in spans]
    found, people_spans = find_people(text, directory=people or (), taken=taken)
    spans += [Span("PERSON", s, e, text[s:e]) for s, e in people_spans]
    return ParsedCommand(
        intent=ctx.intent,
        confidence=_confidence(guess, found),
        start=times.start,
        end=times.end or (times.start + duration if times.start and duration else None),
        duration=duration,
        recurrence=rule,
        participants=found,
        topic=topic.text if topic else None,
        meeting_ref=_ref(ctx, times),
        timezone=explicit[0] if explicit else None,
        spans=tuple(sorted(spans, key=lambda s: s.start)),
        grain=times.grain,
        shift=shift,
    )


def _settle(intent: Intent, times: TimeResult, now: datetime) -> Intent:
    """Who *will* attend a future meeting is a question about its details, not a report."""
    if intent is Intent.PARTICIPANTS and times.start is not None and times.start > now:
        return Intent.SHOW
    return intent


def _confidence(guess: IntentGuess, people: tuple[Person, ...]) -> float:
    if guess.intent is Intent.SCHEDULE and guess.confidence == BARE_VERB and people:
        return 0.85  # "schedule with @bob at 9": people make the bare verb a meeting
    return guess.confidence


def _lengths(
    ctx: _Context, times: TimeResult, spans: list[Span]
) -> tuple[timedelta | None, timedelta | None, TimeResult]:
    """The meeting's duration, or for a reschedule the shift ("by an hour", "30 min later")."""
    duration = _duration(ctx, times, spans)
    shift = _shift(ctx, duration)
    if shift is not None:
        return None, shift, times
    if ctx.intent is Intent.RESCHEDULE and (relative := _relative_shift(ctx.norm.text)):
        return duration, relative, TimeResult()  # "30 minutes later": later than the meeting
    return duration, None, times


def _time_spans(ctx: _Context) -> list[Span]:
    out = [Span("TIME", s.start_char, s.end_char, s.text) for s in ctx.doc.spans["time"]]
    for ent in ctx.doc.ents:
        if any(ent.start_char < t.end and t.start < ent.end_char for t in out):
            continue
        out.append(Span(ent.label_, ent.start_char, ent.end_char, ent.text))
    return out


def _duration(ctx: _Context, times: TimeResult, spans: list[Span]) -> timedelta | None:
    for span in spans:
        if span.label == "DURATION":
            found = duration_of(span.text)
            if found:
                return found
    if times.start and times.end and times.explicit_end:
        return times.end - times.start
    return None


_SHIFT = re.compile(
    r"\b(?:by|back|forward|out|up)\s+(?:an?\s+|half\s+an?\s+|\d)"
    r"|\b(?:min(?:ute)?s?|hours?|hrs?)\s+(?:later|earlier|back|forward|sooner)\b"
)
_EARLIER = re.compile(r"\b(?:earlier|forward|sooner|up|pull in|pull it in|bring)\b")


def _shift(ctx: _Context, duration: timedelta | None) -> timedelta | None:
    """ "postpone the retro by an hour": a reschedule that moves by a length, not to a time."""
    if ctx.intent is not Intent.RESCHEDULE or duration is None or not _SHIFT.search(ctx.norm.text):
        return None
    return -duration if _EARLIER.search(ctx.norm.text) else duration


_RELATIVE = re.compile(
    r"\b(?P<qty>\d+|an?|half an?)\s*(?P<unit>min(?:ute)?s?|hours?|hrs?)\s+"
    r"(?P<dir>later|earlier|sooner)\b"
)


def _relative_shift(norm: str) -> timedelta | None:
    m = _RELATIVE.search(norm)
    if m is None:
        return None
    found = duration_of(f"{m.group('qty')} {m.group('unit')}")
    if found is None:
        return None
    return found if m.group("dir") == "later" else -found


def _topic(ctx: _Context, taken: list[tuple[int, int]]) -> Span | None:
    if ctx.intent not in _TOPIC_INTENTS and ctx.intent is not Intent.UNKNOWN:
        return None
    found = find_topic(ctx.text, taken=taken)
    if found is None and ctx.intent in (Intent.SCHEDULE, Intent.START_NOW):
        found = find_head_topic(ctx.text, taken=taken)
    if found is None:
        return None
    return Span("TOPIC", found[1], found[2], found[0])


def _ref(ctx: _Context, times: TimeResult) -> MeetingRef | None:
    if ctx.intent not in _REF_INTENTS:
        return None
    number = next((e for e in ctx.doc.ents if e.label_ == "MEETING_NUMBER"), None)
    meeting_id = int("".join(c for c in number.text if c.isdigit())) if number else None

    def to_original(start: int, end: int) -> str:
        s, e = ctx.norm.original_span(start, end)
        return ctx.text[s:e]

    return find_ref(
        ctx.norm.text,
        to_original,
        number=meeting_id,
        number_text=number.text if number else None,
        time_start=times.source or times.start,
    )
