"""Durations: "for 30 minutes", "a 30 minute sync", "for an hour", "1.5 hours", "90m"."""

from __future__ import annotations

import re
from datetime import timedelta

from nlu.normalize import CARDINALS

_WORDS = CARDINALS | {"a": 1, "an": 1, "one": 1, "forty-five": 45}
_PIECE = re.compile(
    r"(?P<qty>\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)?\s*-?\s*(?P<unit>h|hr|hrs|hours?|m|mins?|"
    r"minutes?)\b"
)


def duration_of(text: str) -> timedelta | None:
    """The length named by a DURATION span's text (already found by the EntityRuler)."""
    low = text.lower()
    total = 0.0
    if low.startswith("half an") or low.startswith("half a"):
        return timedelta(minutes=30)
    for m in _PIECE.finditer(low):
        raw = m.group("qty") or "1"
        qty = float(raw) if raw[0].isdigit() else float(_WORDS.get(raw, 0))
        if qty == 0:
            continue
        per = 60 if m.group("unit").startswith("h") else 1
        total += qty * per
    if "and a half" in low:
        total += 30
    return timedelta(minutes=total) if total else None
