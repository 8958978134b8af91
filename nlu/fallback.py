"""dateparser as the fallback resolver for a time span the rule grammar found but could
not resolve. It only ever sees that span's text, never the whole message: left to itself
it reads "a 30 minute sync" as a time and "45 minutes" as a date. It is imported lazily
(cold start) and its answers are memoised per (span, reference minute)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo


@lru_cache(maxsize=1024)
def _parse(text: str, base: datetime) -> datetime | None:
    import dateparser

    return dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def resolve_span(text: str, *, now: datetime, zone: ZoneInfo) -> datetime | None:
    """The span's datetime in `zone`, or None when dateparser cannot read it either."""
    base = now.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
    found = _parse(text, base)
    return found.replace(tzinfo=zone) if found is not None else None
