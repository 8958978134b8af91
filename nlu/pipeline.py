"""The spaCy pipeline: `spacy.blank("en")` plus rule components, built once and cached.

- `entity_ruler` (EntityRuler) labels EMAIL, MENTION, MEETING_NUMBER and DURATION tokens.
- `nlu_times` (a rule component over the normalised text, see nlu.timegrammar) puts the
  time expressions in `doc.spans["time"]`; only these spans are ever resolved to dates.
- A statistical model is optional and never required: everything works on the blank one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from nlu.normalize import normalize
from nlu.timegrammar import find_expressions

_UNITS = ["min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "h"]
_NUM = {
    "TEXT": {
        "REGEX": (
            r"^\d+(\.\d+)?$|^(one|two|three|four|five|ten|fifteen|twenty|thirty|forty|forty-five|"
            r"fifty|sixty|ninety)$"
        )
    }
}
_DASH = {"ORTH": "-", "OP": "?"}
_UNIT = {"LOWER": {"IN": _UNITS}}
_HOUR = {"LOWER": {"IN": ["hour", "hr"]}}
_A = {"LOWER": {"IN": ["an", "a"]}}


def _rx(pattern: str) -> dict[str, Any]:
    return {"TEXT": {"REGEX": pattern}}


PATTERNS: list[dict[str, Any]] = [
    {"label": "EMAIL", "pattern": [{"LIKE_EMAIL": True}]},
    {"label": "MENTION", "pattern": [{"ORTH": "<"}, _rx(r"^@[!&]?[A-Za-z0-9]+$"), {"ORTH": ">"}]},
    {"label": "MENTION", "pattern": [_rx(r"^@[A-Za-z][\w.-]*$")]},
    {"label": "MEETING_NUMBER", "pattern": [_rx(r"^\d{9,11}$")]},
    {"label": "MEETING_NUMBER", "pattern": [_rx(r"^\d{3}-\d{3,4}-\d{3,4}$")]},
    {"label": "MEETING_NUMBER", "pattern": [{"SHAPE": "ddd"}, _rx(r"^\d{3,4}$"), _rx(r"^\d{4}$")]},
    {"label": "DURATION", "pattern": [{"LOWER": "half"}, _A, _HOUR]},
    {
        "label": "DURATION",
        "pattern": [
            {"LOWER": {"IN": ["an", "a", "one"]}}, _HOUR,
            {"LOWER": "and"}, {"LOWER": "a"}, {"LOWER": "half"},
        ],
    },
    {"label": "DURATION", "pattern": [_A, _HOUR]},
    {
        "label": "DURATION",
        "pattern": [_NUM, _DASH, _UNIT, {"LOWER": "and", "OP": "?"}, _NUM, _DASH, _UNIT],
    },
    {"label": "DURATION", "pattern": [_NUM, _DASH, _UNIT]},
    {"label": "DURATION", "pattern": [_rx(r"^\d+(\.\d+)?(h|hr|hrs|m|min|mins)$")]},
]  # fmt: skip


@Language.component("nlu_times")
def _time_component(doc: Doc) -> Doc:
    norm = normalize(doc.text)
    spans = []
    for expr in find_expressions(norm.text):
        start, end = norm.original_span(expr.start, expr.end)
        span = doc.char_span(start, end, label="TIME", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["time"] = spans
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The blank English pipeline with the rule components (built on first use)."""
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("entity_ruler", config={"validate": False})
    ruler.add_patterns(PATTERNS)
    nlp.add_pipe("nlu_times")
    return nlp


def analyse(text: str) -> Doc:
    """Run the pipeline on one message."""
    return get_nlp()(text)
