"""Find time expressions in normalised text and split them into typed parts.

This module only finds; `nlu.times` resolves. Each regex below recognises one kind of
part ("tomorrow", "next friday", "june 16th", "14.09.2017", "3:30pm", "at 9", "in 2
hours", "this afternoon" ...). Parts that sit next to each other, separated only by
glue words ("at", "on", "the", commas), form one expression: "tomorrow at 2pm".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7,
}  # fmt: skip

_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WD = (
    r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)s?\.?"
)
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d|'\d\d|(?<=of )\d\d(?![\d:]))"
_MOD = (
    r"(?P<mod>this\s+past|this\s+coming|this\s+upcoming|this|next|last|coming|upcoming|"
    r"following|past|previous)"
)
_UNIT = r"(?P<unit>min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|fortnights?|months?|years?)"
_QTY = r"(?P<qty>\d+(?:\.\d+)?|an?|half\s+an?|a\s+couple\s+of|couple\s+of|a\s+few|few)"
_MERI = r"\s*(?P<meri>am|pm)\b"

# (kind, pattern). Order matters only for overlaps of equal length: earlier wins.
_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "iso",
        (
            r"\b(?P<year>(?:19|20)\d\d)[-/. ](?P<month>1[0-2]|0?[1-9])[-/. ](?P<day>[12]\d|3[01]|"
            r"0?[1-9])\b"
        ),
    ),
    (
        "compact",
        r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<month>1[0-2]|0[1-9])(?P<day>[12]\d|3[01]|0[1-9])(?!\d)",
    ),
    ("ymon", rf"\b(?P<year>(?:19|20)\d\d)[/-]{_MON}[/-]{_DAY}\b"),
    (
        "numdate",
        r"(?<![\d.:/])(?<!at )(?P<a>[12]\d|3[01]|0?[1-9])"
        r"(?:(?P<sep>[/-])(?P<b>[12]\d|3[01]|0?[1-9])|"
        r"(?P<dsep>\.)(?P<db>1[0-2]|0?[1-9]))"
        r"(?:[./-](?P<year>(?:19|20)?\d\d))?(?P<dot>\.)?(?![\d:]|\.\d|\s?[ap]m)"
        r"(?!\s*(?:h|hours?|hrs?|min|minutes?|mins|%|people|persons)\b)",
    ),
    (
        "daymon",
        rf"(?<![\d.$])(?<!\d:)(?<!\$ ){_DAY}(?:\s+day)?\s*(?:of\s+|-|/|\.|,)?\s*{_MON}"
        rf"(?:(?:\s*,?\s*|-|/)(?:of\s+|in\s+)?{_YEAR}(?![\d:]))?",
    ),
    (
        "monday",
        rf"\b{_MON}\s*(?:/|-|,)?\s*(?:the\s+)?{_DAY}(?![\d:]|\.\d)(?!\s*(?:am|pm|h\b|oclock))"
        rf"(?:(?:\s*,?\s*|-|/)(?:of\s+|in\s+)?{_YEAR}(?![\d:]))?",
    ),
    (
        "holiday",
        (
            r"\b(?:(?P<mod>next|last|previous|following|this)\s+)?(?P<hol>christmas eve|christmas|"
            r"xmas|new year'?s? eve|new year'?s?(?: day)?|easter(?: sunday| monday)?|good friday|"
            r"thanksgiving|black friday|halloween|valentine'?s?(?: day)?|(?:saint|"
            r"st\.?) patrick'?s?(?: day)?|earth day|independence day|"
            r"(?:international )?workers'? day|may day|boxing day)(?:\s*,?\s*(?:of\s+|"
            r"in\s+)?(?P<year>(?:19|20)\d\d))?(?P<tyear>\s+of\s+this\s+year)?"
        ),
    ),
    (
        "wdday",
        (
            rf"\b{_WD},?\s+(?:the\s+)?(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.]|"
            rf"\s*(?:am|pm|oclock|h\b|[/.-]\d|min|hour))(?!\s+(?:jan|feb|mar|apr|may|jun|jul|aug|"
            rf"sep|oct|nov|dec))"
        ),
    ),
    (
        "theday",
        (
            r"\b(?P<rel>(?:for|of) the day|the day (?:before|after)(?!\s+(?:tomorrow|yesterday|"
            r"\d))|last night|otd)\b"
        ),
    ),
    ("reldayoff", r"\b(?P<rel>(?:the\s+)?day\s+(?:after|before)\s+(?:tomorrow|yesterday))\b"),
    ("relday", r"\b(?P<rel>today|tonight|tomorrow|yesterday|now)\b"),
    ("weekwd", rf"\b{_MOD}\s+week\s*(?:-\s*|,\s*|on\s+)?{_WD}"),
    (
        "wdweek",
        (
            rf"\b(?:{_MOD}\s+)?{_WD}\s+(?:of\s+)?(?P<wmod>this|next|last|the\s+following|"
            rf"the\s+next|the\s+previous|previous|following)\s+week\b"
        ),
    ),
    ("wd", rf"\b(?:{_MOD}\s+)?{_WD}(?![a-z])"),
    (
        "offset",
        rf"\b(?P<dir>in\s+|within\s+)(?:{_QTY}\s+{_UNIT}|a\s+(?P<fn>fortnight))(?:'s\s+time)?\b",
    ),
    (
        "offset",
        (
            rf"\b{_QTY}\s+{_UNIT}\s+(?P<dir>from\s+now|from\s+today|from\s+tomorrow|ago|later|"
            rf"after\s+today|before\s+yesterday|after|before|from)\b"
        ),
    ),
    ("offset", r"\b(?P<fn>a\s+fortnight)\s+(?P<dir>later|ago)\b"),
    ("period", rf"\b{_MOD}\s+(?P<per>week(?:end)?|month|year)\b"),
    (
        "ordday",
        (
            rf"(?:\bthe\s+|\bon\s+(?=\d\d?(?:st|nd|rd|th)))(?!1:1){_DAY}(?![/:.-]\d)(?:\s+day)?"
            rf"(?:\s+of\s+(?P<mmod>this|next|last)\s+month|"
            rf"\s+(?P<mmod2>this|next)\s+month)?\b"
        ),
    ),
    ("ordday", r"(?<![\d.:/])(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"),
    (
        "clock",
        rf"(?<![\d.:/])(?P<h>[01]?\d|2[0-4])[:h](?P<m>[0-5]\d)(?::[0-5]\d)?(?:{_MERI}|\s*h\b)?",
    ),
    ("clock", rf"(?<![\d.:/])(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)(?!\d|\.\d)(?:{_MERI}|\s*h\b)?"),
    ("clock", rf"(?<![\d.:/])(?P<h>[01]?\d|2[0-3])(?P<m>[0-5]\d)(?:{_MERI}|\s*h\b)"),
    ("hourm", rf"(?<![\d.:/])(?P<h>1[0-2]|0?[1-9])(?:\.)?{_MERI}"),
    ("hourm", r"(?<![\d.:/])(?P<h>1[0-2]|0?[1-9])\s*(?P<oc>oclock|ish)\b"),
    (
        "past",
        r"\b(?P<mm>half|(?:a\s+)?quarter|\d\d?)(?:\s+min(?:ute)?s?)?\s+(?P<dir>past|"
        r"after)\s+(?P<h>1[0-2]|0?[1-9])(?:\s*oclock)?(?:" + _MERI + r")?",
    ),
    (
        "past",
        r"\b(?P<mm>(?:a\s+)?quarter|\d\d?\s+min(?:ute)?s?)\s+(?P<dir>to|till|"
        r"before)\s+(?P<h>1[0-2]|0?[1-9])(?:\s*oclock)?(?:" + _MERI + r")?",
    ),
    (
        "rangehour",
        (
            r"(?<![\d.:/$])(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?(?:\s*(?P<meri>am|"
            r"pm))?(?=\s*(?:-|–|to|until|till)\s*\d|(?<=between \d)\s+and\s+\d|"
            r"(?<=between \d\d)\s+and\s+\d)"
        ),
    ),
    (
        "hmwords",
        (
            rf"\bat\s+(?P<h>1[0-2]|0?[1-9])(?:\s|-(?=[2-5]\d))(?P<m>[1-5]\d)\b(?!\s*(?:hour|h\b|day|week|month|"
            rf"year|/))(?:{_MERI})?"
        ),
    ),
    # "10 15 am" is 10:15; with a dash only when the second number can't be an hour, so that
    # "10-11am" stays a range
    ("hmwords", rf"(?<![\d.:/])(?P<h>1[0-2]|0?[1-9])(?:\s|-(?=[2-5]\d))(?P<m>[1-5]\d){_MERI}"),
    ("noon", r"\b(?P<w>noon(?:ish)?|midday|midnight|12\s+noon)\b"),
    (
        "pod",
        (
            r"\b(?:(?P<pmod>this|tomorrow|in\s+the|early(?:\s+in\s+the)?|late(?:\s+in\s+the)?|"
            r"mid)\s*)?(?P<pod>morning|afternoon|evening|night|eod|end\s+of\s+(?:the\s+)?day|"
            r"lunch(?:\s*time)?)\b"
        ),
    ),
    (
        "athour",
        (
            r"(?:\b(?:at|around|about|by|approximately|approx|@)\s+|@)(?P<h>2[0-3]|1\d|"
            r"0?\d)(?P<m>[0-5]\d)?(?![\d:]|[./]\d|\s*(?:min|minutes?|hours?|hrs?|days?|weeks?|"
            r"months?|years?|people|persons|of|am|pm|h|oclock)\b)"
        ),
    ),
    ("bare4", r"(?<![\d.:/$])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?![\d.:/])"),
    (
        "barehour",
        (
            r"(?<![\d.:/$])(?P<h>1[0-2]|[1-9])(?![\d:]|[./]\d)(?!\s*(?:min|h|hours?|hrs?|days?|"
            r"weeks?|months?|years?|people|persons|of|st|nd|rd|th)\b)"
        ),
    ),
    ("year", r"\b(?:in\s+|of\s+)(?P<year>(?:19|20)\d\d)\b"),
    # Dates in an unusual order ("2020/23/sep", "23-2020-september"): no rule resolves
    # them; dateparser does (see nlu.fallback).
    ("dateish", rf"\b(?:\d{{1,4}}[-/.])?{_MON}[-/.]\d{{1,4}}(?:[-/.]\d{{1,4}})?\b"),
    ("dateish", rf"\b\d{{1,4}}[-/.]\d{{1,4}}[-/.]{_MON}(?![a-z])"),
)

# Parts that only count when another part of the same expression is a real time/date.
# One expression holds at most one clock time: "3-4pm" and "10am-11am" are two expressions.
CLOCK_KINDS = frozenset(
    {"clock", "hourm", "hmwords", "athour", "bare4", "barehour", "rangehour", "past", "noon"}
)
# Parts that only dateparser resolves.
FALLBACK_KINDS = frozenset({"dateish"})
WEAK_KINDS = frozenset({"bare4", "barehour", "year"})
_ABBREV_WD = re.compile(r"(?:sun|sat|wed|mon)\.?$")
GLUE_RX = re.compile(
    r"^(?:[\s,()\-/.]|\bat\b|\bon\b|\baround\b|\babout\b|\bby\b|\bof\b|\bthe\b|\bin\b"
    r"|\bapproximately\b|\bapprox\b|\bfrom\b|\bstarting\b|@|'s\b)*$"
)
_COMPILED = tuple((kind, re.compile(rx)) for kind, rx in _PATTERNS)


@dataclass(frozen=True, slots=True)
class Part:
    kind: str
    start: int
    end: int
    groups: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        for key, value in self.groups:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Expression:
    start: int
    end: int
    parts: tuple[Part, ...]


def _candidates(text: str) -> list[Part]:
    found: list[Part] = []
    for kind, rx in _COMPILED:
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            if _abbrev_noun(text, m):
                continue
            found.append(Part(kind, m.start(), m.end(), groups))
    return found


def _abbrev_noun(text: str, m: re.Match[str]) -> bool:
    """ "the sun will set": a short weekday after "the" is a noun, not a day."""
    wd = m.groupdict().get("wd")
    return bool(wd and _ABBREV_WD.match(wd) and text[: m.start("wd")].endswith("the "))


def _select(cands: list[Part]) -> list[Part]:
    """Keep the longest non-overlapping parts (ties: earlier pattern wins)."""
    order = {kind: i for i, (kind, _) in enumerate(_PATTERNS)}
    ranked = sorted(cands, key=lambda p: (-(p.end - p.start), order[p.kind], p.start))
    taken: list[Part] = []
    for part in ranked:
        if all(part.end <= t.start or part.start >= t.end for t in taken):
            taken.append(part)
    return sorted(taken, key=lambda p: p.start)


def _has_clock(group: list[Part]) -> bool:
    return any(p.kind in CLOCK_KINDS for p in group)


def _cluster(parts: list[Part], text: str) -> list[Expression]:
    groups: list[list[Part]] = []
    for part in parts:
        two_clocks = bool(groups) and part.kind in CLOCK_KINDS and _has_clock(groups[-1])
        if groups and not two_clocks and GLUE_RX.match(text[groups[-1][-1].end : part.start]):
            groups[-1].append(part)
        else:
            groups.append([part])
    out: list[Expression] = []
    for group in groups:
        if all(p.kind in WEAK_KINDS for p in group):
            continue
        out.append(Expression(group[0].start, group[-1].end, tuple(group)))
    return out


@lru_cache(maxsize=4096)
def find_expressions(text: str) -> tuple[Expression, ...]:
    """All time expressions in normalised `text`, in reading order."""
    return tuple(_cluster(_select(_candidates(text)), text))
