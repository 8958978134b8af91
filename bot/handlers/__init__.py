"""One module per intent family; importing this package registers them all."""

from bot.handlers import account, cancel, help, listing, reschedule, schedule, show
from bot.handlers.registry import HANDLERS, Handler

__all__ = [
    "HANDLERS",
    "Handler",
    "account",
    "cancel",
    "help",
    "listing",
    "reschedule",
    "schedule",
    "show",
]
