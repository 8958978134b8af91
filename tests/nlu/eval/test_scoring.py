"""A smoke-sized slice of `python -m nlu.eval`, with honest floors.

The full evaluation runs outside the test suite (`python -m nlu.eval`). Here every
fourth scored row of each corpus (every third utterance) is parsed; the floors sit a little
under what this slice measured (recognizers 0.82, ctparse 0.88, intents 0.955, false
actions 0.008).
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from nlu.eval.corpora import DEFAULT_DIR, INTENT_MAP, time_cases, utterances
from nlu.eval.scoring import Timer, intent_score, time_accuracy
from tests.fixtures.shared_dir import shared_dir

_SHARED = shared_dir()
ROOT = Path(
    os.environ.get("ZOOMBOT_EVAL_DIR") or (str(_SHARED / "eval") if _SHARED else str(DEFAULT_DIR))
)
if os.environ.get("ZOOMBOT_REQUIRE_EVAL") == "1" and not (ROOT / "ctparse").is_dir():
    raise RuntimeError(f"ZOOMBOT_REQUIRE_EVAL=1 but the evaluation corpora are not at {ROOT}")
pytestmark = pytest.mark.skipif(
    not (ROOT / "ctparse").is_dir(), reason=f"evaluation corpora not found at {ROOT}"
)


@pytest.mark.parametrize(("corpus", "floor"), [("recognizers", 0.78), ("ctparse", 0.84)])
def test_time_accuracy_floor(corpus: str, floor: float) -> None:
    cases = time_cases(ROOT, corpus)[::4]
    assert len(cases) > 40
    assert time_accuracy(cases, Timer()) >= floor


def test_intent_accuracy_and_false_actions() -> None:
    items = list(itertools.islice(utterances(ROOT), 0, None, 3))
    score = intent_score(items, Timer())
    assert score.scored > 300 and score.negatives > 200
    assert score.accuracy >= 0.92
    assert score.false_action_rate <= 0.02


def test_the_corpus_reader_sees_every_mapped_intent() -> None:
    labels = {u.label for u in utterances(ROOT)}
    assert set(INTENT_MAP) <= labels
    assert len(time_cases(ROOT, "recognizers")) == 243
    assert len(time_cases(ROOT, "ctparse")) == 169
