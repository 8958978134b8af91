"""Reply -> Block Kit, one renderer per reply type (bot.rendering registry).

Who sees what: meeting cards (created, moved, cancelled) go to the channel, so the people
in it get the Join button; lists, details, help, questions, connect links and errors are
the asker's own and stay ephemeral.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from bot import replies
from bot.rendering import Renderers
from bot.timefmt import format_duration, format_when
from zoom.types import Meeting

Block = dict[str, Any]
Visibility = Literal["ephemeral", "in_channel"]
MAX_SECTION = 2900  # Slack allows 3000 characters in a section's text
MAX_LISTED = 15  # 3 blocks each stays well under Slack's 50 blocks per message
BUTTON = "zb"  # every action_id we make starts with this


@dataclass(frozen=True, slots=True)
class SlackMessage:
    text: str  # the notification / fallback text
    blocks: tuple[Block, ...]
    visibility: Visibility
    replaces_card: bool = False  # after a click, this replaces the message clicked in


renderers: Renderers[SlackMessage] = Renderers("slack")


def escape(text: str) -> str:
    """Slack mrkdwn control characters (https://api.slack.com/reference/surfaces/formatting)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plain(text: str, limit: int = 75) -> dict[str, Any]:
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return {"type": "plain_text", "text": short, "emoji": True}


def section(markdown: str) -> Block:
    text = markdown if len(markdown) <= MAX_SECTION else markdown[: MAX_SECTION - 1] + "…"
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def button(label: str, value: str, *, index: int, style: str | None = None) -> Block:
    element: Block = {
        "type": "button",
        "action_id": f"{BUTTON}:{index}",
        "text": _plain(label),
        "value": value,
    }
    if style is not None:
        element["style"] = style
    return element


def slack_time(meeting: Meeting, viewer_tz: str) -> str:
    """Slack shows `<!date^…>` in each reader's own zone; the fallback is the asker's zone."""
    fallback = format_when(meeting.start, viewer_tz)
    if meeting.start is None:
        return fallback
    epoch = int(meeting.start.timestamp())
    return f"<!date^{epoch}^{{date_short_pretty}} at {{time}}|{fallback}>"


def _overflow(meeting: Meeting) -> Block:
    options = [
        ("Reschedule", f"reschedule_meeting:{meeting.id}"),
        ("Show details", f"show_meeting:{meeting.id}"),
    ]
    return {
        "type": "overflow",
        "action_id": f"{BUTTON}:more:{meeting.id}",
        "options": [{"text": _plain(label), "value": value} for label, value in options],
    }


def _cancel_button(meeting: Meeting) -> Block:
    element = button("Cancel", f"cancel_meeting:{meeting.id}", index=2, style="danger")
    element["confirm"] = {
        "title": _plain("Cancel this meeting?"),
        "text": {"type": "mrkdwn", "text": f"“{escape(meeting.topic)[:200]}” is removed in Zoom."},
        "confirm": _plain("Cancel meeting"),
        "deny": _plain("Keep it"),
        "style": "danger",
    }
    return element


def meeting_card(meeting: Meeting, viewer_tz: str, *, lead: str) -> tuple[Block, ...]:
    when = slack_time(meeting, viewer_tz)
    body = f"{lead}*{escape(meeting.topic)}*\n{when} · {format_duration(meeting.duration_minutes)}"
    top = section(body)
    top["accessory"] = _overflow(meeting)
    join = {
        "type": "button",
        "action_id": f"{BUTTON}:1",
        "text": _plain("Join"),
        "url": meeting.join_url,
        "value": f"join:{meeting.id}",
        "style": "primary",
    }
    actions = {"type": "actions", "elements": [join, _cancel_button(meeting)]}
    context = {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": f"Zoom meeting {meeting.id}"}],
    }
    return (top, actions, context)


def _summary(meeting: Meeting, tz: str) -> str:
    return f"{meeting.topic} — {format_when(meeting.start, tz)}"


@renderers.register(replies.MeetingCreated)
def _created(r: replies.MeetingCreated) -> SlackMessage:
    blocks = meeting_card(r.meeting, r.viewer_tz, lead=":calendar: Scheduled ")
    return SlackMessage(f"Scheduled: {_summary(r.meeting, r.viewer_tz)}", blocks, "in_channel")


@renderers.register(replies.MeetingUpdated)
def _updated(r: replies.MeetingUpdated) -> SlackMessage:
    blocks = meeting_card(r.meeting, r.viewer_tz, lead=":arrows_counterclockwise: Moved ")
    text = f"Moved: {_summary(r.meeting, r.viewer_tz)}"
    return SlackMessage(text, blocks, "in_channel", replaces_card=True)


@renderers.register(replies.MeetingDetails)
def _details(r: replies.MeetingDetails) -> SlackMessage:
    blocks = meeting_card(r.meeting, r.viewer_tz, lead="")
    return SlackMessage(_summary(r.meeting, r.viewer_tz), blocks, "ephemeral")


def _list_item(meeting: Meeting, tz: str) -> Block:
    line = section(
        f"*{escape(meeting.topic)}*\n{slack_time(meeting, tz)} · "
        f"{format_duration(meeting.duration_minutes)} · <{meeting.join_url}|Join>"
    )
    options = [
        ("Show details", f"show_meeting:{meeting.id}"),
        ("Reschedule", f"reschedule_meeting:{meeting.id}"),
        ("Cancel…", f"confirm_cancel:{meeting.id}"),
    ]
    line["accessory"] = {
        "type": "overflow",
        "action_id": f"{BUTTON}:more:{meeting.id}",
        "options": [{"text": _plain(label), "value": value} for label, value in options],
    }
    return line


@renderers.register(replies.MeetingList)
def _list(r: replies.MeetingList) -> SlackMessage:
    if not r.meetings:
        text = "You have no upcoming meetings. Try “/zoom schedule a sync tomorrow at 10am”."
        return SlackMessage(text, (section(escape(text)),), "ephemeral")
    shown = r.meetings[:MAX_LISTED]
    blocks: list[Block] = [{"type": "header", "text": _plain(r.title, 150)}]
    for meeting in shown:
        blocks += [_list_item(meeting, r.viewer_tz), {"type": "divider"}]
    if len(r.meetings) > len(shown):
        more = f"…and {len(r.meetings) - len(shown)} more."
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": more}]})
    text = f"{r.title}: {len(r.meetings)}"
    return SlackMessage(text, tuple(blocks), "ephemeral")


@renderers.register(replies.MeetingCancelled)
def _cancelled(r: replies.MeetingCancelled) -> SlackMessage:
    text = f"Cancelled “{r.topic}”."
    blocks = (
        section(f":x: Cancelled *{escape(r.topic)}*"),
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": f"Zoom meeting {r.meeting_id}"}],
        },
    )
    return SlackMessage(text, blocks, "in_channel", replaces_card=True)


@renderers.register(replies.ConnectPrompt)
def _connect(r: replies.ConnectPrompt) -> SlackMessage:
    link = {
        "type": "button",
        "action_id": f"{BUTTON}:0",
        "text": _plain("Connect Zoom"),
        "url": r.url,
        "value": "link:",
        "style": "primary",
    }
    blocks = (
        section(f":key: {escape(r.reason)}"),
        {"type": "actions", "elements": [link]},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "This link is yours alone."}]},
    )
    return SlackMessage(r.reason, blocks, "ephemeral")


@renderers.register(replies.Clarify)
def _clarify(r: replies.Clarify) -> SlackMessage:
    elements = [button(c.label, c.value, index=i) for i, c in enumerate(r.choices[:25])]
    blocks: list[Block] = [section(escape(r.question))]
    if elements:
        blocks.append({"type": "actions", "elements": elements})
    return SlackMessage(r.question, tuple(blocks), "ephemeral")


@renderers.register(replies.Help)
def _help(r: replies.Help) -> SlackMessage:
    examples = "\n".join(f"• `/zoom {escape(e)}`" for e in r.examples)
    blocks = (section(f"*{escape(r.title)}*"), section(examples or "…"))
    return SlackMessage(r.title, blocks, "ephemeral")


@renderers.register(replies.Notice)
def _notice(r: replies.Notice) -> SlackMessage:
    return SlackMessage(r.text, (section(escape(r.text)),), "ephemeral", replaces_card=False)


@renderers.register(replies.Error)
def _error(r: replies.Error) -> SlackMessage:
    return SlackMessage(r.message, (section(f":warning: {escape(r.message)}"),), "ephemeral")


def render(reply: replies.Reply) -> SlackMessage:
    return renderers.render(reply)


def stamp_owner(message: SlackMessage, owner: str) -> SlackMessage:
    """Prefix every button/option value with "<owner>|" so a click says whose message it was."""
    return replace(message, blocks=tuple(_stamp(block, owner) for block in message.blocks))


def _stamp(node: Any, owner: str) -> Any:
    if isinstance(node, list):
        return [_stamp(item, owner) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _stamp(value, owner) for key, value in node.items()}
    if isinstance(out.get("value"), str) and "text" in out and node.get("type") != "mrkdwn":
        out["value"] = f"{owner}|{out['value']}"
    return out


def split_value(value: str) -> tuple[str | None, str]:
    """ "U1|cancel_meeting:42" -> ("U1", "cancel_meeting:42"); unstamped -> (None, value)."""
    owner, bar, rest = value.partition("|")
    return (owner or None, rest) if bar else (None, value)
