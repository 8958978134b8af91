"""The dispatcher: identity -> NLU -> handler -> Reply. The one error boundary."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from bot import actions, codec, conversation, zoom_failures
from bot.context import Context
from bot.errors import UserFacingError
from bot.events import CommandEvent
from bot.handlers import HANDLERS, Handler, reschedule
from bot.replies import Error, Reply
from bot.services import Services
from bot.timefmt import valid_zone
from nlu import CONFIDENCE_THRESHOLD
from nlu.types import ACTION_INTENTS, Intent, ParsedCommand, Person
from storage import accounts, idempotency
from storage import conversation as conversation_store
from zoom import errors as zerr

log = logging.getLogger(__name__)

MAX_TEXT = 4000

INTENT_LABELS = {
    Intent.SCHEDULE: "schedule a meeting",
    Intent.START_NOW: "start a meeting now",
    Intent.LIST: "list your meetings",
    Intent.SHOW: "show a meeting",
    Intent.RESCHEDULE: "move a meeting",
    Intent.CANCEL: "cancel a meeting",
    Intent.JOIN: "join a meeting",
}


@dataclass(frozen=True, slots=True)
class Outcome:
    reply: Reply
    duplicate: bool  # the platform delivered this event before; `reply` is the first answer


class Dispatcher:
    def __init__(
        self, *, services: Services, handlers: Mapping[Intent, Handler] = HANDLERS
    ) -> None:
        self._services = services
        self._handlers = handlers

    async def dispatch(self, event: CommandEvent) -> Reply:
        """The reply; a repeated delivery (same event_id) gets the first reply again."""
        return (await self._outcome(event)).reply

    async def dispatch_new(self, event: CommandEvent) -> Reply | None:
        """Like dispatch, but None for a repeated delivery: its answer was already sent."""
        outcome = await self._outcome(event)
        return None if outcome.duplicate else outcome.reply

    async def _outcome(self, event: CommandEvent) -> Outcome:
        correlation_id = uuid.uuid4().hex[:12]
        try:
            return await self._dispatch(event, correlation_id)
        except Exception:  # the single error boundary: log with the id, reply neutrally
            log.exception("command failed [%s] platform=%s", correlation_id, event.platform.value)
            error = Error(
                message="Something went wrong on my side, and nothing was changed that I know "
                f"of. Please try again in a minute. (ref {correlation_id})",
                correlation_id=correlation_id,
            )
            return Outcome(error, duplicate=False)

    async def _dispatch(self, event: CommandEvent, correlation_id: str) -> Outcome:
        s = self._services
        now = s.clock()
        account = await accounts.resolve_identity(
            s.db,
            platform=event.platform.value,
            tenant_id=event.tenant_id,
            platform_user_id=event.user.platform_id,
            display_name=event.user.display_name,
            email=event.user.email,
            now=now,
        )
        key = f"{event.platform.value}:{event.tenant_id}:{event.event_id}"
        if event.event_id and not await idempotency.claim(s.db, key=key, now=now):
            stored = await idempotency.get_result(s.db, key=key)
            log.info("duplicate delivery %s ignored [%s]", key, correlation_id)
            if stored is None:
                busy = Error(
                    message="I'm still working on that message.", correlation_id=correlation_id
                )
                return Outcome(busy, duplicate=True)
            return Outcome(codec.reply_from_json(stored), duplicate=True)
        tz = (  # the user's own choice, then the platform's, then Zoom's profile
            valid_zone(account.timezone)
            or valid_zone(event.user.timezone)
            or valid_zone(account.zoom_timezone)
            or s.default_timezone
        )
        ctx = Context(event, account, tz, now, correlation_id, s)
        reply = await self._guarded(ctx)
        if event.event_id:
            await idempotency.save_result(s.db, key=key, result=codec.reply_to_json(reply))
        return Outcome(reply, duplicate=False)

    async def _guarded(self, ctx: Context) -> Reply:
        try:
            return await self._route(ctx)
        except UserFacingError as exc:
            return Error(message=exc.message, correlation_id=ctx.correlation_id)
        except zerr.ZoomError as exc:
            await ctx.audit("zoom_call", result=type(exc).__name__, detail=ctx.correlation_id)
            return await zoom_failures.reply_for(ctx, exc)

    async def _route(self, ctx: Context) -> Reply:
        event = ctx.event
        state = await conversation_store.get_state(
            ctx.services.db, account_id=ctx.account.id, channel_key=ctx.channel_key
        )
        pending = state.pending if state is not None else None
        if event.action is not None:
            return await actions.run(ctx, event.action, pending=pending, handle=self.handle)
        text = event.text.strip()
        if not text:  # a bare "/zoom" or an empty mention: show what the bot can do
            return await self.handle(ctx, ParsedCommand(intent=Intent.HELP, confidence=1.0))
        if len(text) > MAX_TEXT:
            raise UserFacingError(f"That message is too long; keep it under {MAX_TEXT} characters.")
        if pending is not None:
            answered = await self._answer(ctx, pending, text)
            if answered is not None:
                return answered
        return await self.handle(ctx, self._parse(ctx, text))

    def _parse(self, ctx: Context, text: str) -> ParsedCommand:
        known = {m.platform_id: m for m in (*ctx.event.people, *ctx.event.mentions)}
        people = tuple(
            Person(name=m.display_name, email=m.email, mention_id=m.platform_id)
            for m in known.values()
        )
        return ctx.services.parse(text, now=ctx.now, tz=ctx.tz, people=people or None)

    async def _answer(self, ctx: Context, pending: dict[str, Any], text: str) -> Reply | None:
        """Continue the pending question, or None when the text is a new command."""
        value = conversation.choice_for_answer(pending, text)
        if value is not None:
            return await actions.run(
                ctx, actions.parse_value(value), pending=pending, handle=self.handle
            )
        await conversation.clear(ctx)
        if pending.get("kind") != "ask_time":
            return None
        alone = self._parse(ctx, text)
        if alone.start is None and alone.confidence >= CONFIDENCE_THRESHOLD:
            return None  # a new, confident command rather than a time
        intent = Intent(pending.get("intent", Intent.SCHEDULE.value))
        if intent is Intent.RESCHEDULE and pending.get("meeting_id"):
            meeting_id = int(pending["meeting_id"])
            meeting = await ctx.services.zoom.get_meeting(ctx.account.id, meeting_id)
            return await reschedule.move(ctx, meeting, alone)
        combined = self._parse(ctx, f"{pending.get('text', '')} {text}")
        return await self.handle(ctx, replace(combined, intent=intent, confidence=1.0))

    async def handle(self, ctx: Context, cmd: ParsedCommand) -> Reply:
        if cmd.intent in INTENT_LABELS and cmd.confidence < CONFIDENCE_THRESHOLD:
            label = INTENT_LABELS[cmd.intent]
            question = conversation.clarify(
                f"Do you want me to {label}?",
                (f"Yes, {label}", f"intent:{cmd.intent.value}"),
                ("No", "dismiss"),
            )
            return await conversation.ask(ctx, question, kind="confirm")
        if cmd.intent in ACTION_INTENTS:
            log.info("action %s [%s]", cmd.intent.value, ctx.correlation_id)
        return await self._handlers[cmd.intent](ctx, cmd)
