"""The question the bot is waiting on, per user and channel, kept in storage.

A pending question is a small JSON dict:
  {"kind": "confirm" | "choose" | "ask_time", "text": <the original command>,
   "choices": [[label, action_value], ...], "intent": <intent for ask_time>,
   "meeting_id": <for reschedule>}
"""

from __future__ import annotations

import re
from typing import Any

from bot.context import Context
from bot.replies import Choice, Clarify
from storage import conversation

YES = frozenset({"yes", "y", "yeah", "yep", "sure", "ok", "okay", "confirm", "do it", "please do"})
NO = frozenset({"no", "n", "nope", "nah", "keep", "keep it", "don't", "dont", "stop", "never mind"})


async def ask(ctx: Context, question: Clarify, *, kind: str, **extra: Any) -> Clarify:
    pending: dict[str, Any] = {
        "kind": kind,
        "text": ctx.event.text,
        "choices": [[c.label, c.value] for c in question.choices],
        **extra,
    }
    await conversation.set_pending(
        ctx.services.db,
        account_id=ctx.account.id,
        channel_key=ctx.channel_key,
        pending=pending,
        now=ctx.now,
    )
    return question


async def clear(ctx: Context) -> None:
    await conversation.clear_pending(
        ctx.services.db, account_id=ctx.account.id, channel_key=ctx.channel_key, now=ctx.now
    )


def _norm(text: str) -> str:
    return re.sub(r"[^\w\s']", "", text.lower()).strip()


def choice_for_answer(pending: dict[str, Any], text: str) -> str | None:
    """The action value that a typed answer picks, or None if it is not an answer."""
    choices: list[list[str]] = pending.get("choices") or []
    answer = _norm(text)
    if answer.isdigit() and 1 <= int(answer) <= len(choices):
        return choices[int(answer) - 1][1]
    for label, value in choices:
        if answer == _norm(label):
            return value
    if pending.get("kind") == "confirm" and len(choices) == 2:
        if answer in YES or answer.startswith("yes"):
            return choices[0][1]
        if answer in NO or answer.startswith("no"):
            return choices[1][1]
    return None


def clarify(question: str, *pairs: tuple[str, str]) -> Clarify:
    return Clarify(question=question, choices=tuple(Choice(label=a, value=b) for a, b in pairs))
