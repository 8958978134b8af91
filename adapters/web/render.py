"""Reply -> JSON for the web chat and the REST API. Zoom's own meeting fields are kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from typing import Any

from bot import replies
from bot.rendering import Renderers
from bot.timefmt import format_duration, format_when
from zoom.types import Meeting

Json = dict[str, Any]
renderers: Renderers[Json] = Renderers("web")


def meeting_json(meeting: Meeting, viewer_tz: str) -> Json:
    raw_start = meeting.raw.get("start_time") if meeting.raw else None
    start = raw_start or (
        meeting.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if meeting.start else None
    )
    return {
        "id": meeting.id,
        "topic": meeting.topic,
        "start_time": start,
        "timezone": meeting.timezone,
        "duration": meeting.duration_minutes,
        "join_url": meeting.join_url,
        "when": format_when(meeting.start, viewer_tz),
    }


def _line(meeting: Meeting, tz: str) -> str:
    when = format_when(meeting.start, tz)
    return f"{meeting.topic} — {when}, {format_duration(meeting.duration_minutes)}"


def _changed(
    kind: str, verb: str
) -> Callable[[replies.MeetingCreated | replies.MeetingUpdated], Json]:
    def render_changed(r: replies.MeetingCreated | replies.MeetingUpdated) -> Json:
        text = f"{verb}: {_line(r.meeting, r.viewer_tz)}."
        return {"type": kind, "text": text, "meeting": meeting_json(r.meeting, r.viewer_tz)}

    return render_changed


renderers.register(replies.MeetingCreated)(_changed("meeting_created", "Scheduled"))
renderers.register(replies.MeetingUpdated)(_changed("meeting_updated", "Moved"))


@renderers.register(replies.MeetingDetails)
def _details(r: replies.MeetingDetails) -> Json:
    return {
        "type": "meeting_details",
        "text": _line(r.meeting, r.viewer_tz),
        "meeting": meeting_json(r.meeting, r.viewer_tz),
    }


@renderers.register(replies.MeetingList)
def _list(r: replies.MeetingList) -> Json:
    if not r.meetings:
        text = "You have no upcoming meetings. Try “schedule a sync tomorrow at 10am”."
    else:
        text = r.title + ":\n" + "\n".join(f"• {_line(m, r.viewer_tz)}" for m in r.meetings)
    meetings = [meeting_json(m, r.viewer_tz) for m in r.meetings]
    return {"type": "meeting_list", "text": text, "meetings": meetings}


@renderers.register(replies.MeetingCancelled)
def _cancelled(r: replies.MeetingCancelled) -> Json:
    return {
        "type": "meeting_cancelled",
        "text": f"Cancelled “{r.topic}”.",
        "meeting_id": r.meeting_id,
    }


@renderers.register(replies.ConnectPrompt)
def _connect(r: replies.ConnectPrompt) -> Json:
    return {"type": "connect", "text": r.reason, "oauth_url": r.url}


@renderers.register(replies.Clarify)
def _clarify(r: replies.Clarify) -> Json:
    choices = [{"label": c.label, "value": c.value} for c in r.choices]
    return {"type": "clarify", "text": r.question, "choices": choices}


@renderers.register(replies.Help)
def _help(r: replies.Help) -> Json:
    text = r.title + "\n" + "\n".join(f"• {e}" for e in r.examples)
    return {"type": "help", "text": text, "examples": list(r.examples)}


@renderers.register(replies.Notice)
def _notice(r: replies.Notice) -> Json:
    return {"type": "notice", "text": r.text}


@renderers.register(replies.Error)
def _error(r: replies.Error) -> Json:
    return {"type": "error", "text": r.message, "correlation_id": r.correlation_id}


def render(reply: replies.Reply) -> Json:
    return renderers.render(reply)
