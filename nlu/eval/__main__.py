"""`python -m nlu.eval [--misses]`: print the figures the issue asks for.

The corpora live in ../shared/eval beside the repository; ZOOMBOT_EVAL_DIR overrides it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nlu.eval.corpora import DEFAULT_DIR, TIME_CORPORA, TimeCase, Utterance, time_cases, utterances
from nlu.eval.scoring import Timer, cold_start_seconds, intent_score, time_accuracy
from nlu.parse import parse
from nlu.types import ParsedCommand


def _show_time_miss(case: TimeCase, result: ParsedCommand) -> None:
    got = result.start.replace(tzinfo=None).isoformat()[:16] if result.start else None
    print(f"  MISS ref={case.reference[:16]} want={case.expected} got={got} | {case.text}")


def _show_intent_miss(item: Utterance, result: ParsedCommand) -> None:
    print(f"  MISS {item.label} -> {result.intent.value} {result.confidence:.2f} | {item.text}")


def main(argv: list[str]) -> int:
    root = Path(os.environ.get("ZOOMBOT_EVAL_DIR", str(DEFAULT_DIR)))
    show = "--misses" in argv
    timer = Timer()
    from datetime import UTC, datetime

    parse("warm up tomorrow at 2pm", now=datetime(2026, 1, 1, tzinfo=UTC), tz="UTC")
    for name in TIME_CORPORA:
        cases = time_cases(root, name)
        acc = time_accuracy(cases, timer, _show_time_miss if show and name in argv else None)
        print(f"time accuracy {name:22s} {acc:.3f}  ({len(cases)} scored rows)")
    items = list(utterances(root))
    score = intent_score(items, timer, _show_intent_miss if show and "intents" in argv else None)
    print(f"intent accuracy (calendar skill) {score.accuracy:.3f}  ({score.scored} utterances)")
    print(
        f"false-action rate (negatives)    {score.false_action_rate:.3f}  "
        f"({score.negatives} utterances; action intent at any confidence: "
        f"{score.any_action_rate:.3f})"
    )
    print(
        f"per parse: median {timer.median():.2f} ms, p99 {timer.p99():.2f} ms  "
        f"({len(timer.samples)} parses)"
    )
    print(f"cold start (import + first parse): {cold_start_seconds():.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
