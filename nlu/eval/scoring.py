"""Score the parser: time accuracy, intent accuracy, false actions, speed."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from nlu.eval.corpora import INTENT_MAP, NEGATIVE_LABELS, TimeCase, Utterance
from nlu.intents import CONFIDENCE_THRESHOLD
from nlu.parse import parse
from nlu.types import ACTION_INTENTS, ParsedCommand

EVAL_TZ = "UTC"  # reference times are naive wall-clock times; UTC has no DST gaps
_UTC = ZoneInfo(EVAL_TZ)
_INTENT_NOW = datetime(2026, 11, 26, 9, 0, tzinfo=_UTC)


@dataclass(slots=True)
class Timer:
    samples: list[float] = field(default_factory=list)

    def run(self, text: str, now: datetime) -> ParsedCommand:
        t0 = time.perf_counter()
        result = parse(text, now=now, tz=EVAL_TZ)
        self.samples.append((time.perf_counter() - t0) * 1000)
        return result

    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else 0.0

    def p99(self) -> float:
        if not self.samples:
            return 0.0
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def time_hit(case: TimeCase, result: ParsedCommand) -> bool:
    if result.start is None:
        return False
    return result.start.replace(tzinfo=None).isoformat()[: len(case.expected)] == case.expected


def time_accuracy(
    cases: Sequence[TimeCase],
    timer: Timer,
    misses: Callable[[TimeCase, ParsedCommand], None] | None = None,
) -> float:
    hits = 0
    for case in cases:
        now = datetime.fromisoformat(case.reference).replace(tzinfo=_UTC)
        result = timer.run(case.text, now)
        if time_hit(case, result):
            hits += 1
        elif misses is not None:
            misses(case, result)
    return hits / len(cases) if cases else 0.0


@dataclass(frozen=True, slots=True)
class IntentScore:
    accuracy: float
    scored: int
    false_action_rate: float  # acted (action intent at >= threshold) on a negative
    any_action_rate: float  # an action intent at any confidence on a negative
    negatives: int


def is_action(result: ParsedCommand) -> bool:
    return result.intent in ACTION_INTENTS and result.confidence >= CONFIDENCE_THRESHOLD


def intent_score(
    items: Sequence[Utterance], timer: Timer,
    misses: Callable[[Utterance, ParsedCommand], None] | None = None,
) -> IntentScore:  # fmt: skip
    right = scored = acted = any_action = negatives = 0
    for item in items:
        result = timer.run(item.text, _INTENT_NOW)
        if item.label in INTENT_MAP:
            scored += 1
            ok = result.intent is INTENT_MAP[item.label]
            right += ok
            if not ok and misses is not None:
                misses(item, result)
        elif item.label in NEGATIVE_LABELS:
            negatives += 1
            acted += is_action(result)
            any_action += result.intent in ACTION_INTENTS
            if result.intent in ACTION_INTENTS and misses is not None:
                misses(item, result)
    return IntentScore(
        right / max(scored, 1), scored, acted / max(negatives, 1),
        any_action / max(negatives, 1), negatives,
    )  # fmt: skip


_COLD = (
    "import time; t=time.perf_counter(); import datetime as d, zoneinfo as z; import nlu; "
    "nlu.parse('schedule a sync tomorrow at 2pm', now=d.datetime(2026,11,26,9,"
    "tzinfo=z.ZoneInfo('UTC')), tz='UTC'); print(time.perf_counter()-t)"
)


def cold_start_seconds(runs: int = 3) -> float:
    """Import plus first parse, in a fresh interpreter (best of `runs`)."""
    best = float("inf")
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _COLD], capture_output=True, text=True, check=True
        )
        best = min(best, float(out.stdout.strip()))
    return best
