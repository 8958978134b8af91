"""Handlers are registered per intent (match, then handle)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.context import Context
from bot.replies import Reply
from nlu.types import Intent, ParsedCommand

Handler = Callable[[Context, ParsedCommand], Awaitable[Reply]]

HANDLERS: dict[Intent, Handler] = {}


def handles(*intents: Intent) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        for intent in intents:
            if intent in HANDLERS:
                raise RuntimeError(f"two handlers for {intent}")
            HANDLERS[intent] = fn
        return fn

    return register
