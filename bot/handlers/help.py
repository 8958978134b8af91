"""help, unknown, and the intents that are understood but not built yet."""

from __future__ import annotations

from bot.context import Context
from bot.handlers.registry import handles
from bot.replies import Help, Notice, Reply
from nlu.types import Intent, ParsedCommand

EXAMPLES = (
    "schedule a meeting called Team Sync tomorrow at 2pm for 30 minutes",
    "start a meeting now",
    "list my meetings",
    "cancel Team Sync",
    "move it to Friday at 10am",
    "join 123 456 7890",
    "set my timezone to Europe/Berlin",
    "connect my zoom / disconnect zoom",
)

NOT_YET = {
    Intent.STATUS: "meeting status",
    Intent.RECORDINGS: "recordings",
    Intent.PARTICIPANTS: "attendance",
    Intent.SUMMARY: "meeting summaries",
    Intent.FIND_TIME: "finding a time that suits everyone",
}


@handles(Intent.HELP)
async def help_(ctx: Context, cmd: ParsedCommand) -> Reply:
    return Help(title="Here's what I can do with Zoom:", examples=EXAMPLES)


@handles(Intent.UNKNOWN)
async def unknown(ctx: Context, cmd: ParsedCommand) -> Reply:
    return Help(
        title="Sorry, I didn't understand that. I manage Zoom meetings; try one of these:",
        examples=EXAMPLES[:4],
    )


@handles(*NOT_YET)
async def not_yet(ctx: Context, cmd: ParsedCommand) -> Reply:
    return Notice(
        text=f"I understood that you asked about {NOT_YET[cmd.intent]}, but I can't do that "
        "yet. I can schedule, list, move, cancel and join meetings; say “help” for examples."
    )
